/**
 * UI state: what the dashboard remembers that is not a simulation fact — which panel has the
 * focus and what is selected in each (by id or name, so a re-sort never moves the selection to
 * another row), sort, filter, which terminated instances are listed, the zone grouping, pause,
 * speed, the help and detail panes, scroll positions, and the feedback line. A small pure
 * reducer; the keymap (./keymap.ts) turns keys into its actions, so there is one vocabulary
 * for what the user asks of the UI. Each action that changes something the user asked for
 * also sets the feedback line to say what it did.
 */
import {formatSpeed} from './view-models/format.js';

/** Instance table columns, in screen order (`<`/`>` move through them). */
export const sortColumns = ['id', 'type', 'zone', 'lifecycle', 'ec2', 'health', 'cpu', 'rps', 'inFlight', 'latency', 'uptime'] as const;
export type SortColumn = (typeof sortColumns)[number];

/** Column titles as the table shows them (and the feedback line names them). */
export const columnTitles: Readonly<Record<SortColumn, string>> = {
	id: 'ID', type: 'TYPE', zone: 'AZ', lifecycle: 'ASG', ec2: 'EC2', health: 'HEALTH', cpu: 'CPU%', rps: 'REQ/S', inFlight: 'INFL', latency: 'LAT', uptime: 'UP',
};

/** Speeds (simulated seconds per real second) that `[`/`]` step through; a live `--speed` must lie within them. */
export const speeds = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1200] as const;
export const minSpeed = speeds[0];
export const maxSpeed = speeds.at(-1)!;

/** The panels that take the keyboard's focus (Tab), in Tab order. */
export const focusOrder = ['instances', 'alarms', 'policies', 'activity'] as const;
export type Focus = (typeof focusOrder)[number];

/**
 * Which terminated instances the table lists: `recent` (default, as the EC2 console keeps them
 * a while): those terminated in the last {@link recentTerminatedSeconds}; `hidden`: none; `all`.
 */
export type TerminatedMode = 'recent' | 'hidden' | 'all';
export const terminatedModes: readonly TerminatedMode[] = ['recent', 'hidden', 'all'];

/** How long a terminated instance stays listed in the default mode, simulated seconds. */
export const recentTerminatedSeconds = 300;

/** The detail pane: what it shows, captured when it opened (keys then act on that item). */
export type Detail = {readonly kind: 'instance' | 'alarm' | 'policy'; readonly id: string};

export type UiState = {
	/** Selected instance id; undefined = the first row. */
	readonly selectedId: string | undefined;
	/** Selected alarm and policy names; undefined = the first. */
	readonly selectedAlarm: string | undefined;
	readonly selectedPolicy: string | undefined;
	readonly focus: Focus;
	readonly sortColumn: SortColumn;
	readonly isSortDescending: boolean;
	/** Instance filter: words that must all appear in a row's id, type, zone, states or health ('' = none). */
	readonly filter: string;
	/** The filter is being typed (the key bar is its input line). */
	readonly isFilterEditing: boolean;
	readonly terminated: TerminatedMode;
	/** The instance table grouped by Availability Zone, a heading per zone. */
	readonly isGroupedByZone: boolean;
	/** The instance table's tier: `all` (every node), or one tier's name (`v` cycles, as k9s' resource views). */
	readonly tierView: string;
	readonly isPaused: boolean;
	/** Simulated seconds per real second: `--speed` as given, then the steps of {@link speeds}. */
	readonly speed: number;
	readonly isHelpVisible: boolean;
	/** First help row shown. */
	readonly helpScroll: number;
	readonly detail: Detail | undefined;
	/** First detail row shown. */
	readonly detailScroll: number;
	/** First instance-table row shown. */
	readonly scrollOffset: number;
	/**
	 * The activity log's top entry, as an event number (0 = the first event of the run);
	 * undefined = follow the newest. Anchored so that new events do not move what is read.
	 */
	readonly logTop: number | undefined;
	/** Feedback for the last key: what it did ('' = none, the key bar shows the keys). */
	readonly flash: string;
};

/** What a list the selection moves in looks like right now (from the view-model). */
export type ListContext = {readonly ids: readonly string[]; readonly viewportRows: number};

/** Everything the UI reducer handles; the keymap produces these. */
export type UiAction =
	| {readonly type: 'selection/moved'; readonly delta: number; readonly list: ListContext}
	| {readonly type: 'selection/jumped'; readonly to: 'first' | 'last'; readonly list: ListContext}
	| {readonly type: 'focus/moved'; readonly delta: -1 | 1}
	| {readonly type: 'detail/opened'; readonly detail: Detail}
	| {readonly type: 'detail/closed'}
	| {readonly type: 'detail/scrolled'; readonly delta: number; readonly rows: number; readonly viewportRows: number}
	| {readonly type: 'log/scrolled'; readonly delta: number; readonly newest: number; readonly oldest: number}
	| {readonly type: 'log/followed'}
	| {readonly type: 'filter/started'}
	| {readonly type: 'filter/typed'; readonly text: string}
	| {readonly type: 'filter/erased'}
	| {readonly type: 'filter/finished'}
	| {readonly type: 'filter/cleared'}
	| {readonly type: 'terminated/cycled'}
	| {readonly type: 'zone-grouping/toggled'}
	/** The next tier view: `all`, then each of `tiers` (the table's, in route order), then `all` again. */
	| {readonly type: 'tier-view/cycled'; readonly tiers: readonly string[]}
	| {readonly type: 'sort/column-moved'; readonly delta: -1 | 1}
	| {readonly type: 'sort/reversed'}
	| {readonly type: 'pause/toggled'}
	| {readonly type: 'pause/requested'}
	| {readonly type: 'speed/changed'; readonly delta: -1 | 1}
	| {readonly type: 'help/toggled'}
	| {readonly type: 'help/closed'}
	| {readonly type: 'help/scrolled'; readonly delta: number; readonly rows: number; readonly viewportRows: number; readonly maxScroll?: number}
	| {readonly type: 'flash/shown'; readonly text: string};

/** Numeric columns sort largest first by default, like top. */
const isDescendingByDefault: Readonly<Record<SortColumn, boolean>> = {
	id: false, type: false, zone: false, lifecycle: false, ec2: false, health: false,
	cpu: true, rps: true, inFlight: true, latency: true, uptime: true,
};

const focusTitles: Readonly<Record<Focus, string>> = {instances: 'instances', alarms: 'alarms', policies: 'scaling policies', activity: 'activity log'};

const terminatedTitles: Readonly<Record<TerminatedMode, string>> = {
	recent: `terminated instances listed for ${recentTerminatedSeconds / 60} min`,
	hidden: 'terminated instances hidden',
	all: 'every terminated instance listed',
};

/** The state a live run starts in, at `speed` exactly (default 1×). */
export function initialUiState(options: {readonly speed?: number; readonly isPaused?: boolean} = {}): UiState {
	return {
		selectedId: undefined,
		selectedAlarm: undefined,
		selectedPolicy: undefined,
		focus: 'instances',
		sortColumn: 'id',
		isSortDescending: false,
		filter: '',
		isFilterEditing: false,
		terminated: 'recent',
		isGroupedByZone: false,
		tierView: 'all',
		isPaused: options.isPaused ?? false,
		speed: options.speed ?? 1,
		isHelpVisible: false,
		helpScroll: 0,
		detail: undefined,
		detailScroll: 0,
		scrollOffset: 0,
		logTop: undefined,
		flash: '',
	};
}

/**
 * The next step up (`delta` 1) or down (-1) from `speed`: `]` at 3× goes to 5×, `[` to 2×.
 * Past either end of {@link speeds}, the speed stays where it is.
 */
export function steppedSpeed(speed: number, delta: -1 | 1): number {
	if (delta > 0) return speeds.find(step => step > speed) ?? speed;
	return [...speeds].reverse().find(step => step < speed) ?? speed;
}

/** The reducer. */
export function uiReducer(ui: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'selection/moved':
			return moveSelection(ui, action.list, indexOf(selectionOf(ui), action.list.ids) + action.delta);
		case 'selection/jumped':
			return moveSelection(ui, action.list, action.to === 'first' ? 0 : action.list.ids.length - 1);
		case 'focus/moved': {
			const focus = focusOrder[(focusOrder.indexOf(ui.focus) + action.delta + focusOrder.length) % focusOrder.length];
			return {...ui, focus, flash: `focus: ${focusTitles[focus]} (↑↓ move${focus === 'activity' ? '' : ', Enter details'})`};
		}
		case 'detail/opened':
			return {...ui, detail: action.detail, detailScroll: 0, flash: ''};
		case 'detail/closed':
			return {...ui, detail: undefined, detailScroll: 0};
		case 'detail/scrolled':
			return {...ui, detailScroll: clampScroll(ui.detailScroll + action.delta, action.rows, action.viewportRows)};
		case 'log/scrolled': {
			const top = Math.min(action.newest, Math.max(action.oldest, (ui.logTop ?? action.newest) - action.delta));
			return {...ui, logTop: top >= action.newest ? undefined : top};
		}
		case 'log/followed':
			return {...ui, logTop: undefined};
		case 'filter/started':
			return {...ui, isFilterEditing: true, flash: ''};
		case 'filter/typed':
			return {...ui, filter: ui.filter + action.text, scrollOffset: 0};
		case 'filter/erased':
			return {...ui, filter: [...ui.filter].slice(0, -1).join(''), scrollOffset: 0};
		case 'filter/finished':
			return {...ui, isFilterEditing: false, flash: ui.filter === '' ? 'no filter' : `filter "${ui.filter}" (Esc clears)`};
		case 'filter/cleared':
			return {...ui, filter: '', isFilterEditing: false, scrollOffset: 0, flash: 'filter cleared'};
		case 'terminated/cycled': {
			const terminated = terminatedModes[(terminatedModes.indexOf(ui.terminated) + 1) % terminatedModes.length];
			return {...ui, terminated, flash: terminatedTitles[terminated]};
		}
		case 'zone-grouping/toggled':
			return {...ui, isGroupedByZone: !ui.isGroupedByZone, flash: ui.isGroupedByZone ? 'instances in one list' : 'instances grouped by Availability Zone'};
		case 'tier-view/cycled': {
			if (action.tiers.length === 0) return {...ui, tierView: 'all', flash: 'one tier only: nothing behind the web instances'};
			const views = ['all', ...action.tiers];
			const tierView = views[(Math.max(0, views.indexOf(ui.tierView)) + 1) % views.length];
			return {...ui, tierView, scrollOffset: 0, flash: tierView === 'all' ? 'every tier\'s nodes listed' : `only the ${tierView} tier's nodes listed (v: next)`};
		}
		case 'sort/column-moved': {
			const i = (sortColumns.indexOf(ui.sortColumn) + action.delta + sortColumns.length) % sortColumns.length;
			const sortColumn = sortColumns[i];
			return {...ui, sortColumn, isSortDescending: isDescendingByDefault[sortColumn], flash: `sort by ${columnTitles[sortColumn]}`};
		}
		case 'sort/reversed':
			return {...ui, isSortDescending: !ui.isSortDescending, flash: `sort by ${columnTitles[ui.sortColumn]} ${ui.isSortDescending ? 'ascending' : 'descending'}`};
		case 'pause/toggled':
			return {...ui, isPaused: !ui.isPaused, flash: ui.isPaused ? 'resumed' : 'paused (space resumes, . steps one tick)'};
		case 'pause/requested':
			return {...ui, isPaused: true, flash: 'paused by the preset (space resumes)'};
		case 'speed/changed': {
			const speed = steppedSpeed(ui.speed, action.delta);
			const edge = speed === ui.speed ? (action.delta > 0 ? ' (the fastest)' : ' (the slowest)') : '';
			return {...ui, speed, flash: `speed ${formatSpeed(speed)}${edge}`};
		}
		case 'help/toggled':
			return {...ui, isHelpVisible: !ui.isHelpVisible, helpScroll: 0};
		case 'help/closed':
			return {...ui, isHelpVisible: false, helpScroll: 0};
		case 'help/scrolled':
			return {...ui, helpScroll: Math.max(0, Math.min(ui.helpScroll + action.delta, action.maxScroll ?? action.rows - action.viewportRows))};
		case 'flash/shown':
			return {...ui, flash: action.text};
	}
}

/** A scroll offset within [0, rows − viewportRows]. */
function clampScroll(offset: number, rows: number, viewportRows: number): number {
	return Math.max(0, Math.min(offset, rows - viewportRows));
}

/** The selected id of the focused list. */
export function selectionOf(ui: UiState): string | undefined {
	switch (ui.focus) {
		case 'instances': return ui.selectedId;
		case 'alarms': return ui.selectedAlarm;
		case 'policies': return ui.selectedPolicy;
		case 'activity': return undefined;
	}
}

/** Row index of `id` among `ids` (0 when nothing or a vanished id is selected). */
export function indexOf(id: string | undefined, ids: readonly string[]): number {
	const i = id === undefined ? -1 : ids.indexOf(id);
	return Math.max(0, i);
}

/** The id that keys act on: `id` if it is still listed, else the first row. */
export function effectiveSelection(id: string | undefined, ids: readonly string[]): string | undefined {
	return id !== undefined && ids.includes(id) ? id : ids[0];
}

/** First row to show so that row `index` is visible in `viewportRows` rows, moving as little as possible. */
export function scrollToShow(offset: number, index: number, viewportRows: number, total: number): number {
	const rows = Math.max(1, viewportRows);
	let next = offset;
	if (index < next) next = index;
	if (index >= next + rows) next = index - rows + 1;
	return Math.max(0, Math.min(next, Math.max(0, total - rows)));
}

function moveSelection(ui: UiState, list: ListContext, index: number): UiState {
	if (list.ids.length === 0) return ui;
	const id = list.ids[Math.min(list.ids.length - 1, Math.max(0, index))];
	switch (ui.focus) {
		case 'instances': {
			const i = list.ids.indexOf(id);
			return {...ui, selectedId: id, scrollOffset: scrollToShow(ui.scrollOffset, i, list.viewportRows, list.ids.length)};
		}
		case 'alarms': return {...ui, selectedAlarm: id};
		case 'policies': return {...ui, selectedPolicy: id};
		case 'activity': return ui;
	}
}
