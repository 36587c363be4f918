/**
 * fast-check arbitraries for simulation actions, shared by the property tests: every action a
 * key or a timeline can send, with targets drawn from `targets`.
 */
import fc from 'fast-check';
import type {SimAction} from '../../source/sim/actions.js';

/** Any discrete action, aimed at one of `targets` where it takes a target. */
export function simActionArbitrary(targets: readonly string[]): fc.Arbitrary<SimAction> {
	const target = fc.constantFrom(...targets);
	return fc.oneof(
		fc.record({type: fc.constant('traffic/spike-started' as const), factor: fc.double({min: 0, max: 8, noNaN: true}), durationSeconds: fc.integer({min: 1, max: 300})}),
		fc.record({type: fc.constant('traffic/base-rate-scaled' as const), factor: fc.constantFrom(0.8, 1.25, 2, 0)}),
		fc.record({type: fc.constant('traffic/base-rate-set' as const), ratePerSecond: fc.integer({min: 0, max: 600})}),
		fc.record({type: fc.constant('instance/terminate-requested' as const), target}),
		fc.record({type: fc.constant('instance/stop-requested' as const), target}),
		fc.record({type: fc.constant('instance/hang-injected' as const), target}),
		fc.record({type: fc.constant('instance/spot-interruption-noticed' as const), target}),
		fc.record({type: fc.constant('zone/outage-started' as const), zone: fc.constantFrom('us-east-1a', 'us-east-1b'), durationSeconds: fc.integer({min: 10, max: 600})}),
		fc.record({type: fc.constant('network/slowdown-started' as const), extraLatencyMs: fc.integer({min: 0, max: 2000}), durationSeconds: fc.integer({min: 1, max: 120})}),
		fc.record({type: fc.constant('asg/desired-capacity-changed' as const), desired: fc.integer({min: -1, max: 8})}),
		fc.record({type: fc.constant('asg/desired-capacity-nudged' as const), delta: fc.constantFrom(-1 as const, 1 as const)}),
		fc.record({type: fc.constant('elb/algorithm-changed' as const)}),
		fc.record({type: fc.constant('chaos/toggled' as const), intervalSeconds: fc.constantFrom(30, 120)}),
	);
}
