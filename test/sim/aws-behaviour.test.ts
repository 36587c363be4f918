/**
 * AWS behaviour at default settings, end to end through `advance` (data plane and control
 * plane together): the timings users rely on (aws-behaviour.md §8).
 */
import {describe, expect, it} from 'vitest';
import {advance, createInitialState, makeAlarm, makeConfig, selectLoadBalancer, step, type SimState} from '../../source/sim/index.js';

describe('a killed instance behind a classic ELB (defaults: 30 s interval, unhealthy threshold 2)', () => {
	for (const seed of [1, 2, 3, 4, 5]) {
		it(`keeps receiving traffic until 2 failed checks 30 s apart, then is OutOfService and replaced (seed ${seed})`, () => {
			const config = makeConfig({seed, load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 20}, autoScaling: {min: 1, max: 4, desired: 2, healthCheckType: 'ELB'}});
			expect(config.loadBalancer).toMatchObject({kind: 'classic', healthCheck: {intervalSeconds: 30, unhealthyThreshold: 2}});
			let s: SimState = advance(createInitialState(config), 100);
			s = step(s, {type: 'instance/terminate-requested', target: 'i-0001'});
			const label = (st: SimState) => selectLoadBalancer(st).targets.find(t => t.instanceId === 'i-0001')?.stateLabel;
			let routedWhileDead = 0;
			let outOfServiceAt = -1;
			while (outOfServiceAt < 0 && s.clock.tick < 300) {
				s = advance(s, 1);
				if (label(s) === 'InService') routedWhileDead += s.dataPlane.instances.routedLastTick[s.instanceOrder.indexOf('i-0001')]!;
				else outOfServiceAt = s.clock.tick - 1; // the tick that just ran
			}

			// Checks run every 30 s from launch (ticks 120, 150 …): the failures at 120 and 150 take it out.
			expect(outOfServiceAt).toBe(150);
			expect(s.instances['i-0001']!.target.health).toBe('unhealthy');
			expect(routedWhileDead).toBeGreaterThan(400); // its half of 20 req/s for the 50 s from the kill to 150
			expect(s.totals.failed).toBeGreaterThan(0);
			// The group noticed the EC2 state at once and launched a replacement.
			const launched = s.events.find(e => e.message === 'Launching a new EC2 instance: i-0003');
			expect(launched?.tick).toBe(100);
			expect(s.instances['i-0003']!.zone).toBe(s.instances['i-0001']!.zone);
		});
	}
});

describe('a simple policy on "CPU > 80 % for 5 of 5 one-minute periods"', () => {
	const config = makeConfig({
		seed: 7,
		// Two t2.micro serve ~59.6 req/s: 52 req/s keeps them ~87 % busy without overloading them.
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 52},
		autoScaling: {min: 1, max: 6, desired: 2, policies: [{name: 'scale-out', type: 'simple', alarm: makeAlarm({name: 'HighCPU', comparison: '>', threshold: 80, evaluationPeriods: 5}), adjustmentType: 'ChangeInCapacity', adjustment: 2}]},
	});

	it('changes desired after 5 minutes, not before', () => {
		const before = advance(createInitialState(config), 299);
		expect(before.autoScaling!.desired).toBe(2);
		expect(before.alarms.HighCPU!.state).toBe('INSUFFICIENT_DATA');
		const after = advance(before, 1);
		expect(after.alarms.HighCPU!.state).toBe('ALARM');
		expect(after.autoScaling!.desired).toBe(4);
		expect(after.events.find(e => e.message === 'Launching a new EC2 instance: i-0003')!.cause)
			.toBe('At 2026-01-01T00:04:59Z a monitor alarm HighCPU in state ALARM triggered policy scale-out changing the desired capacity from 2 to 4.');
	});

	it('the default 300 s cooldown blocks a second action while the alarm stays in ALARM', () => {
		// A one-period alarm, and a default warm-up so the new instances (idle until the ELB finds
		// them healthy, ~300 s) stay out of the group's CPU: the alarm stays in ALARM, and only the
		// cooldown holds the policy back.
		const quick = {...config.autoScaling!, defaultInstanceWarmupSeconds: 900, policies: [{name: 'scale-out', type: 'simple' as const, alarm: makeAlarm({name: 'HighCPU', comparison: '>', threshold: 80}), adjustmentType: 'ChangeInCapacity' as const, adjustment: 2}]};
		let s = advance(createInitialState({...config, autoScaling: quick}), 60);
		expect(s.autoScaling!.desired).toBe(4);
		for (let minute = 2; minute <= 5; minute++) {
			s = advance(s, 60);
			expect(s.alarms.HighCPU!.state).toBe('ALARM');
			expect(s.autoScaling!.desired).toBe(4);
			expect(s.autoScaling!.cooldownUntilTick).toBeGreaterThan(s.clock.tick);
		}

		// Without a cooldown the same policy acts again the next minute.
		const noCooldown = advance(createInitialState({...config, autoScaling: {...quick, defaultCooldownSeconds: 0}}), 120);
		expect(noCooldown.autoScaling!.desired).toBe(6);
	});
});

describe('default termination order', () => {
	it('keeps zones balanced as the group scales in', () => {
		let s = createInitialState(makeConfig({seed: 3, autoScaling: {zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], min: 1, max: 9, desired: 9}}));
		for (const desired of [8, 7, 6, 5, 4, 3]) {
			s = advance(step(s, {type: 'asg/desired-capacity-changed', desired}), 10);
			const counts: Record<string, number> = {};
			for (const id of s.instanceOrder) {
				const i = s.instances[id]!;
				if (i.asgLifecycle === 'InService' || i.asgLifecycle === 'Pending') counts[i.zone] = (counts[i.zone] ?? 0) + 1;
			}

			expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(desired);
			expect(Math.max(...Object.values(counts)) - Math.min(...Object.values(counts))).toBeLessThanOrEqual(1);
		}
	});
});

describe('target tracking at default settings (1-minute metrics, AlarmHigh 3 of 3)', () => {
	it('10 instances at ~88 % CPU with a 50 % target: desired 18 after 3 minutes, not before', () => {
		// 10 t2.micro serve ~297.6 req/s; 262 req/s keeps them ~88 % busy.
		const config = makeConfig({
			seed: 11,
			load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 262},
			autoScaling: {zones: ['us-east-1a', 'us-east-1b'], min: 1, max: 30, desired: 10, policies: [{name: 'track-cpu', type: 'target-tracking', metric: 'CPUUtilization', target: 50, disableScaleIn: false}]},
		});
		const before = advance(createInitialState(config), 179);
		expect(before.autoScaling!.desired).toBe(10);
		const after = advance(before, 1);
		const high = after.alarms[after.alarmOrder[0]!]!;
		expect(high.state).toBe('ALARM');
		expect(high.lastValue).toBeGreaterThan(86);
		expect(high.lastValue).toBeLessThan(90);
		expect(after.autoScaling!.desired).toBe(18); // ceil(10 × 88 / 50)
	});
});
