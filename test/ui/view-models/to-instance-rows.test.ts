import {describe, expect, test} from 'vitest';
import {sampleInstances} from '../../../source/ui/sample-views.js';
import {lifecycleLabel, sortInstances, toInstanceRows} from '../../../source/ui/view-models/to-instance-rows.js';
import {advance, selectInstances, step, type InstanceView, type SimState} from '../../../source/sim/index.js';
import {makeState} from '../../helpers/make-state.js';

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

describe('uptime of an instance that stopped running', () => {
	const row = (state: SimState, id: string) => toInstanceRows(selectInstances(state), 'id', false).find((r) => r.id === id)!;

	test('is frozen at its running time while it shuts down and once it is gone, not 0s', () => {
		const running = advance(makeState({instances: 2, seed: 3}), 300);
		expect(row(running, 'i-0001')).toMatchObject({state: 'InService', uptime: '5m00s'});
		const killed = step(running, {type: 'instance/terminate-requested', target: 'i-0001'});
		const shuttingDown = advance(killed, 20);
		expect(row(shuttingDown, 'i-0001')).toMatchObject({state: 'Terminating', uptime: '5m00s'});
		const gone = advance(shuttingDown, 120);
		expect(row(gone, 'i-0001')).toMatchObject({state: 'Terminated', uptime: '5m00s'});
		expect(row(gone, 'i-0002').uptime).toBe('7m20s');
	});
});

describe('an instance hung, then scaled up', () => {
	const rows = (state: SimState) => toInstanceRows(selectInstances(state), 'id', false).map((r) => [r.id, r.state, r.health]);
	const standalone = makeState({seed: 5, config: {autoScaling: null, instances: [{instanceType: 't2.micro', zone: 'us-east-1a', behindLoadBalancer: false, hasElasticIp: true, purchaseOption: 'on-demand'}]}});

	test('no row shows Hung: the stop ends the hang and the larger instance does not inherit it', () => {
		const hung = step(advance(standalone, 60), {type: 'instance/hang-injected', target: 'i-0001'});
		expect(rows(hung)).toEqual([['i-0001', 'running', 'Hung']]);
		const scaledUp = step(hung, {type: 'instance/scale-up-requested', target: 'i-0001'});
		expect(rows(advance(scaledUp, 1))).toEqual([['i-0001', 'stopping', 'stopping'], ['i-0002', 'pending', 'Initializing']]);
		expect(rows(advance(scaledUp, 120))).toEqual([['i-0001', 'stopped', 'stopped'], ['i-0002', 'running', 'Healthy']]);
	});
});
