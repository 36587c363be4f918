/**
 * UI state: what the dashboard remembers that is not a simulation fact. Selection is by
 * instance id (so a re-sort never moves it to another instance), plus sort, pause, speed,
 * help, scroll and the last key's feedback. A small pure reducer.
 */

/** Instance table columns, in screen order (`<`/`>` move through them). */
export const sortColumns = ['id', 'type', 'zone', 'state', 'health', 'cpu', 'rps', 'inFlight', 'latency', 'uptime'] as const;
export type SortColumn = (typeof sortColumns)[number];

/** Speeds (simulated seconds per real second) that `[`/`]` step through. */
export const speeds = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1200] as const;

/** The live dashboard's range of speeds: a live `--speed` must lie within it (design.md §1b). */
export const minSpeed = speeds[0];
export const maxSpeed = speeds.at(-1)!;

export type UiState = {
	/** Selected instance id; undefined = the first row. */
	readonly selectedId: string | undefined;
	readonly sortColumn: SortColumn;
	readonly isSortDescending: boolean;
	readonly isPaused: boolean;
	/** Simulated seconds per real second: `--speed` as given, then the steps of {@link speeds}. */
	readonly speed: number;
	readonly isHelpVisible: boolean;
	/** First instance-table row shown. */
	readonly scrollOffset: number;
	/** Feedback for the last key, shown on the key bar until the next one ('' = none). */
	readonly flash: string;
};

/** Everything the UI reducer handles. Commands from the keymap are a subset of these. */
export type UiAction =
	| {readonly type: 'selection/moved'; readonly delta: number; readonly ids: readonly string[]; readonly viewportRows: number}
	| {readonly type: 'selection/jumped'; readonly to: 'first' | 'last'; readonly ids: readonly string[]; readonly viewportRows: number}
	| {readonly type: 'sort/column-moved'; readonly delta: -1 | 1}
	| {readonly type: 'sort/reversed'}
	| {readonly type: 'pause/toggled'}
	| {readonly type: 'pause/requested'}
	| {readonly type: 'speed/changed'; readonly delta: -1 | 1}
	| {readonly type: 'help/toggled'}
	| {readonly type: 'help/closed'}
	| {readonly type: 'flash/shown'; readonly text: string};

/** Numeric columns sort largest first by default, like top. */
const isDescendingByDefault: Readonly<Record<SortColumn, boolean>> = {
	id: false, type: false, zone: false, state: false, health: false,
	cpu: true, rps: true, inFlight: true, latency: true, uptime: true,
};

/** The state a live run starts in, at `speed` exactly (default 1×). */
export function initialUiState(options: {readonly speed?: number; readonly isPaused?: boolean} = {}): UiState {
	return {
		selectedId: undefined,
		sortColumn: 'id',
		isSortDescending: false,
		isPaused: options.isPaused ?? false,
		speed: options.speed ?? 1,
		isHelpVisible: false,
		scrollOffset: 0,
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

/** Current speed multiplier. */
export function currentSpeed(ui: UiState): number {
	return ui.speed;
}

/** The reducer. */
export function uiReducer(ui: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'selection/moved':
			return moveSelection(ui, action.ids, indexOf(ui, action.ids) + action.delta, action.viewportRows);
		case 'selection/jumped':
			return moveSelection(ui, action.ids, action.to === 'first' ? 0 : action.ids.length - 1, action.viewportRows);
		case 'sort/column-moved': {
			const i = (sortColumns.indexOf(ui.sortColumn) + action.delta + sortColumns.length) % sortColumns.length;
			const sortColumn = sortColumns[i];
			return {...ui, sortColumn, isSortDescending: isDescendingByDefault[sortColumn]};
		}
		case 'sort/reversed':
			return {...ui, isSortDescending: !ui.isSortDescending};
		case 'pause/toggled':
			return {...ui, isPaused: !ui.isPaused};
		case 'pause/requested':
			return {...ui, isPaused: true, flash: 'paused by the preset (space resumes)'};
		case 'speed/changed':
			return {...ui, speed: steppedSpeed(ui.speed, action.delta)};
		case 'help/toggled':
			return {...ui, isHelpVisible: !ui.isHelpVisible};
		case 'help/closed':
			return {...ui, isHelpVisible: false};
		case 'flash/shown':
			return {...ui, flash: action.text};
		default:
			return ui;
	}
}

/** Row index of the selection among `ids` (0 when nothing or a vanished id is selected). */
export function indexOf(ui: UiState, ids: readonly string[]): number {
	const i = ui.selectedId === undefined ? -1 : ids.indexOf(ui.selectedId);
	return Math.max(0, i);
}

/** The id that keys act on: the selected id if it is still listed, else the first row. */
export function effectiveSelection(ui: UiState, ids: readonly string[]): string | undefined {
	return ui.selectedId !== undefined && ids.includes(ui.selectedId) ? ui.selectedId : ids[0];
}

/** First row to show so that row `index` is visible in `viewportRows` rows, moving as little as possible. */
export function scrollToShow(offset: number, index: number, viewportRows: number, total: number): number {
	const rows = Math.max(1, viewportRows);
	let next = offset;
	if (index < next) next = index;
	if (index >= next + rows) next = index - rows + 1;
	return Math.max(0, Math.min(next, Math.max(0, total - rows)));
}

function moveSelection(ui: UiState, ids: readonly string[], index: number, viewportRows: number): UiState {
	if (ids.length === 0) return ui;
	const i = Math.min(ids.length - 1, Math.max(0, index));
	return {...ui, selectedId: ids[i], scrollOffset: scrollToShow(ui.scrollOffset, i, viewportRows, ids.length)};
}
