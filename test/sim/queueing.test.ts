/**
 * The queueing model against theory (shared/reference/simulation.md §2, worked cases 1–4, 7, 8):
 * long seeded runs through `advance`, latency read from the run's own histogram and counters.
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {selectSummary} from '../../source/sim/selectors/index.js';
import {erlangC, meanResponseSeconds} from '../../source/sim/systems/queueing.js';
import type {SimState} from '../../source/sim/types.js';
import {makeState, type StateOptions} from '../helpers/make-state.js';

const within = (actual: number, expected: number, tolerance = 0.05): void => {
	expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThan(tolerance);
};

/** Runs `ticks` after a warm-up and returns mean latency (s), throughput (req/s), mean in flight and p95/p99 (s). */
function measure(o: StateOptions, ticks = 20_000): {w: number; x: number; l: number; p95: number; p99: number} {
	let s: SimState = advance(makeState(o), 200);
	const start = s.totals;
	const startLatency = s.latency;
	let inFlightSum = 0;
	let samples = 0;
	for (let done = 0; done < ticks; done += 100) {
		s = advance(s, 100);
		inFlightSum += s.flow.inFlight;
		samples += 1;
	}

	const completed = s.totals.completed - start.completed;
	const summary = selectSummary(s);
	return {
		w: (s.latency.sumMs - startLatency.sumMs) / (s.latency.total - startLatency.total) / 1000,
		x: completed / ticks,
		l: inFlightSum / samples,
		p95: summary.latencyMs.p95 / 1000,
		p99: summary.latencyMs.p99 / 1000,
	};
}

const oneZone = ['us-east-1a'];

describe('queueing formulas', () => {
	it('computes Erlang C as in the reference (M/M/4 at 0.8: 0.596; c = 10 at 0.9: 0.669; c = 100 at 0.95: 0.506)', () => {
		expect(erlangC(4, 3.2)).toBeCloseTo(0.596, 3);
		expect(erlangC(10, 9)).toBeCloseTo(0.669, 3);
		expect(erlangC(100, 95)).toBeCloseTo(0.506, 3);
	});

	it('gives M/D/1 half the M/M/1 wait (Pollaczek–Khinchine)', () => {
		expect(meanResponseSeconds(1, 25, 30, 0)).toBeCloseTo(0.1167, 3);
		expect(meanResponseSeconds(1, 25, 30, 1)).toBeCloseTo(0.2, 3);
	});
});

describe('long runs agree with queueing theory within 5 %', () => {
	it('M/M/1, λ = 25/s, μ = 30/s: W = 0.200 s, p95 0.599 s, p99 0.921 s, L = 5.00 (Little)', () => {
		const m = measure({instances: 1, zones: oneZone, instanceType: 't2.small', cpuMs: 1000 / 30, cv: 1, ratePerSecond: 25});
		within(m.w, 0.2);
		within(m.x, 25, 0.02);
		within(m.p95, 0.599);
		within(m.p99, 0.921, 0.07);
		within(m.l, 5);
		within(m.l, m.x * m.w);
	});

	it('M/M/4, μ = 10/s each, λ = 32/s: W = 0.175 s, L = 5.59', () => {
		const m = measure({instances: 1, zones: oneZone, instanceType: 't2.xlarge', cpuMs: 100, cv: 1, ratePerSecond: 32});
		within(m.w, 0.1746);
		within(m.l, 5.59);
		within(m.l, m.x * m.w);
	});

	it('M/D/1, λ = 25/s, S = 1/30 s: W = 0.117 s, L = 2.92', () => {
		const m = measure({instances: 1, zones: oneZone, instanceType: 't2.small', cpuMs: 1000 / 30, cv: 0, ratePerSecond: 25});
		within(m.w, 0.1167);
		within(m.l, 2.92);
	});

	it('fleet-scale Erlang C through least-outstanding-requests: c = 10, λ = 90 → W = 0.167 s; c = 100, λ = 950 → W = 0.110 s', () => {
		const ten = measure({instances: 10, zones: oneZone, instanceType: 't2.small', cpuMs: 100, cv: 1, ratePerSecond: 90, algorithm: 'least-outstanding-requests'}, 5000);
		within(ten.w, 0.1669);
		const hundred = measure({instances: 100, zones: oneZone, instanceType: 't2.small', cpuMs: 100, cv: 1, ratePerSecond: 950, algorithm: 'least-outstanding-requests'}, 2000);
		within(hundred.w, 0.1101);
		within(hundred.l, 105);
	});

	it('orders load balancing as theory does for λ = 50 over two μ = 30 servers: pooled < round-robin < random', () => {
		const base = {instances: 2, zones: oneZone, instanceType: 't2.small', cpuMs: 1000 / 30, cv: 1, ratePerSecond: 50} as const;
		const pooled = measure({...base, algorithm: 'least-outstanding-requests'}, 6000);
		const roundRobin = measure({...base, algorithm: 'round-robin'}, 6000);
		const random = measure({...base, algorithm: 'weighted'}, 6000);
		within(pooled.w, 0.109);
		within(roundRobin.w, 0.153);
		within(random.w, 0.2);
		expect(pooled.w).toBeLessThan(roundRobin.w);
		expect(roundRobin.w).toBeLessThan(random.w);
	});
});

describe('overload: the fluid backlog (case 8)', () => {
	it('grows at 10.2 req/s for λ = 40 on one 29.8 req/s instance, then drains at capacity', () => {
		let s = advance(makeState({instances: 1, zones: oneZone, ratePerSecond: 40}), 60);
		const i = s.instances['i-0001']!;
		within(i.backlog, 612, 0.03);
		expect(s.flow.failed).toBe(0);
		const quiet = structuredClone(s) as {traffic: {baseRatePerSecond: number}} & SimState;
		quiet.traffic.baseRatePerSecond = 0;
		s = advance(quiet, 20);
		expect(s.instances['i-0001']!.backlog).toBeGreaterThan(0);
		s = advance(s, 1);
		expect(s.instances['i-0001']!.backlog).toBe(0);
		expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
	});

	it('refuses (503) or times out (504) what the backlog cannot hold, with a cause for each', () => {
		const s = advance(makeState({instances: 1, zones: oneZone, ratePerSecond: 90, config: {app: {backlogPerVcpu: 500}}}), 120);
		expect(s.totals.errors['503']).toBeGreaterThan(0);
		const c = s.failureCauses;
		expect(c['surge-queue-full'] + c['backlog-full'] + c['no-healthy-targets']).toBe(s.totals.errors['503']);
		expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(s.totals.failed);
		expect(s.instances['i-0001']!.backlog).toBeLessThanOrEqual(500);
		const slow = advance(makeState({instances: 1, zones: oneZone, ratePerSecond: 60, config: {app: {timeoutMs: 5000}}}), 60);
		expect(slow.totals.errors['504']).toBeGreaterThan(0);
		expect(slow.failureCauses.timeout).toBe(slow.totals.errors['504']);
	});
});
