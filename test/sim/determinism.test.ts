/** Determinism: the same config, seed and actions give deep-equal states, however time is chunked. */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {selectSummary} from '../../source/sim/selectors/index.js';
import {step} from '../../source/sim/step.js';
import type {SimState} from '../../source/sim/types.js';
import {makeState, makeStateConfig} from '../helpers/make-state.js';
import {createInitialState} from '../../source/sim/state.js';

function run(seed: number): SimState {
	let s = makeState({instances: 3, ratePerSecond: 70, seed, config: {autoScaling: {min: 1, max: 6, desired: 3}}});
	s = advance(s, 100);
	s = step(s, {type: 'traffic/spike-started', factor: 3, durationSeconds: 60});
	s = advance(s, 50);
	s = step(s, {type: 'instance/terminate-requested', target: 'random'});
	s = advance(s, 400);
	return s;
}

describe('determinism', () => {
	it('gives deep-equal states for the same config, seed and actions', () => {
		expect(run(42)).toEqual(run(42));
	});

	it('gives different runs for different seeds', () => {
		expect(run(42).totals.arrived).not.toBe(run(43).totals.arrived);
	});

	it('does not depend on how time is chunked: advance(s, a + b) = advance(advance(s, a), b)', () => {
		const s = makeState({instances: 2, ratePerSecond: 40, seed: 5});
		const once = advance(s, 300);
		let chunked = s;
		for (const n of [1, 7, 92, 200]) chunked = advance(chunked, n);
		expect(chunked).toEqual(once);
	});

	it('never changes its input state', () => {
		const s = makeState({instances: 2, ratePerSecond: 40});
		const copy = structuredClone(s);
		advance(s, 50);
		expect(s).toEqual(copy);
	});

	it('applies timeline entries at their tick, the same whatever the chunking', () => {
		const config = makeStateConfig({instances: 2, ratePerSecond: 20, config: {timeline: [{atTick: 30, action: {type: 'traffic/base-rate-set', ratePerSecond: 50}}, {atTick: 31, action: {type: 'preset/caption-shown', text: 'Traffic up'}}]}});
		const s0 = createInitialState(config);
		const at29 = advance(s0, 30);
		expect(at29.traffic.baseRatePerSecond).toBe(20);
		const at30 = advance(at29, 1);
		expect(at30.traffic.baseRatePerSecond).toBe(50);
		expect(at30.caption).toBe('');
		expect(advance(at30, 1).caption).toBe('Traffic up');
		expect(selectSummary(advance(s0, 100))).toEqual(selectSummary(advance(advance(s0, 31), 69)));
	});
});
