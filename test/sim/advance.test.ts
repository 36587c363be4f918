/** The API's edges: bad input gets one clear sentence; time only moves forward in whole ticks. */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {makeConfig} from '../../source/sim/defaults.js';
import {createInitialState, SimConfigError} from '../../source/sim/state.js';
import {step} from '../../source/sim/step.js';
import type {SimState} from '../../source/sim/types.js';
import {makeState, roundTripsThroughJson} from '../helpers/make-state.js';

describe('createInitialState', () => {
	it('builds a warm fleet: running, InService, healthy, spread over the zones in turn', () => {
		const s = makeState({instances: 3, zones: ['us-east-1a', 'us-east-1b']});
		expect(s.instanceOrder).toEqual(['i-0001', 'i-0002', 'i-0003']);
		expect(s.instanceOrder.map(id => s.instances[id]!.zone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1a']);
		for (const id of s.instanceOrder) {
			expect(s.instances[id]).toMatchObject({ec2State: 'running', asgLifecycle: 'InService', target: {health: 'healthy'}});
		}

		expect(s.dataPlane.instances.cpuCredits).toEqual([144, 144, 144]);

		expect(roundTripsThroughJson(s)).toBe(true);
	});

	it.each([
		[{autoScaling: {instanceType: 't2.mikro'}}, 'autoScaling.instanceType: unknown instance type "t2.mikro".'],
		[{autoScaling: {min: 3, max: 1, desired: 2}}, 'autoScaling.max: must be ≥ min (3), got 1.'],
		[{load: {kind: 'closed' as const, concurrency: 0, thinkSeconds: 0}}, 'load.concurrency: must be ≥ 1, got 0.'],
		[{load: {kind: 'open' as const, arrivals: 'poisson' as const, pattern: 'constant' as const, ratePerSecond: -5}}, 'load.rate: must be ≥ 0, got -5.'],
	])('refuses a config it cannot run with one sentence (%j)', (input, message) => {
		expect(() => createInitialState(makeConfig(input))).toThrow(new SimConfigError(message));
	});
});

describe('advance', () => {
	it('refuses negative or fractional tick counts', () => {
		const s = makeState();
		expect(() => advance(s, -1)).toThrow('advance: ticks must be a whole number ≥ 0, got -1.');
		expect(() => advance(s, 1.5)).toThrow(RangeError);
		expect(advance(s, 0)).toBe(s);
	});

	it('moves the clock by exactly the ticks asked', () => {
		expect(advance(makeState(), 17).clock.tick).toBe(17);
	});

	// advance copies the state into a private working copy written as object literals (for
	// V8's sake); the copy must keep every key, value and key order, so serialised states agree
	// byte for byte however time is chunked.
	it('keeps the state\'s JSON byte for byte however time is chunked (held requests, optional keys)', () => {
		const s0 = makeState({instances: 4, ratePerSecond: 60, seed: 9});
		const s1 = advance(s0, 1);
		expect(Object.keys(s1).slice(0, Object.keys(s0).length)).toEqual(Object.keys(s0));
		expect(Object.keys(s1.instances['i-0001']!)).toEqual(Object.keys(s0.instances['i-0001']!));
		expect(Object.keys(s1.instances['i-0001']!.target)).toEqual(Object.keys(s0.instances['i-0001']!.target));
		let s = advance(s1, 19);
		s = step(s, {type: 'instance/hang-injected', target: 'oldest'});
		s = step(s, {type: 'zone/outage-started', durationSeconds: 40});
		const once = advance(s, 120);
		let chunked = s;
		for (const n of [1, 3, 16, 100]) chunked = advance(chunked, n);
		expect(JSON.stringify(chunked)).toBe(JSON.stringify(once));
		// Requests held by the hung instance and the unreachable zone, waiting for their 504s.
		expect(advance(s, 30).dataPlane.web.failing.size.some(n => n > 0)).toBe(true);
		expect(roundTripsThroughJson(once)).toBe(true);
	});

	it('copies a state whose keys come in another order (hand-built) without changing it', () => {
		const s = makeState({instances: 2, ratePerSecond: 20, seed: 3});
		const reordered = Object.fromEntries(Object.entries(s).reverse()) as SimState;
		expect(advance(reordered, 30)).toEqual(advance(s, 30));
	});
});
