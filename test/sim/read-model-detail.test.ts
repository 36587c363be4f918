/**
 * The read model behind the dashboard's detail panes, zone view and day-long sparklines:
 * per-instance lifecycle times, health checks, CPU credits and throttling; zones and their
 * outages; an alarm's datapoints at its period; per-minute history.
 */
import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState, makeConfig, selectAlarmDatapoints, selectAlarms, selectInstances, selectMinuteSeries, selectSeries, selectZones, step} from '../../source/sim/index.js';

describe('instance details', () => {
	test('lifecycle times, health-check counters and the target state in the load balancer\'s words', () => {
		// The preset's instances start warm at 0 s; the third is launched by the desired change at 100 s.
		let s = advance(createInitialState(makeConfig({autoScaling: {min: 2, max: 3, desired: 2}})), 100);
		s = advance(step(s, {type: 'asg/desired-capacity-changed', desired: 3}), 600);
		const [first, , third] = selectInstances(s);
		expect(first).toMatchObject({launchedSeconds: 0, stateSinceSeconds: 0, inServiceSinceSeconds: 0, isInGroup: true, isBehindLoadBalancer: true, purchaseOption: 'on-demand', unhealthyCause: ''});
		expect(first.targetState).toBe('InService');
		expect(third.launchedSeconds).toBe(100);
		expect(third.stateSinceSeconds).toBeGreaterThan(100);
		expect(third.inServiceSinceSeconds).toBeGreaterThanOrEqual(third.stateSinceSeconds);
		expect(first.healthCheckPasses).toBeGreaterThan(0);
		expect(first.healthCheckFailures).toBe(0);
	});

	test('a t2 that has spent its CPU credits is throttled to its baseline, and says so', () => {
		// One t2.micro (baseline 10 %) at 84 % CPU for hours: its credits run out after about three.
		const config = makeConfig({autoScaling: {min: 1, max: 1, desired: 1}, load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 25}});
		let s = createInitialState(config);
		expect(selectInstances(s)[0].isThrottled).toBe(false);
		for (let minute = 0; minute < 6 * 60 && !selectInstances(s).some(i => i.isThrottled); minute++) s = advance(s, 60);

		const hot = selectInstances(s).find(i => i.isThrottled)!;
		expect(hot).toBeDefined();
		expect(hot.cpuBaselinePercent).toBe(10);
		expect(hot.cpuCredits).toBeLessThan(0.01);
	});
});

describe('zones', () => {
	test('the group\'s zones, and an outage with the seconds it has left', () => {
		let s = createInitialState(makeConfig({autoScaling: {zones: ['us-east-1a', 'us-east-1b'], min: 2, max: 2, desired: 2}}));
		expect(selectZones(s)).toEqual([{zone: 'us-east-1a', isDown: false, outageSecondsLeft: 0}, {zone: 'us-east-1b', isDown: false, outageSecondsLeft: 0}]);
		s = step(s, {type: 'zone/outage-started', zone: 'us-east-1b', durationSeconds: 300});
		s = advance(s, 60);
		expect(selectZones(s)[1]).toEqual({zone: 'us-east-1b', isDown: true, outageSecondsLeft: 240});
	});
});

describe('alarm datapoints', () => {
	test('the newest datapoints at the alarm\'s period, oldest first, with its threshold', () => {
		const loaded = loadPreset('autoscaling-cpu-alarm');
		if (!loaded.ok) throw new Error(loaded.message);
		const s = advance(createInitialState(loaded.config), 600);
		const [alarm] = selectAlarms(s);
		const points = selectAlarmDatapoints(s, alarm.name, 5)!;
		expect(points).toMatchObject({name: alarm.name, metric: alarm.metric, threshold: alarm.threshold, comparison: alarm.comparison, periodSeconds: alarm.periodSeconds});
		expect(points.datapoints).toHaveLength(5);
		expect(points.datapoints.at(-1)).toBe(alarm.value);
		expect(points.newestEndsAtSeconds).toBe(600);
		expect(selectAlarmDatapoints(s, 'no-such-alarm')).toBeUndefined();
	});
});

describe('per-minute history', () => {
	test('each simulated minute adds the minute\'s mean of every series, up to 24 hours', () => {
		const s = advance(createInitialState(makeConfig()), 185);
		const minutes = selectMinuteSeries(s);
		expect(minutes.arrivalRate).toHaveLength(3);
		const perTick = selectSeries(s, 600).arrivalRate.slice(0, 60);
		expect(minutes.arrivalRate[0]).toBeCloseTo(perTick.reduce((a, b) => a + b, 0) / 60, 9);
		expect(selectMinuteSeries(createInitialState(makeConfig())).arrivalRate).toEqual([]);
	});
});
