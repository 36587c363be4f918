import {describe, expect, test} from 'vitest';
import {isSimAction, isUiAction, keyName, keymap, keyTable} from '../../source/ui/keymap.js';
import {toKeyBarVm} from '../../source/ui/view-models/to-key-bar.js';
import {helpVm} from '../../source/ui/view-models/to-help.js';
import {initialUiState} from '../../source/ui/ui-state.js';
import {keymapContext} from './helpers/keymap-context.js';

const running = keymapContext();

describe('keymap: every key of design.md §4', () => {
	test.each([
		['s', {type: 'traffic/spike-started', factor: 5, durationSeconds: 60}],
		['l', {type: 'traffic/base-rate-scaled', factor: 0.8}],
		['L', {type: 'traffic/base-rate-scaled', factor: 1.25}],
		['k', {type: 'instance/terminate-requested', target: 'i-0003'}],
		['x', {type: 'instance/terminate-requested', target: 'random'}],
		['z', {type: 'zone/outage-started', durationSeconds: 300}],
		['H', {type: 'instance/hang-injected', target: 'i-0003'}],
		['u', {type: 'instance/scale-up-requested', target: 'i-0003'}],
		['+', {type: 'asg/desired-capacity-nudged', delta: 1}],
		['=', {type: 'asg/desired-capacity-nudged', delta: 1}],
		['-', {type: 'asg/desired-capacity-nudged', delta: -1}],
		['a', {type: 'elb/algorithm-changed'}],
		['n', {type: 'dns/record-added', target: 'i-0003'}],
		['N', {type: 'dns/record-removed', target: 'i-0003'}],
		['c', {type: 'chaos/toggled'}],
		['<', {type: 'sort/column-moved', delta: -1}],
		['>', {type: 'sort/column-moved', delta: 1}],
		['r', {type: 'sort/reversed'}],
		[' ', {type: 'pause/toggled'}],
		['p', {type: 'pause/toggled'}],
		['[', {type: 'speed/changed', delta: -1}],
		[']', {type: 'speed/changed', delta: 1}],
		['?', {type: 'help/toggled'}],
		['/', {type: 'filter/started'}],
		['t', {type: 'terminated/cycled'}],
		['g', {type: 'zone-grouping/toggled'}],
		['q', {type: 'app/quit', exitCode: 0}],
	])('%j', (input, expected) => {
		expect(keymap(input, {}, running)).toEqual(expected);
	});

	test('Ctrl-C quits with 130 (as SIGINT does), even with the help open or while typing a filter', () => {
		expect(keymap('c', {ctrl: true}, running)).toEqual({type: 'app/quit', exitCode: 130});
		expect(keymap('c', {ctrl: true}, keymapContext({isHelpVisible: true}))).toEqual({type: 'app/quit', exitCode: 130});
		expect(keymap('c', {ctrl: true}, keymapContext({isFilterEditing: true}))).toEqual({type: 'app/quit', exitCode: 130});
	});

	test('arrows move the selection of the focused list, page keys by a page, Home/End to the ends', () => {
		expect(keymap('', {upArrow: true}, running)).toEqual({type: 'selection/moved', delta: -1, list: running.instances});
		expect(keymap('', {pageDown: true}, running)).toEqual({type: 'selection/moved', delta: 3, list: running.instances});
		expect(keymap('', {home: true}, running)).toEqual({type: 'selection/jumped', to: 'first', list: running.instances});
		const alarms = keymapContext({focus: 'alarms'});
		expect(keymap('', {downArrow: true}, alarms)).toEqual({type: 'selection/moved', delta: 1, list: alarms.alarms});
	});

	test('Tab moves the focus, shift-Tab back', () => {
		expect(keymap('\t', {tab: true}, running)).toEqual({type: 'focus/moved', delta: 1});
		expect(keymap('', {tab: true, shift: true}, running)).toEqual({type: 'focus/moved', delta: -1});
	});

	test('in the activity log, arrows and page keys scroll it; Home follows the newest again', () => {
		const log = keymapContext({focus: 'activity'});
		expect(keymap('', {downArrow: true}, log)).toEqual({type: 'log/scrolled', delta: 1, newest: 29, oldest: 0});
		expect(keymap('', {pageUp: true}, log)).toEqual({type: 'log/scrolled', delta: -4, newest: 29, oldest: 0});
		expect(keymap('', {home: true}, log)).toEqual({type: 'log/followed'});
	});

	test('Enter opens the detail of what is selected in the focused panel; again, or Esc, closes it', () => {
		expect(keymap('\r', {return: true}, running)).toEqual({type: 'detail/opened', detail: {kind: 'instance', id: 'i-0003'}});
		expect(keymap('\r', {return: true}, keymapContext({focus: 'alarms'}))).toEqual({type: 'detail/opened', detail: {kind: 'alarm', id: 'HighCPU'}});
		expect(keymap('\r', {return: true}, keymapContext({focus: 'policies'}))).toEqual({type: 'detail/opened', detail: {kind: 'policy', id: 'scale-out'}});
		const open = keymapContext({detail: {kind: 'instance', id: 'i-0003'}});
		expect(keymap('\r', {return: true}, open)).toEqual({type: 'detail/closed'});
		expect(keymap('', {escape: true}, open)).toEqual({type: 'detail/closed'});
		expect(keymap('', {downArrow: true}, open)).toEqual({type: 'detail/scrolled', delta: 1, rows: 25, viewportRows: 8});
		expect(keymap('\r', {return: true}, keymapContext({selectedId: undefined}))).toEqual({type: 'flash/shown', text: 'no instance to show'});
	});

	test('keys that act on an instance act on the open detail\'s instance', () => {
		expect(keymap('k', {}, keymapContext({detail: {kind: 'instance', id: 'i-0005'}}))).toEqual({type: 'instance/terminate-requested', target: 'i-0005'});
	});

	test('Esc clears the filter, then follows the log again, then means nothing', () => {
		expect(keymap('', {escape: true}, keymapContext({filter: '1a'}))).toEqual({type: 'filter/cleared'});
		expect(keymap('', {escape: true}, keymapContext({logTop: 12}))).toEqual({type: 'log/followed'});
		expect(keymap('', {escape: true}, running)).toBeUndefined();
	});

	test('while typing a filter, keys are text; Enter keeps it, Esc clears it, Backspace erases, arrows still move', () => {
		const typing = keymapContext({isFilterEditing: true, filter: '1'});
		expect(keymap('q', {}, typing)).toEqual({type: 'filter/typed', text: 'q'});
		expect(keymap('k', {}, typing)).toEqual({type: 'filter/typed', text: 'k'});
		expect(keymap('\r', {return: true}, typing)).toEqual({type: 'filter/finished'});
		expect(keymap('', {escape: true}, typing)).toEqual({type: 'filter/cleared'});
		expect(keymap('', {delete: true}, typing)).toEqual({type: 'filter/erased'});
		expect(keymap('', {downArrow: true}, typing)).toEqual({type: 'selection/moved', delta: 1, list: typing.instances});
		expect(keymap('\u0007', {}, typing)).toBeUndefined();
	});

	test('with the help open, arrows scroll it and any other key only closes it', () => {
		const help = keymapContext({isHelpVisible: true});
		for (const input of ['k', 'q', 'x', '?']) expect(keymap(input, {}, help)).toEqual({type: 'help/closed'});
		expect(keymap('', {downArrow: true}, help)).toEqual({type: 'help/scrolled', delta: 1, rows: 40, viewportRows: 10});
		expect(keymap('', {pageDown: true}, help)).toEqual({type: 'help/scrolled', delta: 9, rows: 40, viewportRows: 10});
	});

	test('. steps one tick only while paused; running, it explains itself', () => {
		expect(keymap('.', {}, keymapContext({isPaused: true}))).toEqual({type: 'app/step-one'});
		expect(keymap('.', {}, running)).toEqual({type: 'flash/shown', text: '. steps one tick while paused (space pauses)'});
	});

	test('keys that act on the selection say so when nothing is selected', () => {
		expect(keymap('k', {}, keymapContext({selectedId: undefined}))).toEqual({type: 'flash/shown', text: 'no instance selected'});
	});

	test('unknown keys and modified keys mean nothing', () => {
		expect(keymap('w', {}, running)).toBeUndefined();
		expect(keymap('k', {meta: true}, running)).toBeUndefined();
		expect(keyName('x', {ctrl: true})).toBeUndefined();
	});

	test('simulation actions, UI actions and app commands are told apart by type', () => {
		expect(isSimAction({type: 'chaos/toggled'})).toBe(true);
		expect(isSimAction({type: 'app/quit', exitCode: 0})).toBe(false);
		expect(isUiAction({type: 'help/toggled'})).toBe(true);
		expect(isSimAction({type: 'help/toggled'})).toBe(false);
	});
});

describe('one key table feeds the keymap, the ? overlay and the key bar', () => {
	test('every key the table names does what its row says, and no two rows claim a key', () => {
		const claimed = keyTable.flatMap(binding => binding.keys);
		expect(new Set(claimed).size).toBe(claimed.length);
	});

	test('the overlay lists every row of the table, with its label and help', () => {
		const keys = helpVm.sections[0];
		expect(keys.rows.map(r => r.key)).toEqual(keyTable.map(b => b.label));
		expect(keys.rows.map(r => r['what it does'])).toEqual(keyTable.map(b => b.help));
	});

	test('the key bar shows the table\'s bar keys in rank order, help and quit on the right', () => {
		const bar = toKeyBarVm(initialUiState());
		expect(bar.right).toEqual([{key: '?', label: 'help'}, {key: 'q', label: 'quit'}]);
		expect(bar.keys.slice(0, 5)).toEqual([{key: 's', label: 'spike'}, {key: 'k', label: 'kill'}, {key: 'x', label: 'random'}, {key: 'z', label: 'AZ'}, {key: '+-', label: 'desired'}]);
		// Without a tier behind the web fleet, the tier keys stay off the bar (test/ui/tier-keys.test.tsx).
		const withBar = keyTable.filter(b => b.bar && b.bar.side !== 'right' && !b.bar.when).length;
		expect(bar.keys).toHaveLength(withBar);
	});
});
