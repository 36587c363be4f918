/** The load generator: open-loop patterns, spikes, base-rate changes and the closed loop. */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import type {OpenLoadPattern} from '../../source/sim/config.js';
import {selectLoad} from '../../source/sim/selectors/index.js';
import {step} from '../../source/sim/step.js';
import {nominalRate, patternRate} from '../../source/sim/systems/load-patterns.js';
import {makeState} from '../helpers/make-state.js';

describe('open-loop patterns', () => {
	const cases: Array<[OpenLoadPattern, Array<[number, number]>]> = [
		[{pattern: 'constant', ratePerSecond: 20}, [[0, 20], [5000, 20]]],
		[{pattern: 'ramp', fromPerSecond: 10, toPerSecond: 50, overSeconds: 100}, [[0, 10], [50, 30], [100, 50], [500, 50]]],
		[{pattern: 'spike', ratePerSecond: 20, factor: 5, atSeconds: 60, forSeconds: 30}, [[59, 20], [60, 100], [89, 100], [90, 20]]],
		[{pattern: 'steps', steps: [{atSeconds: 0, ratePerSecond: 5}, {atSeconds: 60, ratePerSecond: 25}]}, [[0, 5], [59, 5], [60, 25]]],
		[{pattern: 'daily', ratePerSecond: 180, troughPerSecond: 30, periodSeconds: 86_400, peakAtSeconds: 50_400}, [[50_400, 180], [7200, 30], [28_800, 105]]],
		[{pattern: 'trace', points: [{atSeconds: 0, ratePerSecond: 10}, {atSeconds: 100, ratePerSecond: 30}], peakPerSecond: 30}, [[-5, 10], [50, 20], [100, 30], [400, 30]]],
		[{pattern: 'trace', points: [{atSeconds: 0, ratePerSecond: 10}, {atSeconds: 10, ratePerSecond: 30}, {atSeconds: 20, ratePerSecond: 0}, {atSeconds: 25, ratePerSecond: 5}, {atSeconds: 40, ratePerSecond: 5}], peakPerSecond: 30}, [[0, 10], [5, 20], [10, 30], [15, 15], [20, 0], [24, 4], [25, 5], [39, 5], [40, 5], [41, 5]]],
	];
	it.each(cases)('%j gives the expected rates', (pattern, points) => {
		for (const [seconds, rate] of points) expect(patternRate(pattern, seconds)).toBeCloseTo(rate, 6);
	});

	it('knows each pattern\'s nominal rate (what a base-rate change rescales)', () => {
		expect(nominalRate({pattern: 'ramp', fromPerSecond: 10, toPerSecond: 50, overSeconds: 100})).toBe(50);
		expect(nominalRate({pattern: 'steps', steps: [{atSeconds: 0, ratePerSecond: 5}, {atSeconds: 60, ratePerSecond: 25}]})).toBe(25);
	});
});

describe('arrivals', () => {
	it('are Poisson around the rate: mean right, tick-to-tick spread about √rate', () => {
		let s = makeState({instances: 4, ratePerSecond: 100});
		const counts: number[] = [];
		for (let k = 0; k < 400; k++) {
			s = advance(s, 1);
			counts.push(s.flow.arrived);
		}

		const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
		const variance = counts.reduce((a, b) => a + ((b - mean) ** 2), 0) / counts.length;
		expect(mean).toBeGreaterThan(97);
		expect(mean).toBeLessThan(103);
		expect(variance).toBeGreaterThan(75);
		expect(variance).toBeLessThan(125);
	});

	it('are evenly spaced with uniform arrivals (a fractional rate carries over)', () => {
		const s = advance(makeState({instances: 1, config: {load: {kind: 'open', arrivals: 'uniform', pattern: 'constant', ratePerSecond: 2.5}}}), 10);
		expect(s.totals.arrived).toBe(25);
	});

	it('a spike multiplies the load for its duration, then ends', () => {
		let s = advance(makeState({instances: 4, ratePerSecond: 20, config: {load: {kind: 'open', arrivals: 'uniform', pattern: 'constant', ratePerSecond: 20}}}), 5);
		s = step(s, {type: 'traffic/spike-started', factor: 5, durationSeconds: 60});
		s = advance(s, 1);
		expect(s.flow.arrived).toBe(100);
		expect(selectLoad(s)).toMatchObject({spikeFactor: 5, spikeSecondsLeft: 59});
		s = advance(s, 59);
		expect(s.flow.arrived).toBe(100);
		s = advance(s, 1);
		expect(s.flow.arrived).toBe(20);
		expect(selectLoad(s).spikeFactor).toBe(1);
	});

	it('base-rate changes scale a pattern\'s whole curve', () => {
		let s = makeState({instances: 4, config: {load: {kind: 'open', arrivals: 'uniform', pattern: 'ramp', fromPerSecond: 10, toPerSecond: 40, overSeconds: 100}}});
		s = step(s, {type: 'traffic/base-rate-set', ratePerSecond: 80});
		s = advance(s, 101);
		expect(s.flow.arrived).toBe(80);
		s = step(s, {type: 'traffic/base-rate-scaled', factor: 0.5});
		s = advance(s, 1);
		expect(s.flow.arrived).toBe(40);
	});
});

describe('closed loop (ab-like)', () => {
	it('saturates one t2.micro at ~29.8 req/s whatever the concurrency, with R = N / X (response-time law)', () => {
		for (const concurrency of [3, 30]) {
			const s = advance(makeState({instances: 1, zones: ['us-east-1a'], config: {load: {kind: 'closed', concurrency, thinkSeconds: 0}}}), 600);
			const x = s.totals.completed / 600;
			expect(x).toBeGreaterThan(29.3);
			expect(x).toBeLessThan(30.2);
			expect(s.latency.sumMs / s.latency.total / 1000).toBeCloseTo(concurrency / x, 1);
		}
	});

	it('is throttled by think time: X = N / (S + Z) when capacity is ample', () => {
		const s = advance(makeState({instances: 4, config: {load: {kind: 'closed', concurrency: 50, thinkSeconds: 2.5}}}), 600);
		expect(s.totals.completed / 600).toBeCloseTo(50 / (0.0336 + 2.5), 0);
	});

	it('stops after `requests` requests', () => {
		const s = advance(makeState({instances: 2, config: {load: {kind: 'closed', concurrency: 10, requests: 1000, thinkSeconds: 0}}}), 120);
		expect(s.totals.arrived).toBe(1000);
		expect(s.totals.completed).toBe(1000);
		expect(s.flow.inFlight).toBe(0);
	});
});
