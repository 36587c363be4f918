/**
 * Whether two runs see the same traffic. The arrivals depend only on the `load` section, the
 * tick length, the timeline's traffic actions and the seed (design.md §1b), so equal ones give
 * the same arrivals tick for tick (common random numbers); when they differ the comparison
 * header says how. Pure.
 */
import type {LoadConfig, SimConfig} from '../sim/index.js';
import {formatDuration} from '../presets/units.js';

/** What the header says about the two sides' traffic. */
export type LoadComparison = {
	/** Both sides get the same arrivals, tick for tick. */
	readonly isSameArrivals: boolean;
	/** One short sentence for the header. */
	readonly note: string;
};

const rate = (perSecond: number) => `${Number(perSecond.toPrecision(4))}/s`;

/** A load section in a few words: `constant 86/s`, `daily 20/s–120/s`, `trace (60 points)`. */
export function describeLoad(load: LoadConfig): string {
	if (load.kind === 'closed') return `closed loop, ${load.concurrency} client${load.concurrency === 1 ? '' : 's'}`;
	switch (load.pattern) {
		case 'constant':
			return `constant ${rate(load.ratePerSecond)}`;
		case 'ramp':
			return `ramp ${rate(load.fromPerSecond)}→${rate(load.toPerSecond)} over ${formatDuration(load.overSeconds)}`;
		case 'spike':
			return `spike ×${load.factor} on ${rate(load.ratePerSecond)} at ${formatDuration(load.atSeconds)}`;
		case 'steps':
			return `${load.steps.length} steps`;
		case 'daily':
		case 'sine':
			return `${load.pattern} ${rate(load.troughPerSecond)}–${rate(load.ratePerSecond)}`;
		case 'trace':
			return `trace (${load.points.length} points)`;
		case 'recorded':
			return `replay of ${formatDuration(load.counts.length * load.binSeconds)}`;
	}
}

const trafficEntries = (config: SimConfig) => JSON.stringify(config.timeline.filter(entry => entry.action.type.startsWith('traffic/')));

/** Compare the traffic of two configs. */
export function compareLoad(a: SimConfig, b: SimConfig): LoadComparison {
	const [loadA, loadB] = [describeLoad(a.load), describeLoad(b.load)];
	if (JSON.stringify(a.load) !== JSON.stringify(b.load)) {
		return {isSameArrivals: false, note: `the load sections differ (A ${loadA}, B ${loadB}): the arrivals differ too`};
	}

	if (a.tickSeconds !== b.tickSeconds) return {isSameArrivals: false, note: `the same load, but ticks of ${formatDuration(a.tickSeconds)} (A) and ${formatDuration(b.tickSeconds)} (B): the arrivals differ`};
	if (trafficEntries(a) !== trafficEntries(b)) return {isSameArrivals: false, note: `the same load (${loadA}), but the timelines change it differently (spikes, load steps): the arrivals differ`};
	if (a.load.kind === 'closed') return {isSameArrivals: false, note: `the same closed-loop load (${loadA}): each side's requests follow its own responses`};
	return {isSameArrivals: true, note: `the same load (${loadA}): both sides see the same arrivals, tick for tick`};
}
