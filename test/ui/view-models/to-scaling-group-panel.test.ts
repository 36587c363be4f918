/** The ASG panel's view-model: what the cooldown line tells the user, checked against the simulation. */
import {describe, expect, test} from 'vitest';
import {advance, createInitialState, makeAlarm, makeConfig, selectAlarms, selectAutoScaling, type SimState} from '../../../source/sim/index.js';
import {toScalingGroupPanelVm} from '../../../source/ui/view-models/to-scaling-group-panel.js';

const cooldownLine = (s: SimState): string => toScalingGroupPanelVm(selectAutoScaling(s), selectAlarms(s))!.timers[0]!;

describe('the cooldown line of a simple policy', () => {
	// A flash sale: 150 req/s on two t2.micro (60 req/s); +2 per action on one minute above 70 %, default 300 s cooldown.
	const config = makeConfig({
		seed: 7,
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 150},
		autoScaling: {min: 2, max: 6, desired: 2, healthCheckType: 'ELB', defaultCooldownSeconds: 300, policies: [{name: 'scale-out', type: 'simple', alarm: makeAlarm({name: 'HighCPU', comparison: '>', threshold: 70, evaluationPeriods: 1}), adjustmentType: 'ChangeInCapacity', adjustment: 2}]},
	});

	test('says the activity is in progress (the cooldown not yet started) while the new instances launch', () => {
		let s = createInitialState(config);
		while (s.autoScaling?.desired !== 4) s = advance(s, 1);
		expect(cooldownLine(s)).toBe('activity in progress, then cooldown 5m00s');
		while (s.autoScaling!.activity !== null) s = advance(s, 1);
		expect(cooldownLine(s)).toBe('cooldown 4m59s'); // it started on the tick that just ran
	});

	test('says "no cooldown" exactly when the policy could act, at every tick', () => {
		let s = createInitialState(config);
		let previous = cooldownLine(s);
		const acted: string[] = [];
		for (let t = 0; t < 1200; t++) {
			const desired = s.autoScaling?.desired ?? 2;
			s = advance(s, 1);
			const line = cooldownLine(s);
			const isBlocked = s.autoScaling!.activity !== null || s.clock.tick < s.autoScaling!.cooldownUntilTick;
			expect(line === 'no cooldown').toBe(!isBlocked);
			if (s.autoScaling!.desired > desired) acted.push(previous);
			previous = line;
		}

		expect(acted.length).toBeGreaterThan(0);
		expect(acted.every((line) => line === 'no cooldown')).toBe(true);
	});
});
