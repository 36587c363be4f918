import {describe, expect, it} from 'vitest';
import {makeAlarm, type PolicyConfig} from '../../../source/sim/index.js';
import {adjustCapacity, clampCapacity, matchStep, percentChange, targetTrackingCapacity} from '../../../source/sim/systems/adjustments.js';
import {controlState, runControl} from './control-plane-helpers.js';
import {setDesiredCapacity} from '../../../source/sim/systems/auto-scaling.js';

describe('adjustment arithmetic (aws-behaviour.md §3.1)', () => {
	it('ChangeInCapacity, ExactCapacity and PercentChangeInCapacity', () => {
		expect(adjustCapacity('ChangeInCapacity', 5, 3)).toBe(8);
		expect(adjustCapacity('ExactCapacity', 5, 3)).toBe(5);
		expect(adjustCapacity('PercentChangeInCapacity', 10, 10)).toBe(11);
	});

	it('percent rounding: >1 down, (0,1) → 1, (-1,0) → -1, < -1 toward zero', () => {
		expect(percentChange(127, 10)).toBe(12); // 12.7 → 12
		expect(percentChange(4, 10)).toBe(1); // 0.4 → 1
		expect(percentChange(4, -10)).toBe(-1); // -0.4 → -1
		expect(percentChange(20, -33.35)).toBe(-6); // -6.67 → -6
		expect(percentChange(10, 0)).toBe(0);
	});

	it('MinAdjustmentMagnitude: 25 % of 4 is 1, but a minimum of 2 adds 2', () => {
		expect(adjustCapacity('PercentChangeInCapacity', 25, 4)).toBe(5);
		expect(adjustCapacity('PercentChangeInCapacity', 25, 4, 2)).toBe(6);
		expect(adjustCapacity('PercentChangeInCapacity', -25, 4, 2)).toBe(2);
	});

	it('results are clamped to [min, max]', () => {
		expect(clampCapacity(adjustCapacity('ChangeInCapacity', 5, 3), 1, 6)).toBe(6);
		expect(clampCapacity(adjustCapacity('ChangeInCapacity', -5, 3), 1, 6)).toBe(1);
	});

	it("step scaling: AWS's worked example (threshold 50, capacity 10)", () => {
		const out = [{lower: 0, upper: 10, adjustment: 0}, {lower: 10, upper: 20, adjustment: 10}, {lower: 20, adjustment: 30}];
		const inSteps = [{lower: -10, upper: 0, adjustment: 0}, {lower: -20, upper: -10, adjustment: -10}, {upper: -20, adjustment: -30}];
		const at60 = matchStep(out, 60, 50)!;
		expect(adjustCapacity('PercentChangeInCapacity', at60.adjustment, 10)).toBe(11);
		const at70 = matchStep(out, 70, 50)!;
		expect(adjustCapacity('PercentChangeInCapacity', at70.adjustment, 11)).toBe(14);
		const at40 = matchStep(inSteps, 40, 50)!;
		expect(adjustCapacity('PercentChangeInCapacity', at40.adjustment, 14)).toBe(13);
		// Bounds: above the threshold lower is inclusive, upper exclusive; below, the reverse.
		expect(matchStep(out, 59.99, 50)!.adjustment).toBe(0);
		expect(matchStep(inSteps, 30, 50)!.adjustment).toBe(-30);
		expect(matchStep(inSteps, 30.01, 50)!.adjustment).toBe(-10);
	});

	it('target tracking: 10 instances at 90 % with target 50 → 18', () => {
		expect(targetTrackingCapacity(10, 90, 50)).toBe(18);
		expect(targetTrackingCapacity(4, 30, 50)).toBe(3);
		expect(targetTrackingCapacity(2, 75, 50)).toBe(3);
		expect(targetTrackingCapacity(3, 75, 50)).toBe(5); // needs +1.5 → adds 2 (AWS rounds conservatively)
	});
});

const cpuHigh = makeAlarm({name: 'HighCPU', comparison: '>', threshold: 80, evaluationPeriods: 5});
const simpleOut: PolicyConfig = {name: 'scale-out', type: 'simple', alarm: cpuHigh, adjustmentType: 'ChangeInCapacity', adjustment: 2};

describe('simple scaling policy', () => {
	it('"CPU > 80 for 5 of 5 one-minute periods" changes desired after 5 minutes, not before', () => {
		const s = controlState({autoScaling: {min: 1, max: 6, desired: 2, policies: [simpleOut]}});
		runControl(s, 299, 95);
		expect(s.autoScaling!.desired).toBe(2);
		expect(s.alarms.HighCPU!.state).toBe('INSUFFICIENT_DATA');
		runControl(s, 1, 95);
		expect(s.alarms.HighCPU!.state).toBe('ALARM');
		expect(s.autoScaling!.desired).toBe(4);
		const launch = s.events.find(e => e.message === 'Launching a new EC2 instance: i-0003')!;
		expect(launch.cause).toBe('At 2026-01-01T00:04:59Z a monitor alarm HighCPU in state ALARM triggered policy scale-out changing the desired capacity from 2 to 4.');
	});

	it('the cooldown (300 s after the last launch completes) blocks a second action', () => {
		const s = controlState({autoScaling: {min: 1, max: 10, desired: 2, policies: [simpleOut]}});
		runControl(s, 300, 95);
		expect(s.autoScaling!.desired).toBe(4);
		// The alarm stays in ALARM; the activity completes when both launches are InService (≤ 20 s), then 300 s of cooldown.
		runControl(s, 300, 95);
		expect(s.alarms.HighCPU!.state).toBe('ALARM');
		expect(s.autoScaling!.desired).toBe(4);
		expect(s.autoScaling!.cooldownUntilTick).toBeGreaterThan(s.clock.tick - 1);
		runControl(s, 60, 95);
		expect(s.autoScaling!.desired).toBe(6);
	});

	it('without a cooldown the policy re-acts every minute while the alarm stays in ALARM (thrashing)', () => {
		const s = controlState({autoScaling: {min: 1, max: 10, desired: 2, defaultCooldownSeconds: 0, policies: [simpleOut]}});
		runControl(s, 300, 95);
		expect(s.autoScaling!.desired).toBe(4);
		runControl(s, 60, 95);
		expect(s.autoScaling!.desired).toBe(6);
		runControl(s, 60, 95);
		expect(s.autoScaling!.desired).toBe(8);
	});

	it('a scale-out asking for more than max just reaches max', () => {
		const s = controlState({autoScaling: {min: 1, max: 3, desired: 2, policies: [simpleOut]}});
		runControl(s, 300, 95);
		expect(s.autoScaling!.desired).toBe(3);
	});
});

describe('step scaling policy', () => {
	const alarm = makeAlarm({name: 'StepCPU', comparison: '>=', threshold: 50, evaluationPeriods: 1});
	const steps: PolicyConfig = {name: 'steps', type: 'step', alarm, adjustmentType: 'PercentChangeInCapacity', steps: [{lower: 0, upper: 10, adjustment: 0}, {lower: 10, upper: 20, adjustment: 10}, {lower: 20, adjustment: 30}], estimatedInstanceWarmupSeconds: 120};

	it('adds +10 % at 60 % CPU, and warming capacity counts toward the next breach in the same step', () => {
		const s = controlState({autoScaling: {min: 1, max: 30, desired: 10, policies: [steps]}});
		runControl(s, 60, 60);
		expect(s.autoScaling!.desired).toBe(11);
		runControl(s, 60, 60); // still warming: same step adds nothing
		expect(s.autoScaling!.desired).toBe(11);
		runControl(s, 60, 70); // higher step: +30 % of the 10 settled → 13
		expect(s.autoScaling!.desired).toBe(13);
	});
});

describe('target tracking policy', () => {
	const tt: PolicyConfig = {name: 'track-cpu', type: 'target-tracking', metric: 'CPUUtilization', target: 50, disableScaleIn: false, estimatedInstanceWarmupSeconds: 60};

	it('creates its two alarms, scales out after 3 minutes above target: 10 at 90 % → 18', () => {
		const s = controlState({autoScaling: {name: 'web', min: 1, max: 30, desired: 10, policies: [tt]}});
		expect(s.alarmOrder).toHaveLength(2);
		expect(s.alarmOrder[0]).toMatch(/^TargetTracking-web-AlarmHigh-[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/);
		expect(s.alarmOrder[1]).toMatch(/^TargetTracking-web-AlarmLow-/);
		expect(s.alarms[s.alarmOrder[1]!]!.config.threshold).toBe(35);
		runControl(s, 179, 90);
		expect(s.autoScaling!.desired).toBe(10);
		runControl(s, 1, 90);
		expect(s.autoScaling!.desired).toBe(18);
	});

	it('scales in only after 15 minutes below 0.7 × target, and never while instances warm up', () => {
		const s = controlState({autoScaling: {min: 1, max: 30, desired: 4, policies: [tt]}});
		runControl(s, 899, 20);
		expect(s.autoScaling!.desired).toBe(4);
		runControl(s, 1, 20);
		expect(s.autoScaling!.desired).toBe(2); // ceil(4 × 20 / 50) = 2
	});
});

describe('scheduled action', () => {
	it('sets min/max/desired at its time and again every period', () => {
		const nightly: PolicyConfig = {name: 'nightly', type: 'scheduled', atSeconds: 120, everySeconds: 600, desired: 5, max: 8};
		const s = controlState({autoScaling: {min: 1, max: 4, desired: 2, policies: [nightly]}});
		runControl(s, 120, 10);
		expect(s.autoScaling!.desired).toBe(2);
		runControl(s, 1, 10);
		expect([s.autoScaling!.desired, s.autoScaling!.max]).toEqual([5, 8]);
		setDesiredCapacity(s, 3);
		runControl(s, 600, 10);
		expect(s.autoScaling!.desired).toBe(5);
		expect(s.events.some(e => e.cause.includes('a scheduled action update of AutoScalingGroup constraints to min: 1, max: 8, desired: 5'))).toBe(true);
	});
});

describe('several policies', () => {
	it('the largest capacity wins; target tracking scales in only when all its policies agree', () => {
		const cpu: PolicyConfig = {name: 'cpu', type: 'target-tracking', metric: 'CPUUtilization', target: 50, disableScaleIn: false};
		const perTarget: PolicyConfig = {name: 'requests', type: 'target-tracking', metric: 'RequestCountPerTarget', target: 1000, disableScaleIn: false};
		const s = controlState({autoScaling: {min: 1, max: 10, desired: 4, policies: [cpu, perTarget]}});
		// CPU low for 15 minutes, but each target serves its 1,000 requests a minute: the request policy disagrees.
		for (let minute = 0; minute < 15; minute++) {
			s.totals.arrived += 4000;
			runControl(s, 60, 10);
		}

		expect(s.alarms[s.alarmOrder[1]!]!.state).toBe('ALARM'); // cpu low
		expect(s.alarms[s.alarmOrder[3]!]!.state).toBe('OK'); // requests low
		expect(s.autoScaling!.desired).toBe(4);
		// Once requests fall too, both agree and the group scales in.
		s.totals.arrived += 100;
		runControl(s, 60 * 15, 10);
		expect(s.autoScaling!.desired).toBeLessThan(4);
	});
});
