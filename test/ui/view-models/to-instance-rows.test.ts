import {describe, expect, test} from 'vitest';
import {sampleInstances, sampleZones} from '../../../source/ui/sample-views.js';
import {lifecycleLabel, matchesFilter, toInstanceRow, toInstanceTableVm, type TableOptions} from '../../../source/ui/view-models/to-instance-rows.js';
import {advance, selectInstances, selectZones, step, type InstanceView, type SimState} from '../../../source/sim/index.js';
import {makeState} from '../../helpers/make-state.js';

const five = sampleInstances(5);
const terminated: InstanceView = {...five[0], id: 'i-0000', ec2State: 'terminated', asgLifecycle: 'Terminated', isDying: true, cpuPercent: 0, stateSinceSeconds: 100};
const options: TableOptions = {sortColumn: 'id', isSortDescending: false, filter: '', terminated: 'recent', isGroupedByZone: false, nowSeconds: 200};

describe('instance rows', () => {
	test('terminated instances sort last whatever the column and direction', () => {
		for (const column of ['id', 'cpu', 'uptime'] as const) {
			for (const isDescending of [false, true]) {
				expect(toInstanceTableVm([terminated, ...five], sampleZones, {...options, terminated: 'all', sortColumn: column, isSortDescending: isDescending}).ids.at(-1)).toBe('i-0000');
			}
		}
	});

	test('the Auto Scaling lifecycle and the EC2 state are separate columns, in AWS\'s words', () => {
		expect(toInstanceRow(five[1])).toMatchObject({lifecycle: 'Terminating', ec2: 'shutting-down'});
		expect(toInstanceRow(five[4])).toMatchObject({lifecycle: 'Pending', ec2: 'pending'});
		expect(lifecycleLabel({...five[0], asgLifecycle: 'Standalone'})).toBe('—');
	});

	test('markers: new +, dying -, unhealthy !, with a tone for each', () => {
		expect(five.map(toInstanceRow).map((r) => [r.marker, r.tone])).toEqual([
			[' ', 'normal'], ['-', 'dim'], ['!', 'alarm'], [' ', 'normal'], ['+', 'new'],
		]);
	});
});

describe('the table: filter, terminated instances, zones', () => {
	test('/ filters by every word, in id, type, zone, lifecycle, EC2 state or health, ignoring case', () => {
		const ids = (filter: string) => toInstanceTableVm(five, sampleZones, {...options, filter}).ids;
		expect(ids('1b')).toEqual(['i-0002', 'i-0004']);
		expect(ids('UNHEALTHY')).toEqual(['i-0003']);
		expect(ids('pending')).toEqual(['i-0005']);
		expect(ids('1a running')).toEqual(['i-0001', 'i-0003']);
		expect(ids('nothing-like-this')).toEqual([]);
		expect(toInstanceTableVm(five, sampleZones, {...options, filter: '1b'})).toMatchObject({total: 5, filteredOut: 3, filter: '1b'});
		expect(matchesFilter(toInstanceRow(five[0]), '  ')).toBe(true);
	});

	test('terminated instances are listed for 5 minutes by default, then hidden; t cycles to hidden and to all', () => {
		const all = [terminated, ...five];
		expect(toInstanceTableVm(all, sampleZones, {...options, nowSeconds: 400}).ids).toContain('i-0000');
		expect(toInstanceTableVm(all, sampleZones, {...options, nowSeconds: 401})).toMatchObject({hiddenTerminated: 1});
		expect(toInstanceTableVm(all, sampleZones, {...options, nowSeconds: 401}).ids).not.toContain('i-0000');
		expect(toInstanceTableVm(all, sampleZones, {...options, terminated: 'hidden'}).ids).not.toContain('i-0000');
		expect(toInstanceTableVm(all, sampleZones, {...options, terminated: 'all', nowSeconds: 99_999}).ids).toContain('i-0000');
	});

	test('grouped by zone: a heading per zone with its counts; an outage says so, even for an empty zone', () => {
		const zones = [...sampleZones, {zone: 'us-east-1c', isDown: true, outageSecondsLeft: 125}];
		const table = toInstanceTableVm(five, zones, {...options, isGroupedByZone: true});
		expect(table.rows.map(r => (r.kind === 'zone' ? r.text : r.id))).toEqual([
			'us-east-1a · 3 instances, 1 healthy', 'i-0001', 'i-0003', 'i-0005',
			'us-east-1b · 2 instances, 2 healthy', 'i-0002', 'i-0004',
			'us-east-1c · 0 instances, 0 healthy · ZONE OUTAGE, 2m05s left',
		]);
		expect(table.ids).toEqual(['i-0001', 'i-0003', 'i-0005', 'i-0002', 'i-0004']);
	});

	test('a real zone outage shows on the zone heading', () => {
		const state = step(advance(makeState({instances: 4, seed: 2}), 60), {type: 'zone/outage-started', zone: 'us-east-1a', durationSeconds: 300});
		const table = toInstanceTableVm(selectInstances(state), selectZones(state), {...options, isGroupedByZone: true, nowSeconds: 60});
		const heading = table.rows.find(r => r.kind === 'zone' && r.zone === 'us-east-1a');
		expect(heading).toMatchObject({kind: 'zone', tone: 'alarm', text: expect.stringMatching(/^us-east-1a · \d instances?, 0 healthy · ZONE OUTAGE, 5m00s left$/)});
	});
});

describe('uptime of an instance that stopped running', () => {
	const row = (state: SimState, id: string) => toInstanceRow(selectInstances(state).find((i) => i.id === id)!);

	test('is frozen at its running time while it shuts down and once it is gone, not 0s', () => {
		const running = advance(makeState({instances: 2, seed: 3}), 300);
		expect(row(running, 'i-0001')).toMatchObject({lifecycle: 'InService', ec2: 'running', uptime: '5m00s'});
		const killed = step(running, {type: 'instance/terminate-requested', target: 'i-0001'});
		const shuttingDown = advance(killed, 20);
		expect(row(shuttingDown, 'i-0001')).toMatchObject({lifecycle: 'Terminating', uptime: '5m00s'});
		const gone = advance(shuttingDown, 120);
		expect(row(gone, 'i-0001')).toMatchObject({lifecycle: 'Terminated', ec2: 'terminated', uptime: '5m00s'});
		expect(row(gone, 'i-0002').uptime).toBe('7m20s');
	});
});

describe('an instance hung, then scaled up', () => {
	const rows = (state: SimState) => selectInstances(state).map(toInstanceRow).map((r) => [r.id, r.lifecycle, r.ec2, r.health]);
	const standalone = makeState({seed: 5, config: {autoScaling: null, instances: [{instanceType: 't2.micro', zone: 'us-east-1a', behindLoadBalancer: false, hasElasticIp: true, purchaseOption: 'on-demand'}]}});

	test('no row shows Hung: the stop ends the hang and the larger instance does not inherit it', () => {
		const hung = step(advance(standalone, 60), {type: 'instance/hang-injected', target: 'i-0001'});
		expect(rows(hung)).toEqual([['i-0001', '—', 'running', 'Hung']]);
		const scaledUp = step(hung, {type: 'instance/scale-up-requested', target: 'i-0001'});
		expect(rows(advance(scaledUp, 1))).toEqual([['i-0001', '—', 'stopping', 'stopping'], ['i-0002', '—', 'pending', 'Initializing']]);
		expect(rows(advance(scaledUp, 120))).toEqual([['i-0001', '—', 'stopped', 'stopped'], ['i-0002', '—', 'running', 'Healthy']]);
	});
});
