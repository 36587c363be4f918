/**
 * Separate random streams (docs/data-plane.md, "Random streams"): the arrivals depend only on
 * the seed, the tick and the rate (common random numbers across runs with the same load); the
 * data plane's noise is its own stream; the control plane (boot and shutdown times, random
 * picks) draws from `SimState.rng` alone.
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {hash32, mix32, normalFromUnit, poissonFromUnit, streamKey, streams, unitOf} from '../../source/sim/rng.js';
import {arrivalUnit} from '../../source/sim/systems/traffic.js';
import type {SimState} from '../../source/sim/types.js';
import {makeAlarm} from '../../source/sim/defaults.js';
import {makeState, type StateOptions} from '../helpers/make-state.js';

function arrivalsPerTick(options: StateOptions, ticks: number): number[] {
	let s = makeState(options);
	const out: number[] = [];
	for (let k = 0; k < ticks; k++) {
		s = advance(s, 1);
		out.push(s.flow.arrived);
	}

	return out;
}

describe('counter-based draws', () => {
	it('are pinned for a known key (a change here moves every run)', () => {
		expect([mix32(0), mix32(1), mix32(0xFFFF_FFFF)]).toEqual(PINNED_MIX);
		const key = streamKey(42, streams.arrivals);
		expect([key, hash32(key, 0), hash32(key, 1), hash32(key, 86_399)]).toEqual(PINNED_ARRIVALS_42);
	});

	it('look uniform and independent from tick to tick (mean, variance, lag-1 correlation)', () => {
		const key = streamKey(7, streams.dataPlane);
		const n = 100_000;
		let sum = 0;
		let squares = 0;
		let lagged = 0;
		let previous = 0.5;
		for (let k = 0; k < n; k++) {
			const u = unitOf(hash32(key, k));
			sum += u;
			squares += u * u;
			lagged += (u - 0.5) * (previous - 0.5);
			previous = u;
		}

		expect(sum / n).toBeCloseTo(0.5, 2);
		expect(squares / n - ((sum / n) ** 2)).toBeCloseTo(1 / 12, 3);
		expect(Math.abs(lagged / n) * 12).toBeLessThan(0.01);
	});

	it('give different keys for different seeds, streams and the high half of big seeds', () => {
		const keys = new Set([streamKey(1, streams.arrivals), streamKey(2, streams.arrivals), streamKey(1, streams.dataPlane), streamKey(1 + (2 ** 32), streams.arrivals)]);
		expect(keys.size).toBe(4);
	});
});

describe('inverse CDFs', () => {
	it('normal quantile matches known values', () => {
		expect(normalFromUnit(0.5)).toBe(0);
		expect(normalFromUnit(0.975)).toBeCloseTo(1.959_964, 5);
		expect(normalFromUnit(0.001)).toBeCloseTo(-3.090_232, 5);
		expect(normalFromUnit(1e-9)).toBeCloseTo(-5.997_807, 4);
	});

	it('Poisson counts have the right mean and variance on both branches, and are monotone in the rate and the uniform', () => {
		for (const mean of [0.3, 5, 30, 64, 65, 400, 35_000]) {
			const n = 40_000;
			let sum = 0;
			let squares = 0;
			for (let k = 0; k < n; k++) {
				const x = poissonFromUnit(mean, (k + 0.5) / n);
				sum += x;
				squares += x * x;
			}

			const m = sum / n;
			expect(Math.abs(m - mean)).toBeLessThan(Math.max(0.01, 0.002 * mean));
			expect(squares / n - (m * m)).toBeGreaterThan(mean * 0.98);
			expect(squares / n - (m * m)).toBeLessThan(mean * 1.02);
		}

		for (const u of [0.01, 0.3, 0.5, 0.9, 0.999]) {
			let last = 0;
			for (let mean = 0; mean < 200; mean += 0.7) {
				const x = poissonFromUnit(mean, u);
				expect(x).toBeGreaterThanOrEqual(last);
				last = x;
			}
		}
	});
});

describe('the arrivals stream', () => {
	it('depends only on the seed, the tick and the rate: same load, different fleets, policies, app and algorithm give the same arrivals', () => {
		const ticks = 300;
		const base = arrivalsPerTick({instances: 2, ratePerSecond: 45, seed: 9}, ticks);
		const policies = [
			{name: 'out', type: 'simple' as const, alarm: makeAlarm({name: 'High', comparison: '>' as const, threshold: 50}), adjustmentType: 'ChangeInCapacity' as const, adjustment: 2},
		];
		const other = arrivalsPerTick({instances: 5, ratePerSecond: 45, seed: 9, instanceType: 'c5.large', algorithm: 'least-outstanding-requests', cv: 0.3, config: {autoScaling: {min: 1, max: 8, desired: 1, policies}}}, ticks);
		expect(other).toEqual(base);
		expect(arrivalsPerTick({instances: 2, ratePerSecond: 45, seed: 10}, ticks)).not.toEqual(base);
	});

	it('couples runs at different rates: the higher rate never has fewer arrivals in a tick', () => {
		const low = arrivalsPerTick({instances: 2, ratePerSecond: 20, seed: 4}, 200);
		const high = arrivalsPerTick({instances: 2, ratePerSecond: 26, seed: 4}, 200);
		for (let k = 0; k < low.length; k++) expect(high[k]).toBeGreaterThanOrEqual(low[k]!);
	});

	it('is the exported arrival uniform of each tick', () => {
		const s = advance(makeState({instances: 2, ratePerSecond: 12, seed: 3}), 6);
		expect(s.flow.arrived).toBe(poissonFromUnit(12, arrivalUnit(3, 5)));
	});
});

describe('the control plane stream', () => {
	/** Launch ticks, boot ends and the random victim of a run with kills and launches at fixed ticks. */
	function controlEvents(cv: number, ratePerSecond: number): {victims: string[]; running: Array<[string, number]>} {
		let s: SimState = makeState({instances: 3, ratePerSecond, cv, seed: 21, config: {
			autoScaling: {min: 1, max: 8, desired: 3, healthCheckType: 'EC2'},
			timeline: [
				{atTick: 30, action: {type: 'instance/terminate-requested', target: 'random'}},
				{atTick: 60, action: {type: 'asg/desired-capacity-changed', desired: 6}},
				{atTick: 200, action: {type: 'instance/terminate-requested', target: 'random'}},
			],
		}});
		const victims: string[] = [];
		const running = new Map<string, number>();
		for (let k = 0; k < 400; k++) {
			s = advance(s, 1);
			for (const id of s.instanceOrder) {
				const i = s.instances[id]!;
				if (i.ec2State === 'running' && !running.has(id)) running.set(id, s.clock.tick);
				if (i.ec2State === 'shutting-down' && !victims.includes(id)) victims.push(id);
			}
		}

		return {victims, running: [...running]};
	}

	it('gives the same boot times and random picks when only the data plane differs (cv, rate)', () => {
		const a = controlEvents(1, 40);
		const b = controlEvents(0.2, 70);
		expect(a.victims.length).toBeGreaterThanOrEqual(2);
		expect(a.running.length).toBeGreaterThanOrEqual(6);
		expect(b).toEqual(a);
	});
});

// Pinned once: a change here moves every seeded run's arrivals and data-plane noise.
const PINNED_MIX = [0, 1_753_845_952, 1_734_902_346];
const PINNED_ARRIVALS_42 = [660_487_705, 2_633_653_629, 2_597_771_350, 3_276_184_007];
