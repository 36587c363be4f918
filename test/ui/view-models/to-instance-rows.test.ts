import {describe, expect, test} from 'vitest';
import {sampleInstances} from '../../../source/ui/sample-views.js';
import {lifecycleLabel, sortInstances, toInstanceRows} from '../../../source/ui/view-models/to-instance-rows.js';
import type {InstanceView} from '../../../source/sim/index.js';

const five = sampleInstances(5);
const terminated: InstanceView = {...five[0], id: 'i-0000', ec2State: 'terminated', asgLifecycle: 'Terminated', isDying: true, cpuPercent: 0};

describe('instance rows', () => {
	test('terminated instances sort last whatever the column and direction', () => {
		for (const column of ['id', 'cpu', 'uptime'] as const) {
			for (const isDescending of [false, true]) {
				expect(sortInstances([terminated, ...five], column, isDescending).at(-1)?.id).toBe('i-0000');
			}
		}
	});

	test('lifecycle shows the group\'s state, or EC2\'s outside a group and while stopping', () => {
		expect(lifecycleLabel(five[0])).toBe('InService');
		expect(lifecycleLabel({...five[0], asgLifecycle: 'Standalone'})).toBe('running');
		expect(lifecycleLabel({...five[0], ec2State: 'stopping'})).toBe('stopping');
	});

	test('markers: new +, dying -, unhealthy !, with a tone for each', () => {
		expect(toInstanceRows(five, 'id', false).map((r) => [r.marker, r.tone])).toEqual([
			[' ', 'normal'], ['-', 'dim'], ['!', 'alarm'], [' ', 'normal'], ['+', 'new'],
		]);
	});
});
