/**
 * The data plane has one implementation (source/sim/data-plane/), and what it carries from tick to
 * tick outside the state (the fleet view, scratch, a memo of calibrations: data-plane/network.ts)
 * must never change a result: the state after any sequence of actions and time is the same
 * however time is chunked (each `advance` call starts from nothing carried).
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {SimAction} from '../../source/sim/actions.js';
import {advance} from '../../source/sim/advance.js';
import {step} from '../../source/sim/step.js';
import type {SimState} from '../../source/sim/types.js';
import {builtInPresetNames, loadPreset} from '../../source/presets/load-preset.js';
import {createInitialState} from '../../source/sim/index.js';
import {simActionArbitrary} from '../helpers/sim-arbitraries.js';
import {makeState, type StateOptions} from '../helpers/make-state.js';

type Plan = ReadonlyArray<{readonly action: SimAction | undefined; readonly ticks: number}>;

/** Run `plan` from `start`, advancing each step's ticks in one call, or one tick at a time when `isTickByTick`. */
function run(start: SimState, plan: Plan, isTickByTick: boolean): SimState {
	let s = start;
	for (const {action, ticks} of plan) {
		if (action) s = step(s, action);
		if (isTickByTick) for (let k = 0; k < ticks; k++) s = advance(s, 1);
		else s = advance(s, ticks);
	}

	return s;
}

const action = simActionArbitrary(['random', 'oldest', 'newest', 'i-0001', 'i-0002', 'i-0003']);
const plans = fc.array(fc.record({action: fc.option(action, {nil: undefined}), ticks: fc.integer({min: 1, max: 90})}), {minLength: 1, maxLength: 10});
const setups: fc.Arbitrary<StateOptions> = fc.record({
	kind: fc.constantFrom('classic' as const, 'application' as const),
	algorithm: fc.constantFrom('round-robin' as const, 'least-outstanding-requests' as const, 'weighted' as const),
	crossZone: fc.boolean(),
	instanceType: fc.constantFrom('t2.micro', 'm5.large', 'c5.xlarge'),
	ratePerSecond: fc.integer({min: 0, max: 400}),
	seed: fc.integer({min: 1, max: 1000}),
});

describe('the data plane carries nothing that changes a result', () => {
	it('gives the same state tick by tick as in one call, after any sequence of actions and time (random fleets, faults, overload, t2 credits)', () => {
		fc.assert(
			fc.property(setups, plans, (setup, plan) => {
				const start = makeState({instances: 3, ...setup, config: {autoScaling: {min: 1, max: 8, desired: 3, healthCheckType: 'ELB'}}});
				expect(run(start, plan, true)).toEqual(run(start, plan, false));
			}),
			{numRuns: 30, seed: 20_261_122},
		);
	});

	it('gives the same state in an overloaded fleet (backlog, timeouts, refusals, surge queue, slow start)', () => {
		for (const kind of ['classic', 'application'] as const) {
			const start = makeState({instances: 3, kind, ratePerSecond: 2000, config: {app: {backlogPerVcpu: 200, timeoutMs: 3000}, loadBalancer: {kind, slowStartSeconds: 30}}});
			const plan: Plan = [{action: undefined, ticks: 200}, {action: {type: 'traffic/base-rate-set', ratePerSecond: 10}, ticks: 200}];
			const whole = run(start, plan, false);
			expect(whole.totals.failed).toBeGreaterThan(0);
			expect(run(start, plan, true)).toEqual(whole);
		}
	});

	it('gives the same state on every built-in preset, played to its end in uneven chunks', () => {
		for (const name of builtInPresetNames()) {
			const loaded = loadPreset(name);
			if (!loaded.ok) throw new Error(loaded.message);
			const ticks = Math.ceil(loaded.config.durationSeconds / loaded.config.tickSeconds);
			const start = createInitialState(loaded.config);
			const whole = advance(start, ticks);
			let chunked = start;
			let left = ticks;
			for (const n of [1, 7, 60, 333, left]) {
				const chunk = Math.min(n, left);
				chunked = advance(chunked, chunk);
				left -= chunk;
			}

			expect(chunked, name).toEqual(whole);
		}
	});
});
