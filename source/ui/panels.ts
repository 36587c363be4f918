/**
 * The top panels as data: layout as a list. Each entry names its column in narrow terminals
 * (two columns below 150 columns, one each above), how tall it would like to be for a
 * view-model, what input it takes from the view-model and the UI state, and how it draws. A
 * new panel (the tiers panel, say) is one more entry; the Ink tree (./dashboard.tsx) and the
 * recorder's text composition (./compose-frame.ts) both walk this list.
 */
import type {PanelBox} from './layout.js';
import type {UiState} from './ui-state.js';
import type {DashboardVm} from './view-models/to-dashboard.js';
import {LoadPanel, loadPanelLines} from './components/load-panel.js';
import {LoadBalancerPanel, loadBalancerPanelLines} from './components/load-balancer-panel.js';
import {ScalingGroupPanel, scalingGroupPanelLines, scalingGroupWants} from './components/scaling-group-panel.js';
import {AlarmList, alarmListLines} from './components/alarm-list.js';
import {TiersPanel, tiersPanelLines, tiersPanelWants} from './components/tiers-panel.js';
import type {PanelContent, PanelProps} from './components/lines.js';
import type {ComponentType} from 'react';

/** One top panel. `T` is its input (a view-model, or a view-model with its selection and focus). */
export type TopPanel<T> = {
	readonly id: string;
	/** Its column when there are two: 0 left, 1 right. */
	readonly column: 0 | 1;
	/** Rows it would like at a width, title included. */
	readonly wants: (vm: DashboardVm, width: number) => number;
	/** Rows it keeps before its neighbours in the column give up theirs (default 2). */
	readonly minHeight?: number | ((vm: DashboardVm) => number);
	/** Is it on screen for this view-model (default: always)? */
	readonly isShown?: (vm: DashboardVm) => boolean;
	readonly input: (vm: DashboardVm, ui: UiState) => T;
	/** Its lines in a box (the recorder's path). */
	readonly lines: (input: T, box: PanelBox) => PanelContent;
	/** Its memoised Ink component (the live path): the same lines, drawn by Ink. */
	readonly Component: ComponentType<PanelProps<T>>;
};

/** Index of `id` among `ids`, 0 when absent. */
const indexIn = (ids: readonly string[], id: string | undefined) => Math.max(0, id === undefined ? 0 : ids.indexOf(id));

function panel<T>(spec: TopPanel<T>): TopPanel<unknown> {
	return spec as TopPanel<unknown>;
}

/** The top panels, left to right (top to bottom within a column). */
export const topPanels: ReadonlyArray<TopPanel<unknown>> = [
	panel({id: 'load', column: 0, wants: vm => 1 + vm.load.rows.length, minHeight: 6, input: vm => vm.load, lines: loadPanelLines, Component: LoadPanel}),
	panel({id: 'loadBalancer', column: 0, wants: vm => 2 + Math.max(1, vm.loadBalancer.targets.length), input: vm => vm.loadBalancer, lines: loadBalancerPanelLines, Component: LoadBalancerPanel}),
	panel({
		id: 'scalingGroup',
		column: 1,
		wants: (vm, width) => scalingGroupWants(vm.scalingGroup, width),
		minHeight: 4,
		input: (vm, ui) => ({group: vm.scalingGroup, selected: indexIn(vm.scalingGroup?.policies.map(p => p.name) ?? [], ui.selectedPolicy), isFocused: ui.focus === 'policies'}),
		lines: scalingGroupPanelLines,
		Component: ScalingGroupPanel,
	}),
	// The tiers behind the web fleet (issue 10): only when there are some; it keeps every tier's row.
	panel({id: 'tiers', column: 1, isShown: vm => vm.tiers !== undefined, wants: vm => tiersPanelWants(vm.tiers), minHeight: vm => tiersPanelWants(vm.tiers), input: vm => vm.tiers, lines: tiersPanelLines, Component: TiersPanel}),
	panel({
		id: 'alarms',
		column: 1,
		wants: vm => 1 + Math.max(1, vm.alarms.length),
		input: (vm, ui) => ({rows: vm.alarms, selected: indexIn(vm.alarms.map(a => a.id), ui.selectedAlarm), isFocused: ui.focus === 'alarms'}),
		lines: alarmListLines,
		Component: AlarmList,
	}),
];
