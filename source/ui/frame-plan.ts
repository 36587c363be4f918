/**
 * What one frame shows and where: the one plan the Ink tree (./dashboard.tsx) and the
 * recorder's text composition (./compose-frame.ts) both draw, so both show the same screen.
 * Pure: a view-model, the UI state (selections resolved), a size → every panel's input and box.
 * The keymap's context (how far a page moves, what a list holds) comes from the same plan.
 */
import {planLayout, type DashboardLayout, type PanelBox} from './layout.js';
import {topPanels, type TopPanel} from './panels.js';
import type {UiState} from './ui-state.js';
import type {DashboardVm} from './view-models/to-dashboard.js';
import type {HeaderVm} from './view-models/to-header.js';
import type {KeyBarVm} from './view-models/to-key-bar.js';
import {helpRowCount, helpVm} from './view-models/to-help.js';
import type {KeymapContext} from './keymap.js';
import {captionLines, type CaptionInput} from './components/caption-line.js';
import {lastPageTop, logRowsWanted, type EventLogInput} from './components/event-log.js';
import {tableViewportRows, type InstanceTableInput} from './components/instance-table.js';
import {detailContentLines, type DetailInput} from './components/detail-pane.js';
import {helpMaxScroll, helpViewportRows, type HelpInput} from './components/help-overlay.js';

/** A placed part: its input and its box. */
export type Placed<T> = {readonly input: T; readonly box: PanelBox};

/** A top panel placed. */
export type PlacedTopPanel = Placed<unknown> & {readonly panel: TopPanel<unknown>};

/** What fills the space under the top panels. */
export type Lower =
	| {readonly kind: 'lists'; readonly table: Placed<InstanceTableInput>; readonly log: Placed<EventLogInput> | undefined}
	| {readonly kind: 'detail'; readonly detail: Placed<DetailInput>};

export type FramePlan =
	| {readonly kind: 'too-small'; readonly columns: number; readonly rows: number}
	| {
		readonly kind: 'dashboard';
		readonly layout: DashboardLayout;
		readonly header: Placed<HeaderVm>;
		/** The top panels by column (empty while the help overlay is up). */
		readonly columns: ReadonlyArray<{readonly width: number; readonly panels: readonly PlacedTopPanel[]}>;
		readonly lower: Lower | undefined;
		readonly help: Placed<HelpInput> | undefined;
		readonly caption: Placed<CaptionInput> | undefined;
		readonly keyBar: Placed<KeyBarVm> | undefined;
	};

/** Options of a plan. */
export type PlanOptions = {
	/** A side of a comparison: no caption, no key bar, no log. */
	readonly isCompact?: boolean;
};

/** Rows of the log the layout is told the entries want (at most this many). */
const logWantLimit = 40;

/** The plan for a frame of `columns`×`rows`. */
export function planFrame(vm: DashboardVm, ui: UiState, columns: number, rows: number, options: PlanOptions = {}): FramePlan {
	const isCompact = options.isCompact ?? false;
	const captionRows = isCompact ? 0 : captionLines(vm.caption, vm.header.title, columns).length;
	const shown = topPanels.filter(p => p.isShown?.(vm) ?? true);
	const specs = shown.map(p => ({id: p.id, column: p.column, minHeight: typeof p.minHeight === 'function' ? p.minHeight(vm) : p.minHeight, wants: (width: number) => p.wants(vm, width)}));
	const layout = planLayout(columns, rows, specs, {tableRows: vm.table.rows.length, logRows: logRowsWanted(vm.events, columns, logWantLimit), captionRows}, isCompact);
	if (layout.isTooSmall) return {kind: 'too-small', columns, rows};
	const {width} = layout;
	const header = {input: vm.header, box: {width, height: 1}};
	const caption = layout.captionHeight > 0 ? {input: {caption: vm.caption, title: vm.header.title}, box: {width, height: layout.captionHeight}} : undefined;
	const keyBar = layout.keyBarHeight > 0 ? {input: vm.keyBar, box: {width, height: 1}} : undefined;
	if (ui.isHelpVisible) {
		return {kind: 'dashboard', layout, header, columns: [], lower: undefined, help: {input: {help: helpVm, scroll: ui.helpScroll}, box: {width, height: layout.bodyHeight}}, caption, keyBar};
	}

	const byId = new Map(shown.map(p => [p.id, p]));
	const placedColumns = layout.panelColumns.map(column => ({
		width: column.width,
		panels: column.panels.map(({id, box}) => {
			const panel = byId.get(id)!;
			return {panel, input: panel.input(vm, ui), box};
		}),
	}));
	const lower: Lower = ui.detail
		? {kind: 'detail', detail: {input: {detail: vm.detail, scroll: ui.detailScroll}, box: {width, height: layout.lowerHeight}}}
		: {
			kind: 'lists',
			table: {input: {table: vm.table, selectedId: ui.selectedId, scrollOffset: ui.scrollOffset, isFocused: ui.focus === 'instances'}, box: {width, height: layout.tableHeight}},
			log: layout.logHeight > 0 ? {input: {events: vm.events, top: ui.logTop, isFocused: ui.focus === 'activity'}, box: {width, height: layout.logHeight}} : undefined,
		};
	return {kind: 'dashboard', layout, header, columns: placedColumns, lower, help: undefined, caption, keyBar};
}

/** What the keymap needs to know of this frame: the lists keys move in and how far a page goes. */
export function keymapContextOf(plan: FramePlan, vm: DashboardVm, ui: UiState): KeymapContext {
	const layout = plan.kind === 'dashboard' ? plan.layout : undefined;
	const tableHeight = layout?.tableHeight ?? 2;
	const panelRows = (id: string) => {
		for (const column of plan.kind === 'dashboard' ? plan.columns : []) for (const p of column.panels) if (p.panel.id === id) return Math.max(1, p.box.height - 1);
		return 1;
	};

	const log = plan.kind === 'dashboard' && plan.lower?.kind === 'lists' ? plan.lower.log : undefined;
	const detailWidth = layout?.width ?? 80;
	const detailViewport = Math.max(1, (layout?.lowerHeight ?? 2) - 1);
	return {
		ui,
		instances: {ids: vm.table.ids, viewportRows: tableViewportRows(vm.table.rows.length, tableHeight)},
		alarms: {ids: vm.alarms.map(a => a.id), viewportRows: panelRows('alarms')},
		policies: {ids: vm.scalingGroup?.policies.map(p => p.name) ?? [], viewportRows: panelRows('scalingGroup')},
		// Scrolling the log stops where its last page fills the box.
		log: {newest: vm.eventRange.newest, oldest: (log ? lastPageTop(vm.events, log.box) : undefined) ?? vm.eventRange.oldest, viewportRows: Math.max(1, (layout?.logHeight ?? 2) - 1)},
		// Paging moves by the rows the first page shows; scrolling stops where the last page fills the box.
		help: {rows: helpRowCount(helpVm), viewportRows: helpViewportRows(layout?.bodyHeight ?? 20), maxScroll: helpMaxScroll(helpVm, {width: detailWidth, height: layout?.bodyHeight ?? 20})},
		detail: {rows: ui.detail ? detailContentLines(vm.detail, detailWidth).length : 0, viewportRows: detailViewport},
		tiers: {names: vm.table.tiers, nodeIds: vm.table.tierNodeIds},
	};
}
