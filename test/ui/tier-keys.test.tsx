/**
 * The keys for the database actions (issue 10, Actions): from the one key table, in the `?`
 * overlay and — only when the run has that tier — on the key bar; what each did in the
 * describer's words (the feedback line and the activity log), refused with a reason when the
 * run has no such tier.
 */
import {describe, expect, test} from 'vitest';
import {keymap, keyTable} from '../../source/ui/keymap.js';
import {toKeyBarVm} from '../../source/ui/view-models/to-key-bar.js';
import {helpVm} from '../../source/ui/view-models/to-help.js';
import {initialUiState} from '../../source/ui/ui-state.js';
import {resultOf} from '../../source/ui/hooks/use-keybindings.js';
import {keyBarLine} from '../../source/ui/components/key-bar.js';
import {lineText} from '../../source/ui/paint.js';
import {toDashboardVm} from '../../source/ui/view-models/to-dashboard.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState, describeAction, selectEventCount, selectTiers, step, type SimAction, type SimState} from '../../source/sim/index.js';
import {keymapContext} from './helpers/keymap-context.js';

function configOf(name: string) {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.config;
}

/** Press a key on a run: what the feedback line says, and the state after. */
function press(state: SimState, key: string): {readonly said: string; readonly state: SimState} {
	const command = keymap(key, {}, keymapContext());
	if (!command || !('type' in command) || command.type.startsWith('app/')) throw new Error(`${key} is not a simulation action`);
	const before = selectEventCount(state);
	const next = step(state, command as SimAction);
	return {said: resultOf(command as SimAction, next, before), state: next};
}

describe('tier keys', () => {
	test.each([
		['D', {type: 'database/split-requested'}],
		['e', {type: 'database/replica-added'}],
		['E', {type: 'database/replica-removed'}],
		['K', {type: 'database/replica-killed'}],
		['U', {type: 'database/modify-requested'}],
	])('%s → %j', (key, expected) => {
		expect(keymap(key, {}, keymapContext())).toEqual(expected);
	});

	test('the ? overlay lists them under Tiers', () => {
		const rows = helpVm.sections[0].rows;
		const first = rows.findIndex(r => r.group === 'Tiers');
		expect(rows.slice(first, first + 4).map(r => r.key)).toEqual(['D', 'e / E', 'K', 'U']);
	});

	test('the key bar shows the database keys only when the run has a dedicated database, and D only for a colocated one with users\' data', () => {
		const ui = initialUiState();
		const keys = (vm: ReturnType<typeof toKeyBarVm>) => vm.keys.map(k => k.key);
		expect(keys(toKeyBarVm(ui))).not.toEqual(expect.arrayContaining(['e/E']));
		expect(keys(toKeyBarVm(ui)).some(k => ['D', 'e/E', 'K', 'U', 'v'].includes(k))).toBe(false);
		const bottleneck = toDashboardVm(createInitialState(configOf('database-bottleneck')), ui);
		expect(lineText(keyBarLine(bottleneck.keyBar, 80)).replace(/ +/g, ' ')).toBe('s spike e/E replica U db up k kill K kill rep v tier ? help q quit');
		const pitfall = toDashboardVm(createInitialState(configOf('stateful-pitfall')), ui);
		expect(lineText(keyBarLine(pitfall.keyBar, 80))).toMatch(/^s spike {2}D split db {2}k kill/);
		const steady = toDashboardVm(createInitialState(configOf('steady')), ui);
		expect(lineText(keyBarLine(steady.keyBar, 80))).toMatch(/^s spike {2}k kill {2}x random/);
		expect(keyTable.filter(b => b.bar?.when).map(b => b.label)).toEqual(['D', 'e / E', 'K', 'U', 'v']);
	});

	test('on database-bottleneck: e creates a replica (the tiers panel counts it), K with none serving is refused with why, U moves to the cheapest class with more vCPUs', () => {
		let state = advance(createInitialState(configOf('database-bottleneck')), 60);
		let r = press(state, 'e');
		expect(r.said).toBe('add a read replica: scaletop-db: creating a read replica (about 5 min)');
		expect(selectTiers(r.state).find(t => t.name === 'database')?.detail).toBe('db.t3.micro Multi-AZ +1 creating');
		r = press(r.state, 'K');
		expect(r.said).toBe('kill a read replica refused: scaletop-db has no read replica serving');
		r = press(r.state, 'U');
		expect(r.said).toBe('modify database to a larger class: scaletop-db standby modified to db.m5.xlarge, failover for 90 s');
		expect(describeAction({type: 'database/modify-requested'})).toBe('modify database to a larger class');
		state = advance(r.state, 400);
		expect(selectTiers(state).find(t => t.name === 'database')?.nodes).toBe(2);
		r = press(state, 'U');
		expect(r.said).toBe('modify database to a larger class refused: scaletop-db (db.m5.xlarge) has the most vCPUs of any DB instance class scaletop knows');
		r = press(r.state, 'D');
		expect(r.said).toBe('split the database off the web instances refused: the database already runs on its own instance (scaletop-db, db.m5.xlarge)');
	});

	test('on a run without a dedicated database: e says why it cannot, D splits it off and the tiers panel appears', () => {
		const state = advance(createInitialState(configOf('stateful-pitfall')), 60);
		expect(press(state, 'e').said).toBe('add a read replica refused: a read replica needs a dedicated primary (tiers.database.placement: dedicated)');
		expect(toDashboardVm(state, initialUiState()).tiers).toBeUndefined();
		const split = press(state, 'D');
		expect(split.said).toMatch(/^split the database off the web instances: scaletop-db \(db\.\S+\) serves every web instance/);
		const after = advance(split.state, 30);
		expect(toDashboardVm(after, initialUiState()).tiers?.rows.map(row => row.name)).toEqual(['web', 'database']);
	});
});
