import {describe, expect, it} from 'vitest';
import {createInitialState, makeConfig, step, selectAutoScaling, selectInstances, type ConfigInput} from '../../../source/sim/index.js';
import type {Working} from '../../../source/sim/working.js';
import {protectedMessage, setDesiredCapacity} from '../../../source/sim/systems/auto-scaling.js';
import {capacityIds, controlState, messages, runControl, zoneCounts} from './control-plane-helpers.js';

function desiredVia(input: ConfigInput, desired: number) {
	return step(createInitialState(makeConfig(input)), {type: 'asg/desired-capacity-changed', desired});
}

describe('manual desired capacity (SetDesiredCapacity)', () => {
	it("is refused outside [min, max] with AWS's validation message, not clamped", () => {
		const above = desiredVia({autoScaling: {min: 1, max: 6, desired: 2}}, 7);
		expect(above.autoScaling!.desired).toBe(2);
		expect(above.events.at(-1)).toMatchObject({kind: 'refused', message: 'desired 7 refused: above max 6', cause: 'An error occurred (ValidationError) when calling the SetDesiredCapacity operation: New SetDesiredCapacity value 7 is above max value 6 for the AutoScalingGroup.'});
		const below = desiredVia({autoScaling: {min: 2, max: 6, desired: 2}}, 1);
		expect(below.autoScaling!.desired).toBe(2);
		expect(below.events.at(-1)).toMatchObject({kind: 'refused', message: 'desired 1 refused: below min 2', cause: 'An error occurred (ValidationError) when calling the SetDesiredCapacity operation: New SetDesiredCapacity value 1 is below min value 2 for the AutoScalingGroup.'});
	});

	it('inside the range launches at once, with the user-request cause', () => {
		const s = desiredVia({autoScaling: {min: 1, max: 6, desired: 2}}, 4);
		expect(s.autoScaling!.desired).toBe(4);
		const launches = s.events.filter(e => e.message.startsWith('Launching a new EC2 instance'));
		expect(launches.map(e => e.message)).toEqual(['Launching a new EC2 instance: i-0003', 'Launching a new EC2 instance: i-0004']);
		expect(launches[0]!.cause).toBe('At 2026-01-01T00:00:00Z a user request update of AutoScalingGroup constraints to min: 1, max: 6, desired: 4 changing the desired capacity from 2 to 4.');
	});

	it('+/- nudges are refused at the bounds too', () => {
		let s = createInitialState(makeConfig({autoScaling: {min: 1, max: 3, desired: 3}}));
		s = step(s, {type: 'asg/desired-capacity-nudged', delta: 1});
		expect(s.events.at(-1)).toMatchObject({message: 'desired +1 refused: 4 is above max 3', cause: 'An error occurred (ValidationError) when calling the SetDesiredCapacity operation: New SetDesiredCapacity value 4 is above max value 3 for the AutoScalingGroup.'});
		s = step(s, {type: 'asg/desired-capacity-nudged', delta: -1});
		expect(s.autoScaling!.desired).toBe(2);
	});
});

describe('zone balance', () => {
	it('scale-out launches into the zone with the fewest instances', () => {
		const s = controlState({autoScaling: {zones: ['a', 'b', 'c'], min: 1, max: 9, desired: 1}});
		setDesiredCapacity(s, 6);
		runControl(s, 1);
		expect(zoneCounts(s)).toEqual({a: 2, b: 2, c: 2});
	});

	it('default termination keeps zones balanced on scale-in', () => {
		const s = controlState({autoScaling: {zones: ['a', 'b'], min: 1, max: 9, desired: 6}});
		for (const target of [5, 4, 3, 2]) {
			setDesiredCapacity(s, target);
			runControl(s, 1);
			const counts = Object.values(zoneCounts(s));
			expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
			expect(capacityIds(s)).toHaveLength(target);
		}
	});

	it('OldestInstance and NewestInstance pick by launch time within the fullest zone', () => {
		for (const [policy, expected] of [['OldestInstance', 'i-0001'], ['NewestInstance', 'i-0005']] as const) {
			const s = controlState({autoScaling: {zones: ['a', 'b'], min: 1, max: 9, desired: 1, terminationPolicies: [policy]}});
			for (const desired of [2, 3, 4, 5]) {
				setDesiredCapacity(s, desired);
				runControl(s, 10);
			}

			// a: i-0001, i-0003, i-0005; b: i-0002, i-0004 → zone a goes first.
			setDesiredCapacity(s, 4);
			runControl(s, 1);
			expect(s.instances[expected]!.asgLifecycle).toBe('Terminating');
		}
	});
});

describe('scale-in', () => {
	it('deregisters (drains) before EC2 terminates, and logs like AWS', () => {
		const s = controlState({autoScaling: {min: 1, max: 4, desired: 2}});
		setDesiredCapacity(s, 1);
		runControl(s, 1);
		const victim = s.instanceOrder.find(id => s.instances[id]!.asgLifecycle === 'Terminating')!;
		expect(s.instances[victim]!.target.health).toBe('draining');
		expect(s.instances[victim]!.ec2State).toBe('running');
		const event = s.events.find(e => e.message === `Terminating EC2 instance: ${victim}`)!;
		expect(event.cause).toBe('At 2026-01-01T00:00:00Z an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 2 to 1.');
		runControl(s, 299);
		expect(s.instances[victim]!.ec2State).toBe('running');
		runControl(s, 2);
		expect(s.instances[victim]!.ec2State).toBe('shutting-down');
	});

	it('with every instance protected, desired drops but nothing terminates, with AWS’s message once', () => {
		const s = controlState({autoScaling: {min: 0, max: 4, desired: 2, newInstancesProtectedFromScaleIn: true}});
		for (const id of s.instanceOrder) s.instances[id]!.isProtectedFromScaleIn = true;
		setDesiredCapacity(s, 1);
		runControl(s, 10);
		expect(capacityIds(s)).toHaveLength(2);
		expect(messages(s).filter(m => m === protectedMessage)).toHaveLength(1);
	});
});

describe('health checks and replacement', () => {
	it('an instance terminated in EC2 is replaced at once (EC2 check), terminate then launch', () => {
		const s = controlState({autoScaling: {min: 1, max: 4, desired: 2}});
		const next = step(s as never, {type: 'instance/terminate-requested', target: 'i-0001'}) as Working;
		const w = structuredClone(next) as Working;
		runControl(w, 1);
		const activity = w.events.filter(e => e.kind === 'activity');
		expect(activity.map(e => e.message)).toEqual(['Terminating EC2 instance: i-0001', 'Launching a new EC2 instance: i-0003']);
		expect(activity[0]!.cause).toBe('At 2026-01-01T00:00:00Z an instance was taken out of service in response to an EC2 health check that indicated it had been terminated or stopped.');
		expect(activity[1]!.cause).toBe('At 2026-01-01T00:00:00Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 2.');
		expect(w.instances['i-0003']!.zone).toBe(w.instances['i-0001']!.zone);
	});

	it('ELB health check type: an unhealthy target is replaced only after the grace period (from InService)', () => {
		const s = controlState({autoScaling: {min: 1, max: 4, desired: 1, healthCheckType: 'ELB', healthCheckGracePeriodSeconds: 300}});
		setDesiredCapacity(s, 2);
		runControl(s, 1);
		const young = 'i-0002';
		runControl(s, 20);
		const inService = s.instances[young]!.inServiceTick; // the grace period starts at InService
		expect(inService).toBeGreaterThan(0);
		s.instances[young]!.target.health = 'unhealthy';
		runControl(s, inService + 299 - s.clock.tick);
		expect(s.instances[young]!.asgHealth).toBe('Healthy');
		runControl(s, 11); // noticed on the group's next periodic health sweep (every 10 s)
		expect(s.instances[young]!.asgHealth).toBe('Unhealthy');
		expect(s.instances[young]!.unhealthyCause).toContain('in response to an ELB system health check failure');
		expect(capacityIds(s)).toHaveLength(2);
	});

	it('EC2 health check type ignores the load balancer', () => {
		const s = controlState({autoScaling: {min: 1, max: 4, desired: 1, healthCheckType: 'EC2', healthCheckGracePeriodSeconds: 0}});
		s.instances['i-0001']!.target.health = 'unhealthy';
		runControl(s, 60);
		expect(s.instances['i-0001']!.asgHealth).toBe('Healthy');
	});
});

describe('selectAutoScaling', () => {
	it('reports counts, cooldown left and policy summaries', () => {
		const s = controlState({autoScaling: {min: 1, max: 6, desired: 2, policies: [
			{name: 'scale-out', type: 'simple', alarm: {name: 'HighCPU', metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 80, periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: 'missing'}, adjustmentType: 'ChangeInCapacity', adjustment: 2},
			{name: 'track', type: 'target-tracking', metric: 'CPUUtilization', target: 50, disableScaleIn: false},
		]}});
		runControl(s, 330, 95);
		const view = selectAutoScaling(s as never)!;
		// Target tracking after 3 minutes: ceil(2 × 95 / 50) = 4; the simple policy after 5: +2 → 6.
		expect(view).toMatchObject({desired: 6, current: 6, inService: 6, pending: 0, min: 1, max: 6, scalingActivities: 4});
		expect(view.warmingUp).toBe(4); // the estimated warm-up falls back to the 300 s default cooldown
		expect(view.cooldownSecondsLeft).toBeGreaterThan(270);
		expect(view.cooldownSecondsLeft).toBeLessThanOrEqual(300);
		expect(view.policies[0]!.summary).toBe('CPU > 80 for 5×60s → +2');
		expect(view.policies[1]!.summary).toBe('CPU target 50');
		expect(view.policies[1]!.alarmNames).toHaveLength(2);
	});
});

describe('replacing ELB-unhealthy instances in batches', () => {
	it('replaces one at a time in a small group, the next once the previous replacement is healthy', () => {
		const s = controlState({autoScaling: {min: 1, max: 4, desired: 3, healthCheckType: 'ELB', healthCheckGracePeriodSeconds: 0}});
		for (const id of s.instanceOrder) s.instances[id]!.target.health = 'unhealthy';
		runControl(s, 1);
		expect(s.instanceOrder.filter(id => s.instances[id]!.asgHealth === 'Unhealthy')).toEqual(['i-0001']);
		runControl(s, 100);
		expect(s.instanceOrder.filter(id => s.instances[id]!.asgHealth === 'Unhealthy')).toEqual(['i-0001']);
		s.instances['i-0004']!.target.health = 'healthy'; // the replacement passed its checks
		runControl(s, 10); // the next periodic sweep
		expect(s.instanceOrder.filter(id => s.instances[id]!.asgHealth === 'Unhealthy')).toEqual(['i-0001', 'i-0002']);
	});

	it('does not wait for instances a scale-out launched: an unhealthy instance is replaced on the next sweep', () => {
		// As in the thrashing preset: a scale-out instance is still in its checks (initial) when an old one fails its own.
		const s = controlState({autoScaling: {min: 1, max: 4, desired: 2, healthCheckType: 'ELB', healthCheckGracePeriodSeconds: 0}});
		setDesiredCapacity(s, 3);
		runControl(s, 30);
		expect(s.instances['i-0003']!.target.health).toBe('initial');
		s.instances['i-0001']!.target.health = 'unhealthy';
		runControl(s, 10);
		expect(selectInstances(s as never).find(i => i.id === 'i-0001')).toMatchObject({asgLifecycle: 'Terminating', healthLabel: 'Unhealthy'});
		expect(s.events.find(e => e.message === 'Terminating EC2 instance: i-0001')!.cause).toContain('in response to an ELB system health check failure');
		expect(capacityIds(s)).toEqual(['i-0002', 'i-0003', 'i-0004']);
	});

	it('replaces 10 % of desired at a time in a large group', () => {
		const s = controlState({autoScaling: {min: 1, max: 40, desired: 30, healthCheckType: 'ELB', healthCheckGracePeriodSeconds: 0}});
		for (const id of s.instanceOrder) s.instances[id]!.target.health = 'unhealthy';
		runControl(s, 1);
		expect(s.instanceOrder.filter(id => s.instances[id]!.asgHealth === 'Unhealthy')).toHaveLength(3);
	});
});

describe('Availability Zone rebalancing', () => {
	it('launches in the emptiest zone first, then terminates from the fullest once the new one is InService', () => {
		const s = controlState({autoScaling: {zones: ['a', 'b'], min: 1, max: 4, desired: 4}});
		for (const id of s.instanceOrder) s.instances[id]!.zone = 'b'; // as after an outage of zone a
		runControl(s, 1);
		expect(s.events.at(-1)).toMatchObject({message: 'Launching a new EC2 instance: i-0005', cause: 'At 2026-01-01T00:00:00Z an instance was launched to balance instances in zones a with other zones.'});
		expect(capacityIds(s)).toHaveLength(5); // one above desired while it boots (AWS allows max + 1)
		runControl(s, 25);
		const terminated = s.events.filter(e => e.message.startsWith('Terminating EC2 instance'));
		expect(terminated).toHaveLength(1);
		expect(terminated[0]!.cause).toContain('instances were launched to balance instances in zones with other zones resulting in more than desired number of instances in the group.');
		runControl(s, 60 * 6);
		expect(zoneCounts(s)).toEqual({a: 2, b: 2});
		expect(capacityIds(s)).toHaveLength(4);
	});

	it('does nothing while a zone is down', () => {
		const s = controlState({autoScaling: {zones: ['a', 'b'], min: 1, max: 4, desired: 2}});
		for (const id of s.instanceOrder) s.instances[id]!.zone = 'b';
		s.zones.a = {isDown: true, downUntilTick: 10_000, downSinceTick: 0};
		setDesiredCapacity(s, 3);
		runControl(s, 120);
		expect(zoneCounts(s)).toEqual({b: 3});
	});
});

describe('a large scale-in', () => {
	it('terminates many instances at once, zones balanced, in one reconcile', () => {
		const s = controlState({autoScaling: {zones: ['a', 'b', 'c'], min: 1, max: 300, desired: 300}});
		setDesiredCapacity(s, 100);
		expect(capacityIds(s)).toHaveLength(100);
		expect(Object.values(zoneCounts(s)).sort()).toEqual([33, 33, 34]);
		expect(s.autoScaling!.scalingActivities).toBe(200);
	});
});
