/**
 * Conservation under any sequence of actions and time (property tests, fast-check): no request,
 * instance or dollar appears or vanishes without a cause.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {SimAction} from '../../source/sim/actions.js';
import {advance} from '../../source/sim/advance.js';
import {step} from '../../source/sim/step.js';
import type {SimState} from '../../source/sim/types.js';
import {simActionArbitrary} from '../helpers/sim-arbitraries.js';
import {makeState, roundTripsThroughJson} from '../helpers/make-state.js';

const action = simActionArbitrary(['random', 'oldest', 'newest', 'i-0001', 'i-0002', 'i-0003', 'i-0004', 'i-0009']);

type Step = {readonly action: SimAction | undefined; readonly ticks: number};
const steps = fc.array(fc.record({action: fc.option(action, {nil: undefined}), ticks: fc.integer({min: 1, max: 40})}), {minLength: 1, maxLength: 12});
const setups = fc.record({
	kind: fc.constantFrom('classic' as const, 'application' as const),
	algorithm: fc.constantFrom('round-robin' as const, 'least-outstanding-requests' as const, 'weighted' as const),
	crossZone: fc.boolean(),
	ratePerSecond: fc.integer({min: 0, max: 150}),
	seed: fc.integer({min: 1, max: 1000}),
});

function checkTick(s: SimState, previousCostUsd: number): void {
	const t = s.totals;
	expect(t.arrived).toBe(t.completed + t.failed + s.flow.inFlight);
	expect(t.errors['502'] + t.errors['503'] + t.errors['504']).toBe(t.failed);
	expect(Object.values(s.failureCauses).reduce((a, b) => a + b, 0)).toBe(t.failed);
	let routed = 0;
	for (const n of s.dataPlane.instances.routedLastTick) routed += n;
	expect(routed).toBe(s.flow.routed);
	expect(t.costUsd).toBeGreaterThanOrEqual(previousCostUsd);
	const asg = s.autoScaling;
	if (asg) {
		expect(asg.min).toBeLessThanOrEqual(asg.desired);
		expect(asg.desired).toBeLessThanOrEqual(asg.max);
	}
}

describe('conservation under random actions and time', () => {
	it('arrived = completed + failed + in flight at every tick; routed counts add up; cost never decreases; min ≤ desired ≤ max', () => {
		fc.assert(
			fc.property(setups, steps, (setup, plan: Step[]) => {
				let s = makeState({instances: 3, ...setup, config: {autoScaling: {min: 1, max: 6, desired: 3}}});
				let cost = 0;
				for (const {action: a, ticks} of plan) {
					if (a) s = step(s, a);
					for (let k = 0; k < ticks; k++) {
						s = advance(s, 1);
						checkTick(s, cost);
						cost = s.totals.costUsd;
					}
				}

				expect(roundTripsThroughJson(s)).toBe(true);
			}),
			{numRuns: 25, seed: 20_261_122},
		);
	});

	it('an overloaded fleet conserves requests too (backlog, timeouts, refusals, surge queue)', () => {
		fc.assert(
			fc.property(fc.integer({min: 100, max: 3000}), fc.integer({min: 1, max: 100}), (ratePerSecond, seed) => {
				let s = makeState({instances: 2, ratePerSecond, seed, config: {app: {backlogPerVcpu: 200, timeoutMs: 3000}}});
				for (let k = 0; k < 40; k++) {
					s = advance(s, 3);
					checkTick(s, 0);
				}

				expect(s.totals.failed).toBeGreaterThan(0);
			}),
			{numRuns: 10, seed: 7},
		);
	});
});
