/**
 * The one key table: every key, what it does, how the `?` overlay describes it and how the
 * key bar names it. `keymap` (pure) looks a key press up in it and returns what it means — a
 * simulation action (the sim's reducer), a UI action (./ui-state.ts, the UI's reducer) or an
 * app command (quit, step one tick); the overlay and the key bar are drawn from the same rows,
 * so what they say is what the keys do.
 */
import type {Key} from 'ink';
import type {SimAction} from '../sim/index.js';
import type {ListContext, UiAction, UiState} from './ui-state.js';

/** What the app itself does: quit (with the exit code: 130 for Ctrl-C, as SIGINT) or step one tick. */
export type AppCommand = {readonly type: 'app/quit'; readonly exitCode: 0 | 130} | {readonly type: 'app/step-one'};

/** Everything a key can mean. */
export type Command = SimAction | UiAction | AppCommand;

/** The part of Ink's `Key` the keymap reads (tests can pass just these). */
export type KeyFlags = Partial<Pick<Key, 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'ctrl' | 'meta' | 'shift' | 'escape' | 'tab' | 'return' | 'backspace' | 'delete'>>;

/** What the keymap needs to know about the screen: the UI state (selections resolved) and the lists and panes keys move in. */
export type KeymapContext = {
	readonly ui: UiState;
	readonly instances: ListContext;
	readonly alarms: ListContext;
	readonly policies: ListContext;
	/** Activity log: event numbers of the newest and oldest entries kept, and the rows it shows. */
	readonly log: {readonly newest: number; readonly oldest: number; readonly viewportRows: number};
	/** Rows of the help overlay's content, how many a page moves, and how far it scrolls (default: rows − viewportRows). */
	readonly help: {readonly rows: number; readonly viewportRows: number; readonly maxScroll?: number};
	/** Rows of the open detail pane's content and how many it shows. */
	readonly detail: {readonly rows: number; readonly viewportRows: number};
	/** The instance table's tiers (route order; empty with only the web fleet) and the ids of its rows that are tier nodes, not EC2 instances. */
	readonly tiers?: {readonly names: readonly string[]; readonly nodeIds: readonly string[]};
};

/** Sections of the `?` overlay, in order. */
export const keySections = ['Load and faults', 'Capacity and routing', 'Tiers', 'Views', 'Time', 'The app'] as const;
export type KeySection = (typeof keySections)[number];

/** One row of the key table. */
export type KeyBinding = {
	/** Key names as {@link keyName} gives them. */
	readonly keys: readonly string[];
	/** The keys as the overlay shows them. */
	readonly label: string;
	/** What they do, for the overlay. */
	readonly help: string;
	readonly section: KeySection;
	/**
	 * On the key bar: its short label and rank (lower first; the bar shows as many as fit). `side: 'right'` is always shown.
	 * `when`: only while the run has that ({@link BarContext}): a dedicated database, or a colocated one worth splitting off.
	 */
	readonly bar?: {readonly key: string; readonly label: string; readonly rank: number; readonly side?: 'right'; readonly when?: keyof BarContext};
	readonly command: (key: string, context: KeymapContext) => Command | undefined;
};

/** What the run has that some keys need, for the key bar (the keys work whatever: the sim says why it refuses). */
export type BarContext = {
	/** A dedicated database (RDS): its replica and class keys. */
	readonly hasDatabase: boolean;
	/** A colocated database with users' data on the web instances (the stateful pitfall): splitting it off is the lesson. */
	readonly canSplitDatabase: boolean;
};

const sim = (action: SimAction) => () => action;
const ui = (action: UiAction) => () => action;

/** The instance a key aims at: the open detail's instance, else the selected row. */
function target(context: KeymapContext): string | undefined {
	const {detail, selectedId} = context.ui;
	return detail?.kind === 'instance' ? detail.id : selectedId;
}

const onSelected = (make: (id: string) => SimAction) => (_key: string, context: KeymapContext): Command => {
	const id = target(context);
	if (id !== undefined && context.tiers?.nodeIds.includes(id)) return {type: 'flash/shown', text: `${id} is a database node, not an EC2 instance: K kills a replica, U modifies the database`};
	return id === undefined ? {type: 'flash/shown', text: 'no instance selected'} : make(id);
};

/** ↑/↓-style moves: in the open detail or help, the log, or the focused list. */
function move(delta: number, page: boolean) {
	return (_key: string, context: KeymapContext): Command | undefined => {
		const {ui: state} = context;
		if (state.detail) {
			return {type: 'detail/scrolled', delta: page ? delta * Math.max(1, context.detail.viewportRows - 1) : delta, ...context.detail};
		}

		if (state.focus === 'activity') {
			const step = page ? Math.max(1, context.log.viewportRows - 1) : 1;
			return {type: 'log/scrolled', delta: delta * step, newest: context.log.newest, oldest: context.log.oldest};
		}

		const list = context[state.focus];
		return {type: 'selection/moved', delta: page ? delta * Math.max(1, list.viewportRows) : delta, list};
	};
}

function edge(to: 'first' | 'last') {
	return (_key: string, context: KeymapContext): Command | undefined => {
		if (context.ui.detail) return {type: 'detail/scrolled', delta: to === 'first' ? -Infinity : Infinity, ...context.detail};
		if (context.ui.focus === 'activity') return to === 'first' ? {type: 'log/followed'} : {type: 'log/scrolled', delta: Infinity, newest: context.log.newest, oldest: context.log.oldest};
		return {type: 'selection/jumped', to, list: context[context.ui.focus]};
	};
}

function openDetail(_key: string, context: KeymapContext): Command {
	const {ui: state} = context;
	if (state.detail) return {type: 'detail/closed'};
	switch (state.focus) {
		case 'instances': {
			if (state.selectedId === undefined) return {type: 'flash/shown', text: 'no instance to show'};
			if (context.tiers?.nodeIds.includes(state.selectedId)) return {type: 'flash/shown', text: `${state.selectedId}: its figures are its row and the tiers panel (no detail pane for database nodes yet)`};
			return {type: 'detail/opened', detail: {kind: 'instance', id: state.selectedId}};
		}
		case 'alarms': return state.selectedAlarm === undefined ? {type: 'flash/shown', text: 'no alarm to show'} : {type: 'detail/opened', detail: {kind: 'alarm', id: state.selectedAlarm}};
		case 'policies': return state.selectedPolicy === undefined ? {type: 'flash/shown', text: 'no scaling policy to show'} : {type: 'detail/opened', detail: {kind: 'policy', id: state.selectedPolicy}};
		case 'activity': return {type: 'flash/shown', text: 'Enter shows an instance, alarm or policy: Tab moves the focus to one'};
	}
}

function back(_key: string, context: KeymapContext): Command | undefined {
	const {ui: state} = context;
	if (state.detail) return {type: 'detail/closed'};
	if (state.filter !== '') return {type: 'filter/cleared'};
	if (state.logTop !== undefined) return {type: 'log/followed'};
	return undefined;
}

/** Every key (design.md §4, plus the navigation and views a top-like tool has). */
export const keyTable: readonly KeyBinding[] = [
	{keys: ['s'], label: 's', help: 'load spike: ×5 for 60 s', section: 'Load and faults', bar: {key: 's', label: 'spike', rank: 1}, command: sim({type: 'traffic/spike-started', factor: 5, durationSeconds: 60})},
	{keys: ['l', 'L'], label: 'l / L', help: 'lower / raise the base load (×0.8 / ×1.25)', section: 'Load and faults', bar: {key: 'l/L', label: 'load', rank: 6}, command: key => ({type: 'traffic/base-rate-scaled', factor: key === 'l' ? 0.8 : 1.25})},
	{keys: ['k'], label: 'k', help: 'kill (terminate) the selected instance', section: 'Load and faults', bar: {key: 'k', label: 'kill', rank: 2}, command: onSelected(id => ({type: 'instance/terminate-requested', target: id}))},
	{keys: ['x'], label: 'x', help: 'kill a random instance', section: 'Load and faults', bar: {key: 'x', label: 'random', rank: 3}, command: sim({type: 'instance/terminate-requested', target: 'random'})},
	{keys: ['z'], label: 'z', help: 'Availability Zone outage for 5 min (the busiest zone)', section: 'Load and faults', bar: {key: 'z', label: 'AZ', rank: 4}, command: sim({type: 'zone/outage-started', durationSeconds: 300})},
	{keys: ['H'], label: 'H', help: 'hang the selected instance (running, failing health checks)', section: 'Load and faults', bar: {key: 'H', label: 'hang', rank: 7}, command: onSelected(id => ({type: 'instance/hang-injected', target: id}))},
	{keys: ['c'], label: 'c', help: 'Chaos Monkey on / off', section: 'Load and faults', bar: {key: 'c', label: 'chaos', rank: 10}, command: sim({type: 'chaos/toggled'})},
	{keys: ['+', '=', '-', '_'], label: '+ / -', help: 'desired capacity +1 / -1 (refused outside min…max)', section: 'Capacity and routing', bar: {key: '+-', label: 'desired', rank: 5}, command: key => ({type: 'asg/desired-capacity-nudged', delta: key === '+' || key === '=' ? 1 : -1})},
	{keys: ['u'], label: 'u', help: 'scale up the selected instance (the next size)', section: 'Capacity and routing', bar: {key: 'u', label: 'up', rank: 8}, command: onSelected(id => ({type: 'instance/scale-up-requested', target: id}))},
	{keys: ['n', 'N'], label: 'n / N', help: 'DNS: add / remove the selected instance\'s A record', section: 'Capacity and routing', command: (key, context) => onSelected(id => ({type: key === 'n' ? 'dns/record-added' : 'dns/record-removed', target: id}))(key, context)},
	{keys: ['a', 'S'], label: 'a / S', help: 'next ELB routing algorithm / sticky sessions on-off', section: 'Capacity and routing', bar: {key: 'a', label: 'algo', rank: 9}, command: key => (key === 'S' ? {type: 'elb/stickiness-changed'} : {type: 'elb/algorithm-changed'})},
	{keys: ['D'], label: 'D', help: 'split the database off the web instances (to RDS)', section: 'Tiers', bar: {key: 'D', label: 'split db', rank: 1.5, when: 'canSplitDatabase'}, command: sim({type: 'database/split-requested'})},
	{keys: ['e', 'E'], label: 'e / E', help: 'add / remove a read replica (a dedicated database)', section: 'Tiers', bar: {key: 'e/E', label: 'replica', rank: 1.5, when: 'hasDatabase'}, command: key => ({type: key === 'e' ? 'database/replica-added' : 'database/replica-removed'})},
	{keys: ['K'], label: 'K', help: 'kill a read replica (the oldest serving)', section: 'Tiers', bar: {key: 'K', label: 'kill rep', rank: 2.5, when: 'hasDatabase'}, command: sim({type: 'database/replica-killed'})},
	{keys: ['U'], label: 'U', help: 'modify the database to the next class with more vCPUs', section: 'Tiers', bar: {key: 'U', label: 'db up', rank: 1.6, when: 'hasDatabase'}, command: sim({type: 'database/modify-requested'})},
	{keys: ['up', 'down'], label: '↑ / ↓', help: 'move in the focused panel (or scroll the details)', section: 'Views', command: (key, context) => move(key === 'up' ? -1 : 1, false)(key, context)},
	{keys: ['pageup', 'pagedown'], label: 'PgUp / PgDn', help: 'a page up / down', section: 'Views', command: (key, context) => move(key === 'pageup' ? -1 : 1, true)(key, context)},
	{keys: ['home', 'end'], label: 'Home / End', help: 'first / last row (the log: newest / oldest)', section: 'Views', command: (key, context) => edge(key === 'home' ? 'first' : 'last')(key, context)},
	{keys: ['tab', 'shift-tab'], label: 'Tab', help: 'focus the next panel: instances, alarms, policies, the log', section: 'Views', bar: {key: 'Tab', label: 'focus', rank: 12}, command: key => ({type: 'focus/moved', delta: key === 'tab' ? 1 : -1})},
	{keys: ['enter'], label: 'Enter', help: 'details of the selected instance, alarm or policy (or close)', section: 'Views', bar: {key: '⏎', label: 'detail', rank: 13}, command: openDetail},
	{keys: ['escape'], label: 'Esc', help: 'close the details; clear the filter; follow the log again', section: 'Views', command: back},
	{keys: ['/'], label: '/', help: 'filter instances by id, type, zone, state or health', section: 'Views', bar: {key: '/', label: 'filter', rank: 11}, command: ui({type: 'filter/started'})},
	{keys: ['t'], label: 't', help: 'terminated instances: listed 5 min / hidden / all', section: 'Views', bar: {key: 't', label: 'terminated', rank: 17}, command: ui({type: 'terminated/cycled'})},
	{keys: ['v'], label: 'v', help: 'instance table: every tier\'s nodes, then one tier at a time', section: 'Views', bar: {key: 'v', label: 'tier', rank: 2.6, when: 'hasDatabase'}, command: (_key, context) => ({type: 'tier-view/cycled', tiers: context.tiers?.names ?? []})},
	{keys: ['g'], label: 'g', help: 'group instances by Availability Zone', section: 'Views', bar: {key: 'g', label: 'by AZ', rank: 16}, command: ui({type: 'zone-grouping/toggled'})},
	{keys: ['<', ',', '>'], label: '< / >', help: 'sort by the previous / next column', section: 'Views', bar: {key: '<>', label: 'sort', rank: 15}, command: key => ({type: 'sort/column-moved', delta: key === '>' ? 1 : -1})},
	{keys: ['r'], label: 'r', help: 'reverse the sort', section: 'Views', command: ui({type: 'sort/reversed'})},
	{keys: [' ', 'p'], label: 'space / p', help: 'pause / resume', section: 'Time', bar: {key: 'spc', label: 'pause', rank: 14}, command: ui({type: 'pause/toggled'})},
	{keys: ['.'], label: '.', help: 'one tick while paused', section: 'Time', command: (_key, context) => (context.ui.isPaused ? {type: 'app/step-one'} : {type: 'flash/shown', text: '. steps one tick while paused (space pauses)'})},
	{keys: ['[', ']'], label: '[ / ]', help: 'slower / faster (×0.25 … ×1200)', section: 'Time', bar: {key: '[]', label: 'speed', rank: 14.5}, command: key => ({type: 'speed/changed', delta: key === '[' ? -1 : 1})},
	{keys: ['?'], label: '?', help: 'this help (↑↓ scroll, any other key closes)', section: 'The app', bar: {key: '?', label: 'help', rank: 0, side: 'right'}, command: ui({type: 'help/toggled'})},
	{keys: ['q', 'ctrl-c'], label: 'q / Ctrl-C', help: 'quit: the terminal is restored and a summary printed', section: 'The app', bar: {key: 'q', label: 'quit', rank: 1, side: 'right'}, command: key => ({type: 'app/quit', exitCode: key === 'ctrl-c' ? 130 : 0})},
];

/** The name of a key press: `a`, `up`, `enter`, `shift-tab`, `ctrl-c` … (undefined for keys the table never names). */
export function keyName(input: string, key: KeyFlags): string | undefined {
	if (key.ctrl) return input === 'c' ? 'ctrl-c' : undefined;
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.backspace || key.delete) return 'backspace';
	if (key.meta) return undefined;
	return input === '' ? undefined : input;
}

const byKey = new Map<string, KeyBinding>();
for (const binding of keyTable) for (const key of binding.keys) if (!byKey.has(key)) byKey.set(key, binding);

/** Printable text typed into the filter (no control characters). */
// eslint-disable-next-line no-control-regex -- control characters are what is kept out
const isPrintable = (text: string) => text !== '' && !/[\u0000-\u001F\u007F]/.test(text);

/** What a key press means now, or undefined when it means nothing. */
export function keymap(input: string, key: KeyFlags, context: KeymapContext): Command | undefined {
	const name = keyName(input, key);
	if (name === 'ctrl-c') return {type: 'app/quit', exitCode: 130};
	const {ui: state} = context;
	if (state.isFilterEditing) {
		switch (name) {
			case 'enter': return {type: 'filter/finished'};
			case 'escape': return {type: 'filter/cleared'};
			case 'backspace': return {type: 'filter/erased'};
			case 'up': case 'down': return {type: 'selection/moved', delta: name === 'up' ? -1 : 1, list: context.instances};
			default: return [...input].length === 1 && isPrintable(input) && !key.meta ? {type: 'filter/typed', text: input} : undefined;
		}
	}

	if (state.isHelpVisible) {
		switch (name) {
			case 'up': case 'down': return {type: 'help/scrolled', delta: name === 'up' ? -1 : 1, ...context.help};
			case 'pageup': case 'pagedown': return {type: 'help/scrolled', delta: (name === 'pageup' ? -1 : 1) * Math.max(1, context.help.viewportRows - 1), ...context.help};
			default: return {type: 'help/closed'};
		}
	}

	if (name === undefined) return undefined;
	return byKey.get(name)?.command(name, context);
}

/** Is this a simulation action (as opposed to a UI action or an app command)? */
export function isSimAction(command: Command): command is SimAction {
	return !command.type.startsWith('app/') && !isUiAction(command);
}

const uiPrefixes = ['selection/', 'focus/', 'detail/', 'log/', 'filter/', 'terminated/', 'zone-grouping/', 'tier-view/', 'sort/', 'pause/', 'speed/', 'help/', 'flash/'];

/** Is this a UI action? */
export function isUiAction(command: Command): command is UiAction {
	return uiPrefixes.some(prefix => command.type.startsWith(prefix));
}
