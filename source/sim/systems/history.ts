/**
 * Per-tick history for the dashboard's sparklines (tick step 11): fleet-level series only, in
 * ring buffers of the last `historyLength` ticks, so memory is fixed whatever the run length
 * (per-instance history lives at CloudWatch resolution in systems/cloudwatch.ts). Every
 * simulated minute the mean of each series over that minute also goes into a ring of the last
 * 24 hours (`<name>@1m`, created at the first minute), so a day-long run can show its whole
 * curve. Then the clock advances.
 */
import type {SimState} from '../types.js';
import type {Working} from '../working.js';
import {quantileMs} from './histogram.js';
import {emptyRing, pushRing, ringValues} from './ring.js';

/** Ticks of history kept for sparklines. */
export const historyLength = 600;

/** Minutes of per-minute history kept (24 hours, as CloudWatch's rings). */
export const minuteHistoryLength = 1440;

/** The key of a series' per-minute ring in `SimState.history`. */
export function minuteSeriesKey(name: SeriesName): string {
	return `${name}@1m`;
}

/** Names of the per-tick series. */
export const seriesNames = ['arrivalRate', 'completedRate', 'latencyP99Ms', 'errorRate', 'inService', 'costUsd', 'cpuAvg', 'inconsistentReadRate'] as const;

/** One of the per-tick series. */
export type SeriesName = (typeof seriesNames)[number];

/** Empty history (one ring per series). */
export function emptyHistory(): Record<SeriesName, ReturnType<typeof emptyRing>> {
	const out = {} as Record<SeriesName, ReturnType<typeof emptyRing>>;
	for (const name of seriesNames) out[name] = emptyRing(historyLength);
	return out;
}

/** Instances serving traffic: healthy LB targets, or running standalone instances when nothing is registered. */
export function countInService(s: Pick<SimState, 'instances' | 'instanceOrder'>): number {
	let healthy = 0;
	let running = 0;
	let hasTargets = false;
	for (const id of s.instanceOrder) {
		const i = s.instances[id]!;
		if (i.isBehindLoadBalancer) {
			hasTargets = true;
			if (i.target.health === 'healthy') healthy += 1;
		} else if (i.ec2State === 'running') {
			running += 1;
		}
	}

	return hasTargets ? healthy : running;
}

/** Tick step 11. */
export function recordHistory(s: Working): void {
	const dt = s.config.tickSeconds;
	const h = s.history as Record<string, Parameters<typeof pushRing>[0]>;
	const f = s.flow;
	const push = (name: SeriesName, value: number): void => {
		h[name] ??= emptyRing(historyLength) as Parameters<typeof pushRing>[0];
		pushRing(h[name], value);
	};

	push('arrivalRate', f.arrived / dt);
	push('completedRate', f.completed / dt);
	push('latencyP99Ms', quantileMs(s.recentLatency, 0.99));
	push('errorRate', f.failed / dt);
	push('inService', f.inService);
	push('costUsd', s.totals.costUsd);
	push('cpuAvg', f.cpuAvgPercent);
	push('inconsistentReadRate', f.inconsistentReads / dt);
	const ticksPerMinute = Math.max(1, Math.round(60 / dt));
	if ((s.clock.tick + 1) % ticksPerMinute === 0) {
		for (const name of seriesNames) {
			const minute = ringValues(h[name]!, ticksPerMinute);
			const key = minuteSeriesKey(name);
			h[key] ??= emptyRing(minuteHistoryLength) as Parameters<typeof pushRing>[0];
			pushRing(h[key], minute.reduce((sum, v) => sum + v, 0) / minute.length);
		}
	}

	s.clock.tick += 1;
}
