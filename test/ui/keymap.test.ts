import {describe, expect, test} from 'vitest';
import {isUiCommand, keyHelp, keymap, type KeymapContext} from '../../source/ui/keymap.js';

const running: KeymapContext = {isHelpVisible: false, isPaused: false, selectedId: 'i-0003'};

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
		['-', {type: 'asg/desired-capacity-nudged', delta: -1}],
		['a', {type: 'elb/algorithm-changed'}],
		['c', {type: 'chaos/toggled'}],
		['<', {type: 'ui/sort', delta: -1}],
		['>', {type: 'ui/sort', delta: 1}],
		[' ', {type: 'ui/pause-toggle'}],
		['p', {type: 'ui/pause-toggle'}],
		['[', {type: 'ui/speed', delta: -1}],
		[']', {type: 'ui/speed', delta: 1}],
		['?', {type: 'ui/help-toggle'}],
		['q', {type: 'ui/quit'}],
	])('%j', (input, expected) => {
		expect(keymap(input, {}, running)).toEqual(expected);
	});

	test('arrows move the selection, page keys by a page, Home/End to the ends', () => {
		expect(keymap('', {upArrow: true}, running)).toEqual({type: 'ui/select', delta: -1});
		expect(keymap('', {downArrow: true}, running)).toEqual({type: 'ui/select', delta: 1});
		expect(keymap('', {pageDown: true}, running)).toEqual({type: 'ui/select-page', direction: 1});
		expect(keymap('', {home: true}, running)).toEqual({type: 'ui/select-edge', to: 'first'});
	});

	test('Ctrl-C quits, even with the help open; c alone toggles Chaos Monkey', () => {
		expect(keymap('c', {ctrl: true}, running)).toEqual({type: 'ui/quit'});
		expect(keymap('c', {ctrl: true}, {...running, isHelpVisible: true})).toEqual({type: 'ui/quit'});
	});

	test('with the help open, any other key only closes it', () => {
		for (const input of ['k', 'q', 'x', '?']) expect(keymap(input, {}, {...running, isHelpVisible: true})).toEqual({type: 'ui/help-close'});
	});

	test('. steps one tick only while paused; running, it explains itself', () => {
		expect(keymap('.', {}, {...running, isPaused: true})).toEqual({type: 'ui/step-one'});
		expect(keymap('.', {}, running)).toEqual({type: 'ui/flash', text: '. steps one tick while paused (space pauses)'});
	});

	test('keys that act on the selection say so when nothing is selected', () => {
		expect(keymap('k', {}, {...running, selectedId: undefined})).toEqual({type: 'ui/flash', text: 'no instance selected'});
	});

	test('unknown keys mean nothing', () => {
		expect(keymap('w', {}, running)).toBeUndefined();
	});

	test('UI commands and simulation actions are told apart by type', () => {
		expect(isUiCommand({type: 'ui/quit'})).toBe(true);
		expect(isUiCommand({type: 'chaos/toggled'})).toBe(false);
	});

	test('the help lists every key the keymap answers to', () => {
		const listed = keyHelp.map((k) => k.keys).join(' ');
		for (const key of ['s', 'l / L', 'k', 'x', 'z', 'H', 'u', '+ / -', 'a', 'c', '↑ / ↓', '< / >', 'space / p', '.', '[ / ]', '?', 'q / Ctrl-C']) expect(listed).toContain(key);
	});
});
