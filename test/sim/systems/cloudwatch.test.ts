import {describe, expect, it} from 'vitest';
import {aggregate, missingDatapoint, periodDatapoints} from '../../../source/sim/systems/cloudwatch.js';
import {ringValues} from '../../../source/sim/systems/ring.js';
import {controlState, runControl} from './control-plane-helpers.js';
import {setDesiredCapacity} from '../../../source/sim/systems/auto-scaling.js';

describe('CloudWatch datapoints', () => {
	it('publish one CPUUtilization datapoint a minute: the group average', () => {
		const s = controlState({autoScaling: {desired: 2}});
		runControl(s, 59, 40);
		expect(s.cloudwatch.CPUUtilization).toBeUndefined();
		runControl(s, 1, 40);
		runControl(s, 60, t => (t < 90 ? 20 : 80));
		expect(ringValues(s.cloudwatch.CPUUtilization!)).toEqual([40, 50]);
	});

	it('leave out instances that are not InService, and warming ones when a default warm-up is set', () => {
		const s = controlState({autoScaling: {desired: 2, max: 4, defaultInstanceWarmupSeconds: 600}});
		setDesiredCapacity(s, 3);
		runControl(s, 60, 0);
		const newcomer = s.instanceOrder[2]!;
		// The newcomer is InService but warming: its CPU must not count.
		runControl(s, 60, t => t);
		expect(s.instances[newcomer]!.asgLifecycle).toBe('InService');
		const last = ringValues(s.cloudwatch.CPUUtilization!).at(-1)!;
		expect(last).toBeCloseTo(87.5, 5); // mean of the samples at ticks 60, 65 … 115: only the two settled instances count
	});

	it('basic monitoring publishes CPU every 5 minutes, missing in between', () => {
		const s = controlState({autoScaling: {monitoring: 'basic'}});
		runControl(s, 300, 30);
		expect(ringValues(s.cloudwatch.CPUUtilization!)).toEqual([missingDatapoint, missingDatapoint, missingDatapoint, missingDatapoint, 30]);
		expect(periodDatapoints(s, 'CPUUtilization', 'Average', 300, 1)).toEqual([30]);
		expect(periodDatapoints(s, 'CPUUtilization', 'Average', 60, 2)).toEqual([null, 30]);
	});

	it('RequestCount, 5XX and Latency come from the data plane’s cumulative totals', () => {
		const s = controlState();
		runControl(s, 30, 0);
		s.totals.arrived += 600;
		s.totals.errors['503'] += 7;
		s.latency.total += 500;
		s.latency.sumMs += 25_000;
		runControl(s, 30, 0);
		expect(ringValues(s.cloudwatch.RequestCount!)).toEqual([600]);
		expect(ringValues(s.cloudwatch.HTTPCode_ELB_5XX!)).toEqual([7]);
		expect(ringValues(s.cloudwatch.Latency!)).toEqual([0.05]); // seconds, as a classic ELB reports it
		expect(ringValues(s.cloudwatch.HealthyHostCount!)).toEqual([2]);
		expect(ringValues(s.cloudwatch.RequestCountPerTarget!)).toEqual([300]);
		runControl(s, 60, 0);
		expect(ringValues(s.cloudwatch.Latency!)).toEqual([0.05, missingDatapoint]);
	});
});

describe('statistics over a period', () => {
	it('Average, Sum, Minimum, Maximum, SampleCount skip missing minutes', () => {
		const v = [10, missingDatapoint, 30];
		expect(aggregate(v, 'Average')).toBe(20);
		expect(aggregate(v, 'Sum')).toBe(40);
		expect(aggregate(v, 'Minimum')).toBe(10);
		expect(aggregate(v, 'Maximum')).toBe(30);
		expect(aggregate(v, 'SampleCount')).toBe(2);
		expect(aggregate([missingDatapoint], 'Average')).toBeNull();
	});
});
