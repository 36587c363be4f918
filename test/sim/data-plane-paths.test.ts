/**
 * The data plane has two paths (source/sim/systems/load-balancer.ts): the fast path on typed
 * arrays with cached inputs, and the reference path on the records (instance-queue.ts,
 * health-checks.ts, cost.ts), which also picks the candidates again every tick. They must give
 * exactly the same states: the same doubles, the same draws, the same events. A writer that
 * changes an instance without telling the fast path's caches (`touchFleet`) shows up here.
 */
import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import type {SimAction} from '../../source/sim/actions.js';
import {advance} from '../../source/sim/advance.js';
import {step} from '../../source/sim/step.js';
import {useReferenceDataPlane} from '../../source/sim/systems/load-balancer.js';
import type {SimState} from '../../source/sim/types.js';
import {builtInPresetNames, loadPreset} from '../../source/presets/load-preset.js';
import {createInitialState} from '../../source/sim/index.js';
import {simActionArbitrary} from '../helpers/sim-arbitraries.js';
import {makeState, type StateOptions} from '../helpers/make-state.js';

afterEach(() => {
	useReferenceDataPlane(false);
});

type Plan = ReadonlyArray<{readonly action: SimAction | undefined; readonly ticks: number}>;

/** Run `plan` from `start`, advancing in the given chunks; on the reference path when `isReference`. */
function run(start: SimState, plan: Plan, isReference: boolean): SimState {
	const was = useReferenceDataPlane(isReference);
	try {
		let s = start;
		for (const {action, ticks} of plan) {
			if (action) s = step(s, action);
			s = advance(s, ticks);
		}

		return s;
	} finally {
		useReferenceDataPlane(was);
	}
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

describe('the data plane’s fast path and reference path', () => {
	it('give the same state after any sequence of actions and time (random fleets, faults, overload, t2 credits)', () => {
		fc.assert(
			fc.property(setups, plans, (setup, plan) => {
				const start = makeState({instances: 3, ...setup, config: {autoScaling: {min: 1, max: 8, desired: 3, healthCheckType: 'ELB'}}});
				expect(run(start, plan, false)).toEqual(run(start, plan, true));
			}),
			{numRuns: 40, seed: 20_261_122},
		);
	});

	it('give the same state in an overloaded fleet (backlog, timeouts, refusals, surge queue, slow start)', () => {
		for (const kind of ['classic', 'application'] as const) {
			const start = makeState({instances: 3, kind, ratePerSecond: 2000, config: {app: {backlogPerVcpu: 200, timeoutMs: 3000}, loadBalancer: {kind, slowStartSeconds: 30}}});
			const plan: Plan = [{action: undefined, ticks: 200}, {action: {type: 'traffic/base-rate-set', ratePerSecond: 10}, ticks: 200}];
			const fast = run(start, plan, false);
			expect(fast.totals.failed).toBeGreaterThan(0);
			expect(fast).toEqual(run(start, plan, true));
		}
	});

	it('give the same state on every built-in preset, played to its end', () => {
		for (const name of builtInPresetNames()) {
			const loaded = loadPreset(name);
			if (!loaded.ok) throw new Error(loaded.message);
			const ticks = Math.ceil(loaded.config.durationSeconds / loaded.config.tickSeconds);
			const start = createInitialState(loaded.config);
			// Uneven chunks, as the dashboard and the headless runner advance.
			const plan: Plan = [{action: undefined, ticks: 1}, {action: undefined, ticks: 7}, {action: undefined, ticks: ticks - 8}];
			expect(run(start, plan, false), name).toEqual(run(start, plan, true));
		}
	});
});
