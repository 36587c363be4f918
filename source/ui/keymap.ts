/**
 * The keymap: a pure function from a key press to what it means. Simulation actions go to
 * the sim reducer, UI commands to the UI reducer; nothing here has side effects.
 * The same table feeds the `?` overlay, so the help always lists what the keys really do.
 */
import type {Key} from 'ink';
import type {SimAction} from '../sim/index.js';
import type {UiState} from './ui-state.js';

/** UI commands (their `type` starts with `ui/`, so they never collide with a SimAction). */
export type UiCommand =
	| {readonly type: 'ui/quit'}
	| {readonly type: 'ui/select'; readonly delta: number}
	| {readonly type: 'ui/select-page'; readonly direction: -1 | 1}
	| {readonly type: 'ui/select-edge'; readonly to: 'first' | 'last'}
	| {readonly type: 'ui/sort'; readonly delta: -1 | 1}
	| {readonly type: 'ui/sort-reverse'}
	| {readonly type: 'ui/pause-toggle'}
	| {readonly type: 'ui/step-one'}
	| {readonly type: 'ui/speed'; readonly delta: -1 | 1}
	| {readonly type: 'ui/help-toggle'}
	| {readonly type: 'ui/help-close'}
	| {readonly type: 'ui/flash'; readonly text: string};

/** The part of Ink's `Key` the keymap reads (tests can pass just these). */
export type KeyFlags = Partial<Pick<Key, 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'ctrl' | 'escape'>>;

/** The UI state the keymap needs: help visibility, pause, and the resolved selection. */
export type KeymapContext = Pick<UiState, 'isHelpVisible' | 'isPaused' | 'selectedId'>;

/** One row of the help overlay. */
export type KeyHelp = {readonly keys: string; readonly description: string};

/** Every key, as the `?` overlay lists it (design.md §4 plus a few navigation extras). */
export const keyHelp: readonly KeyHelp[] = [
	{keys: 's', description: 'load spike: ×5 for 60 s'},
	{keys: 'l / L', description: 'lower / raise the base load (×0.8 / ×1.25)'},
	{keys: 'k', description: 'kill (terminate) the selected instance'},
	{keys: 'x', description: 'kill a random instance'},
	{keys: 'z', description: 'Availability Zone outage for 5 min'},
	{keys: 'H', description: 'hang the selected instance (fails health checks)'},
	{keys: 'u', description: 'scale up the selected instance (next size)'},
	{keys: '+ / -', description: 'desired capacity +1 / -1'},
	{keys: 'a', description: 'cycle the ELB routing algorithm'},
	{keys: 'c', description: 'toggle Chaos Monkey'},
	{keys: '↑ / ↓', description: 'select instance (PgUp/PgDn, Home/End)'},
	{keys: '< / >', description: 'sort by previous / next column (r reverses)'},
	{keys: 'space / p', description: 'pause / resume'},
	{keys: '.', description: 'step one tick while paused'},
	{keys: '[ / ]', description: 'slower / faster (×0.25 … ×1200)'},
	{keys: '?', description: 'this help (any key closes it)'},
	{keys: 'q / Ctrl-C', description: 'quit (the terminal is restored)'},
];

/** What a key press means, or undefined when it means nothing. */
export function keymap(input: string, key: KeyFlags, ui: KeymapContext): UiCommand | SimAction | undefined {
	if (key.ctrl && input === 'c') return {type: 'ui/quit'};
	if (ui.isHelpVisible) return {type: 'ui/help-close'};
	if (key.upArrow) return {type: 'ui/select', delta: -1};
	if (key.downArrow) return {type: 'ui/select', delta: 1};
	if (key.pageUp) return {type: 'ui/select-page', direction: -1};
	if (key.pageDown) return {type: 'ui/select-page', direction: 1};
	if (key.home) return {type: 'ui/select-edge', to: 'first'};
	if (key.end) return {type: 'ui/select-edge', to: 'last'};
	if (key.ctrl || key.escape) return undefined;
	const selected = ui.selectedId;
	const onSelected = (make: (target: string) => SimAction): UiCommand | SimAction =>
		selected === undefined ? {type: 'ui/flash', text: 'no instance selected'} : make(selected);
	switch (input) {
		case 's': return {type: 'traffic/spike-started', factor: 5, durationSeconds: 60};
		case 'l': return {type: 'traffic/base-rate-scaled', factor: 0.8};
		case 'L': return {type: 'traffic/base-rate-scaled', factor: 1.25};
		case 'k': return onSelected((target) => ({type: 'instance/terminate-requested', target}));
		case 'x': return {type: 'instance/terminate-requested', target: 'random'};
		case 'z': return {type: 'zone/outage-started', durationSeconds: 300};
		case 'H': return onSelected((target) => ({type: 'instance/hang-injected', target}));
		case 'u': return onSelected((target) => ({type: 'instance/scale-up-requested', target}));
		case '+': case '=': return {type: 'asg/desired-capacity-nudged', delta: 1};
		case '-': case '_': return {type: 'asg/desired-capacity-nudged', delta: -1};
		case 'a': return {type: 'elb/algorithm-changed'};
		case 'c': return {type: 'chaos/toggled'};
		case '<': case ',': return {type: 'ui/sort', delta: -1};
		case '>': return {type: 'ui/sort', delta: 1};
		case 'r': return {type: 'ui/sort-reverse'};
		case ' ': case 'p': return {type: 'ui/pause-toggle'};
		case '.': return ui.isPaused ? {type: 'ui/step-one'} : {type: 'ui/flash', text: '. steps one tick while paused (space pauses)'};
		case '[': return {type: 'ui/speed', delta: -1};
		case ']': return {type: 'ui/speed', delta: 1};
		case '?': return {type: 'ui/help-toggle'};
		case 'q': return {type: 'ui/quit'};
		default: return undefined;
	}
}

/** Is this a UI command (as opposed to a simulation action)? */
export function isUiCommand(result: UiCommand | SimAction): result is UiCommand {
	return result.type.startsWith('ui/');
}
