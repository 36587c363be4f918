import {describe, expect, it} from 'vitest';
import {createInitialState, makeAlarm, makeConfig, selectAlarms, type AlarmConfig, type PolicyConfig} from '../../../source/sim/index.js';
import {evaluateDatapoints, stateReason} from '../../../source/sim/systems/alarms.js';
import {controlState, runControl} from './control-plane-helpers.js';

const X = 90; // breaching (> 80)
const O = 10; // ok
const _ = null; // missing

function alarm(partial: Partial<AlarmConfig> = {}): AlarmConfig {
	return makeAlarm({name: 'HighCPU', comparison: '>', threshold: 80, evaluationPeriods: 3, ...partial});
}

describe('M of N evaluation', () => {
	it('needs M breaching datapoints of the last N, not necessarily consecutive', () => {
		const threeOfFive = alarm({evaluationPeriods: 5, datapointsToAlarm: 3});
		expect(evaluateDatapoints(threeOfFive, [X, O, X, O, X], 'OK')).toEqual({state: 'ALARM', breaching: 3});
		expect(evaluateDatapoints(threeOfFive, [X, O, O, O, X], 'OK')).toEqual({state: 'OK', breaching: 2});
		expect(evaluateDatapoints(alarm(), [O, X, X, X], 'OK').state).toBe('ALARM');
		expect(evaluateDatapoints(alarm(), [X, X, X, O], 'ALARM').state).toBe('OK');
	});

	it('threshold comparisons are strict or not as named', () => {
		expect(evaluateDatapoints(alarm({evaluationPeriods: 1}), [80], 'OK').state).toBe('OK');
		expect(evaluateDatapoints(alarm({evaluationPeriods: 1, comparison: '>='}), [80], 'OK').state).toBe('ALARM');
		expect(evaluateDatapoints(alarm({evaluationPeriods: 1, comparison: '<', threshold: 30}), [29], 'OK').state).toBe('ALARM');
	});
});

describe("TreatMissingData: AWS's worked table (N = M = 3, range 5)", () => {
	const modes = ['missing', 'ignore', 'breaching', 'notBreaching'] as const;
	const run = (points: Array<number | null>, mode: (typeof modes)[number], current: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' = 'OK') =>
		evaluateDatapoints(alarm({treatMissingData: mode}), points, current).state;

	it('- - - - -: INSUFFICIENT_DATA / keep / ALARM / OK', () => {
		expect(run([_, _, _, _, _], 'missing')).toBe('INSUFFICIENT_DATA');
		expect(run([_, _, _, _, _], 'ignore', 'ALARM')).toBe('ALARM');
		expect(run([_, _, _, _, _], 'ignore', 'OK')).toBe('OK');
		expect(run([_, _, _, _, _], 'breaching')).toBe('ALARM');
		expect(run([_, _, _, _, _], 'notBreaching')).toBe('OK');
	});

	it('0 X X - X: ALARM in every mode', () => {
		for (const mode of modes) expect(run([O, X, X, _, X], mode)).toBe('ALARM');
	});

	it('- - X - -: ALARM unless notBreaching (OK) or ignore (keep)', () => {
		expect(run([_, _, X, _, _], 'missing')).toBe('ALARM');
		expect(run([_, _, X, _, _], 'breaching')).toBe('ALARM');
		expect(run([_, _, X, _, _], 'notBreaching')).toBe('OK');
		expect(run([_, _, X, _, _], 'ignore', 'OK')).toBe('OK');
		expect(run([_, _, X, _, _], 'ignore', 'INSUFFICIENT_DATA')).toBe('INSUFFICIENT_DATA');
	});
});

describe('alarms in a run', () => {
	const policy: PolicyConfig = {name: 'scale-out', type: 'simple', alarm: alarm({evaluationPeriods: 2}), adjustmentType: 'ChangeInCapacity', adjustment: 1};

	it('start in INSUFFICIENT_DATA, count transitions and log each one', () => {
		const s = controlState({autoScaling: {min: 1, max: 2, desired: 1, policies: [policy]}});
		expect(s.alarms.HighCPU!.state).toBe('INSUFFICIENT_DATA');
		runControl(s, 120, 10);
		expect(s.alarms.HighCPU!.state).toBe('OK');
		runControl(s, 120, 95);
		expect(s.alarms.HighCPU!.state).toBe('ALARM');
		expect(s.alarms.HighCPU!.transitions).toBe(2);
		expect(s.alarms.HighCPU!.datapoints).toEqual([95, 95]);
		expect(s.alarms.HighCPU!.breaching).toBe(2);
		const logged = s.events.filter(e => e.kind === 'alarm').map(e => e.message);
		expect(logged).toEqual(['Alarm HighCPU changed from INSUFFICIENT_DATA to OK', 'Alarm HighCPU changed from OK to ALARM']);
	});

	it('a 5-minute alarm on basic monitoring only sees a datapoint every 5 minutes', () => {
		const five: PolicyConfig = {...policy, alarm: alarm({periodSeconds: 300, evaluationPeriods: 1})} as PolicyConfig;
		const s = controlState({autoScaling: {min: 1, max: 2, desired: 1, monitoring: 'basic', policies: [five]}});
		runControl(s, 299, 95);
		expect(s.alarms.HighCPU!.state).toBe('INSUFFICIENT_DATA');
		runControl(s, 1, 95);
		expect(s.alarms.HighCPU!.state).toBe('ALARM');
		expect(s.alarms.HighCPU!.lastValue).toBe(95);
	});
});

describe('state-change reasons, worded like CloudWatch', () => {
	it('ALARM, OK and INSUFFICIENT_DATA', () => {
		const c = alarm();
		expect(stateReason(c, [81, 90, 95.25], {state: 'ALARM', breaching: 3}))
			.toBe('Threshold Crossed: 3 out of the last 3 datapoints [95.25, 90, 81] were greater than the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).');
		expect(stateReason(c, [81, 90, 65.5], {state: 'OK', breaching: 2}))
			.toBe('Threshold Crossed: 1 out of the last 3 datapoints [65.5, 90, 81] were not greater than the threshold (80.0) (minimum 1 datapoints for ALARM -> OK transition).');
		expect(stateReason(c, [null, 50], {state: 'INSUFFICIENT_DATA', breaching: 0})).toBe('Insufficient Data: 2 of the last 3 datapoints were unknown.');
	});
});

describe('selectAlarms', () => {
	const policy: PolicyConfig = {name: 'scale-out', type: 'simple', alarm: alarm({evaluationPeriods: 5, datapointsToAlarm: 3}), adjustmentType: 'ChangeInCapacity', adjustment: 1};

	it('lists the policies’ alarms in INSUFFICIENT_DATA before the first tick', () => {
		const views = selectAlarms(createInitialState(makeConfig({autoScaling: {policies: [policy, {name: 't', type: 'target-tracking', metric: 'CPUUtilization', target: 50, disableScaleIn: false}]}})));
		expect(views.map(v => [v.policyName, v.state, v.threshold])).toEqual([['scale-out', 'INSUFFICIENT_DATA', 80], ['t', 'INSUFFICIENT_DATA', 50], ['t', 'INSUFFICIENT_DATA', 35]]);
	});

	it('shows the newest value against the threshold and the datapoints in breach (3 of 5)', () => {
		const s = controlState({autoScaling: {min: 1, max: 1, desired: 1, policies: [policy]}});
		runControl(s, 300, t => (t < 120 ? 50 : 90));
		const [view] = selectAlarms(s as never);
		expect(view).toMatchObject({name: 'HighCPU', state: 'ALARM', metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 80, value: 90, breaching: 3, datapointsToAlarm: 3, evaluationPeriods: 5, periodSeconds: 60, transitions: 1});
	});
});
