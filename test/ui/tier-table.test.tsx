/**
 * The instance table with the tiers (issue 10, "What the user sees"): every node with a TIER
 * column — the web instances and the database's primary and replicas — or one tier at a time
 * (`v` cycles, as k9s' resource views); EC2 keys on a database node say what to use instead.
 */
import React from 'react';
import {describe, expect, test} from 'vitest';
import {renderPanel} from './helpers/render-panel.js';
import {InstanceTable} from '../../source/ui/components/instance-table.js';
import {toInstanceTableVm, type TableOptions} from '../../source/ui/view-models/to-instance-rows.js';
import {sampleInstances, sampleZones} from '../../source/ui/sample-views.js';
import {initialUiState, uiReducer} from '../../source/ui/ui-state.js';
import {keymap} from '../../source/ui/keymap.js';
import {keymapContextOf, planFrame} from '../../source/ui/frame-plan.js';
import {toDashboardVm} from '../../source/ui/view-models/to-dashboard.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState, selectTierNodes, step, type TierNodeView} from '../../source/sim/index.js';
import {keymapContext} from './helpers/keymap-context.js';

const node = (over: Partial<TierNodeView> & Pick<TierNodeView, 'id' | 'role'>): TierNodeView => ({
	tier: 'database', nodeType: 'db.t3.micro', status: 'available', isServing: true, isNew: false, isDying: false,
	cpuPercent: 0, requestsPerSecond: 0, inFlight: 0, latencyMs: 0, uptimeSeconds: 754, ...over,
});

const nodes: readonly TierNodeView[] = [
	node({id: 'scaletop-db', role: 'primary', cpuPercent: 96, requestsPerSecond: 88, inFlight: 12, latencyMs: 248}),
	node({id: 'scaletop-db-replica-1', role: 'replica', cpuPercent: 40, requestsPerSecond: 88, inFlight: 1, latencyMs: 9, uptimeSeconds: 300}),
	node({id: 'scaletop-db-replica-2', role: 'replica', status: 'creating', isServing: false, isNew: true, uptimeSeconds: 0}),
];

const options: TableOptions = {sortColumn: 'id', isSortDescending: false, filter: '', terminated: 'recent', isGroupedByZone: false, nowSeconds: 754};
const instances = sampleInstances(2);
const text = (tierView: string, width: number, height = 7, sortColumn: TableOptions['sortColumn'] = 'id') => renderPanel(
	<InstanceTable vm={{table: toInstanceTableVm(instances, sampleZones, {...options, tierView, sortColumn, isSortDescending: sortColumn === 'cpu'}, nodes), selectedId: 'i-0001', scrollOffset: 0, isFocused: true}} box={{width, height}} />,
).text.split('\n');

describe('instance table with tiers', () => {
	test('every node at 80 columns: a TIER column, the database nodes with their class, RDS status and role', () => {
		expect(text('all', 80)).toEqual([
			'▸Instances 5 · every tier (v next) ─────────────────────────────────────────────',
			' ID▲            TIER     AZ ASG       HEALTH                CPU%  REQ/S     LAT',
			' i-0001         web      1a InService Healthy ████████████▋   97   29.8   120ms',
			' i-0002         web      1b InService Healthy ██████████▉··   84   29.3   127ms',
			' scaletop-db    database —  —         primary ████████████▌   96     88   248ms',
			' …-db-replica-1 database —  —         replica █████▎·······   40     88     9ms',
			'+…-db-replica-2 database —  —         replica ·············    0      0       —',
		]);
	});

	test('one tier at a time; sorted by CPU the nodes of every tier mix', () => {
		expect(text('database', 120, 5).slice(0, 3)).toEqual([
			'▸Instances 3 · tier database (v next) ──────────────────────────────────────────────────────────────────────────────────',
			' ID▲                   TIER     TYPE        AZ   ASG       EC2       HEALTH                 CPU%  REQ/S     LAT      UP',
			' scaletop-db           database db.t3.micro —    —         available primary   ███████████▌   96     88   248ms  12m34s',
		]);
		expect(text('web', 80).filter(line => line.includes('scaletop-db'))).toEqual([]);
		expect(text('all', 80, 7, 'cpu').slice(2).map(line => line.slice(1, 15).trim())).toEqual(['i-0001', 'scaletop-db', 'i-0002', '…-db-replica-1', '…-db-replica-2']);
	});

	test('no tiers behind the fleet: no TIER column, no tier view in the title', () => {
		const lines = renderPanel(<InstanceTable vm={{table: toInstanceTableVm(instances, sampleZones, options), selectedId: 'i-0001', scrollOffset: 0, isFocused: true}} box={{width: 80, height: 4}} />).text.split('\n');
		expect(lines[0]).toBe('▸Instances 2 ───────────────────────────────────────────────────────────────────');
		expect(lines[1]).not.toContain('TIER');
	});

	test('the filter matches a tier name', () => {
		expect(toInstanceTableVm(instances, sampleZones, {...options, filter: 'replica'}, nodes).ids).toEqual(['scaletop-db-replica-1', 'scaletop-db-replica-2']);
	});

	test('v cycles every tier → web → database → every tier; with one tier it says so', () => {
		const tiers = ['web', 'database'];
		let ui = initialUiState();
		const seen: string[] = [];
		for (let i = 0; i < 3; i++) {
			ui = uiReducer(ui, keymap('v', {}, {...keymapContext(), tiers: {names: tiers, nodeIds: []}}) as Parameters<typeof uiReducer>[1]);
			seen.push(`${ui.tierView}: ${ui.flash}`);
		}

		expect(seen).toEqual(['web: only the web tier\'s nodes listed (v: next)', 'database: only the database tier\'s nodes listed (v: next)', 'all: every tier\'s nodes listed']);
		expect(uiReducer(initialUiState(), {type: 'tier-view/cycled', tiers: []}).flash).toBe('one tier only: nothing behind the web instances');
	});

	test('on database-bottleneck with a replica: the frame lists the database nodes; k and Enter on one say what to use instead', () => {
		const loaded = loadPreset('database-bottleneck');
		if (!loaded.ok) throw new Error(loaded.message);
		const state = advance(step(advance(createInitialState(loaded.config), 10), {type: 'database/replica-added'}), 310);
		expect(selectTierNodes(state).map(n => `${n.id} ${n.role} ${n.status}`)).toEqual(['scaletop-db primary available', 'scaletop-db-replica-1 replica available']);
		const ui = {...initialUiState(), tierView: 'database', selectedId: 'scaletop-db'};
		const vm = toDashboardVm(state, ui);
		expect(vm.table.ids).toEqual(['scaletop-db', 'scaletop-db-replica-1']);
		const context = keymapContextOf(planFrame(vm, ui, 80, 24), vm, ui);
		expect(keymap('k', {}, context)).toEqual({type: 'flash/shown', text: 'scaletop-db is a database node, not an EC2 instance: K kills a replica, U modifies the database'});
		expect(keymap('\r', {return: true}, context)).toMatchObject({type: 'flash/shown'});
	});
});
