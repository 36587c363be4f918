import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {advance, createInitialState, makeAlarm, makeConfig, step, type SimAction, type SimState} from '../../source/sim/index.js';
import {eventLogLimit, maxEvents} from '../../source/sim/systems/activity.js';

const fresh = (): SimState => createInitialState(makeConfig({autoScaling: {min: 1, max: 6, desired: 2}}));

/** One of every action, with what the activity log must say. */
const everyAction: Array<[SimAction, RegExp]> = [
	[{type: 'traffic/spike-started', factor: 5, durationSeconds: 60}, /^load spike ×5 for 1 min: now 100 req\/s$/],
	[{type: 'traffic/base-rate-scaled', factor: 1.25}, /^base load ×1\.25: now 25 req\/s$/],
	[{type: 'traffic/base-rate-set', ratePerSecond: 40}, /^base load 40 req\/s: set from 20 req\/s$/],
	[{type: 'instance/terminate-requested', target: 'oldest'}, /^kill oldest: i-0001 terminated in EC2$/],
	[{type: 'instance/stop-requested', target: 'newest'}, /^stop newest: i-0002 stopping$/],
	[{type: 'instance/hang-injected', target: 'i-0001'}, /^hang i-0001: still running, no longer answering$/],
	[{type: 'instance/spot-interruption-noticed', target: 'i-0002'}, /^spot interruption i-0002 refused: instance i-0002 is not a Spot Instance$/],
	[{type: 'instance/scale-up-requested', target: 'i-0001'}, /^scale up i-0001: \(t2\.micro\) stopped and imaged; i-0003 \(t2\.small\) launching$/],
	[{type: 'zone/outage-started', zone: 'us-east-1b', durationSeconds: 300}, /^zone outage us-east-1b for 5 min: 1 instance stops answering$/],
	[{type: 'network/slowdown-started', extraLatencyMs: 200, durationSeconds: 30}, /^network \+200 ms for 30 s: every request takes that much longer$/],
	[{type: 'asg/desired-capacity-changed', desired: 3}, /^Launching a new EC2 instance: i-0003$/],
	[{type: 'asg/desired-capacity-nudged', delta: -1}, /^Terminating EC2 instance: i-000[12]$/],
	[{type: 'elb/algorithm-changed'}, /^next routing algorithm: least-outstanding-requests$/],
	[{type: 'chaos/toggled'}, /^Chaos Monkey on\/off: on, one random InService instance terminated every 10 min$/],
	[{type: 'preset/caption-shown', text: 'Watch the ELB'}, /^Watch the ELB$/],
	[{type: 'preset/marker-reached', label: 'spike'}, /^spike$/],
	[{type: 'preset/pause-requested'}, /^paused by the preset$/],
];

describe('step', () => {
	it.each(everyAction)('%o leaves visible feedback in the activity log', (action, message) => {
		const before = fresh();
		const after = step(before, action);
		expect(after.eventCount).toBeGreaterThan(before.eventCount);
		expect(after.events.map(e => e.message)).toContainEqual(expect.stringMatching(message));
	});

	it('covers every action type', () => {
		expect(new Set(everyAction.map(([a]) => a.type)).size).toBe(17);
	});

	it('never changes its input, and the result is plain JSON', () => {
		const before = fresh();
		const copy = structuredClone(before);
		let s = before;
		for (const [action] of everyAction) s = step(s, action);
		expect(before).toEqual(copy);
		expect(JSON.parse(JSON.stringify(s))).toEqual(s);
	});

	it('is deterministic: the same actions from the same seed give deep-equal states', () => {
		const run = () => everyAction.reduce((s, [a]) => step(s, a), fresh());
		expect(run()).toEqual(run());
	});

	it('refuses bad input in the log instead of throwing', () => {
		const cases: Array<[SimAction, string]> = [
			[{type: 'traffic/spike-started', factor: -2, durationSeconds: 60}, 'load spike ×-2 for 1 min refused: a spike needs a positive factor and duration'],
			[{type: 'traffic/base-rate-set', ratePerSecond: -1}, 'base load -1 req/s refused: the base rate must be 0 or more requests per second'],
			[{type: 'instance/hang-injected', target: 'i-0042'}, 'hang i-0042 refused: there is no instance i-0042'],
			[{type: 'asg/desired-capacity-changed', desired: 7}, 'desired 7 refused: above max 6'],
			[{type: 'asg/desired-capacity-changed', desired: 0}, 'desired 0 refused: below min 1'],
			[{type: 'instance/scale-up-requested', target: 'i-0001', instanceType: 't9.huge'}, 'scale up i-0001 to t9.huge refused: unknown instance type "t9.huge"'],
			[{type: 'zone/outage-started', durationSeconds: 0}, 'zone outage for 0 s refused: a zone outage needs a positive duration'],
		];
		for (const [action, message] of cases) {
			const after = step(fresh(), action);
			expect(after.events.at(-1)).toMatchObject({kind: 'refused', message});
		}
	});

	it('a killed instance that is already terminating cannot be killed again', () => {
		const s = step(step(fresh(), {type: 'instance/terminate-requested', target: 'i-0001'}), {type: 'instance/terminate-requested', target: 'i-0001'});
		expect(s.events.at(-1)!.message).toBe('kill i-0001 refused: instance i-0001 is shutting-down');
	});

	it('keeps the activity log bounded while eventCount keeps counting', () => {
		let s = fresh();
		for (let k = 0; k < 3 * eventLogLimit; k++) {
			s = step(s, {type: 'preset/marker-reached', label: `m${k}`});
			expect(s.events.length).toBeLessThanOrEqual(eventLogLimit);
			if (s.eventCount >= maxEvents) expect(s.events.length).toBeGreaterThanOrEqual(maxEvents);
		}

		expect(s.eventCount).toBe(3 * eventLogLimit);
		expect(s.events.at(-1)!.message).toBe(`m${(3 * eventLogLimit) - 1}`);
		expect(s.events.at(-maxEvents)!.message).toBe(`m${(3 * eventLogLimit) - maxEvents}`);
	});

	it('a run without a group refuses capacity changes', () => {
		const s = step(createInitialState(makeConfig({autoScaling: null})), {type: 'asg/desired-capacity-nudged', delta: 1});
		expect(s.events.at(-1)).toMatchObject({kind: 'refused', message: 'desired +1 refused: this run has no Auto Scaling group'});
	});
});

describe('control-plane invariants under random actions and time (fast-check)', () => {
	const target = fc.constantFrom('random', 'oldest', 'newest', 'i-0001', 'i-0003', 'i-0007');
	const action: fc.Arbitrary<SimAction> = fc.oneof(
		fc.record({type: fc.constant('traffic/base-rate-set' as const), ratePerSecond: fc.integer({min: 0, max: 300})}),
		fc.record({type: fc.constant('traffic/spike-started' as const), factor: fc.constantFrom(2, 5), durationSeconds: fc.integer({min: 30, max: 600})}),
		fc.record({type: fc.constant('instance/terminate-requested' as const), target}),
		fc.record({type: fc.constant('instance/stop-requested' as const), target}),
		fc.record({type: fc.constant('instance/hang-injected' as const), target}),
		fc.record({type: fc.constant('instance/spot-interruption-noticed' as const), target}),
		fc.record({type: fc.constant('zone/outage-started' as const), zone: fc.constantFrom('us-east-1a', 'us-east-1b'), durationSeconds: fc.integer({min: 30, max: 900})}),
		fc.record({type: fc.constant('asg/desired-capacity-changed' as const), desired: fc.integer({min: -1, max: 9})}),
		fc.record({type: fc.constant('asg/desired-capacity-nudged' as const), delta: fc.constantFrom(-1, 1)}),
		fc.record({type: fc.constant('chaos/toggled' as const), intervalSeconds: fc.constantFrom(60, 300)}),
	);
	const plan = fc.array(fc.record({action, ticks: fc.integer({min: 1, max: 400})}), {minLength: 1, maxLength: 10});
	const config = makeConfig({
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 40},
		autoScaling: {min: 1, max: 8, desired: 3, purchaseOption: 'spot', policies: [
			{name: 'out', type: 'simple', alarm: makeAlarm({name: 'High', comparison: '>', threshold: 70, evaluationPeriods: 2}), adjustmentType: 'ChangeInCapacity', adjustment: 2},
			{name: 'in', type: 'simple', alarm: makeAlarm({name: 'Low', comparison: '<', threshold: 20, evaluationPeriods: 3}), adjustmentType: 'PercentChangeInCapacity', adjustment: -30},
			{name: 'track', type: 'target-tracking', metric: 'CPUUtilization', target: 60, disableScaleIn: false, estimatedInstanceWarmupSeconds: 120},
			{name: 'nightly', type: 'scheduled', atSeconds: 600, everySeconds: 900, desired: 2},
		]},
	});

	function check(s: SimState): void {
		const asg = s.autoScaling!;
		expect(asg.min).toBeLessThanOrEqual(asg.desired);
		expect(asg.desired).toBeLessThanOrEqual(asg.max);
		let capacity = 0;
		for (const id of s.instanceOrder) {
			const i = s.instances[id]!;
			if (i.ec2State === 'terminated') expect(i.asgLifecycle).toBe('Terminated');
			if (i.asgLifecycle === 'InService') expect(i.ec2State).toBe('running');
			if (i.asgLifecycle === 'Pending') expect(i.ec2State).toBe('pending');
			if ((i.asgLifecycle === 'InService' || i.asgLifecycle === 'Pending') && i.asgHealth === 'Healthy') capacity += 1;
		}

		// The group is at desired after every tick (one more while an AZ rebalance launch boots).
		const rebalancing = (asg.rebalancingId ?? '') === '' ? 0 : 1;
		expect(capacity - rebalancing).toBe(asg.desired);
		for (const name of s.alarmOrder) {
			const a = s.alarms[name]!;
			expect(['OK', 'ALARM', 'INSUFFICIENT_DATA']).toContain(a.state);
			expect(a.breaching).toBeLessThanOrEqual(a.config.evaluationPeriods);
		}

		expect(s.events.length).toBeLessThanOrEqual(eventLogLimit);
	}

	it('min ≤ desired ≤ max, the group at desired, lifecycles consistent, alarms well-formed', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 10_000}), plan, (seed, steps) => {
				let s = createInitialState({...config, seed});
				for (const {action: a, ticks} of steps) {
					s = advance(step(s, a), 1);
					check(s);
					s = advance(s, ticks);
					check(s);
				}
			}),
			{numRuns: 30, seed: 4242},
		);
	});
});
