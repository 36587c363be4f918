import {describe, expect, test} from 'vitest';
import {alarmDisplayName, toAlarmRows} from '../../../source/ui/view-models/to-alarm-rows.js';
import {sampleAlarms} from '../../../source/ui/sample-views.js';

describe('alarm rows', () => {
	test('target-tracking alarms are named after their policy', () => {
		expect(alarmDisplayName('TargetTracking-web-asg-AlarmHigh-769f2c42-cec6-40b7-ef56-c6bd4707bcde', 'track-cpu')).toBe('track-cpu high');
		expect(alarmDisplayName('TargetTracking-web-asg-AlarmLow-769f2c42-cec6-40b7-ef56-c6bd4707bcde', 'track-cpu')).toBe('track-cpu low');
		expect(alarmDisplayName('HighCPU', 'scale-out')).toBe('HighCPU');
	});

	test('value against threshold, breaching datapoints of N, and M when it differs', () => {
		expect(toAlarmRows(sampleAlarms)).toEqual([
			{id: 'HighCPU', name: 'HighCPU', state: 'ALARM', tone: 'alarm', condition: 'CPUUtilization 85.2 > 80', shortCondition: 'CPU 85.2 > 80', breach: '3/5 M=3'},
			{id: 'LowCPU', name: 'LowCPU', state: 'OK', tone: 'ok', condition: 'CPUUtilization 85.2 < 30', shortCondition: 'CPU 85.2 < 30', breach: '0/5'},
		]);
		expect(toAlarmRows([{...sampleAlarms[0], value: null, state: 'INSUFFICIENT_DATA'}])[0]).toMatchObject({condition: 'CPUUtilization — > 80', tone: 'dim'});
	});
});
