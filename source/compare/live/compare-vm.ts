/**
 * The live comparison's view-model from both states and the one UI state: each side's
 * dashboard view-model (labelled A and B), the UI state as each side shows it, the heading and
 * the strip's rows. Pure; the live app builds the same parts with memoisation.
 */
import {selectSummary, type SimConfig, type SimState} from '../../sim/index.js';
import type {Pace} from '../../ui/hooks/use-simulation.js';
import {effectiveSelection, type UiState} from '../../ui/ui-state.js';
import {toDetailVm, toRunVm, toTableVm, type DashboardVm} from '../../ui/view-models/to-dashboard.js';
import {toKeyBarVm} from '../../ui/view-models/to-key-bar.js';
import {compareLoad} from '../load-difference.js';
import type {CompareHeadingVm} from './heading.js';
import {stripRows} from './strip.js';

/** A compact side draws no key bar; the comparison has one of its own. */
export const sideKeyBar = toKeyBarVm({flash: '', filter: '', isFilterEditing: false});

/** One side's dashboard view-model. */
export function sideVm(state: SimState, ui: UiState, label: 'A' | 'B', pace?: Pace): DashboardVm {
	return {...toRunVm(state, {isPaused: ui.isPaused, speed: ui.speed, pace, label}), table: toTableVm(state, ui), detail: toDetailVm(state, ui.detail), keyBar: sideKeyBar};
}

/** The instance ids the selection moves through: A's rows, then B's that A does not list. */
export function pairIds(a: DashboardVm, b: DashboardVm): string[] {
	const seen = new Set(a.table.ids);
	return [...a.table.ids, ...b.table.ids.filter(id => !seen.has(id))];
}

/** The shared UI state as one side shows it: the selected instance as chosen (even where that side lacks it), its own alarm and policy selections, no overlay. */
export function forSide(ui: UiState, vm: DashboardVm, selectedId: string | undefined): UiState {
	const selectedAlarm = effectiveSelection(ui.selectedAlarm, vm.alarms.map(alarm => alarm.id));
	const selectedPolicy = effectiveSelection(ui.selectedPolicy, vm.scalingGroup?.policies.map(policy => policy.name) ?? []);
	return {...ui, selectedId, selectedAlarm, selectedPolicy, isHelpVisible: false};
}

/** The header line's view-model. */
export function headingOf(a: SimConfig, b: SimConfig): CompareHeadingVm {
	const load = compareLoad(a, b);
	return {nameA: a.name, nameB: b.name, note: load.note, isSameArrivals: load.isSameArrivals};
}

/** The strip's rows for both states so far. */
export function stripOf(a: SimState, b: SimState): Array<Record<string, string>> {
	return stripRows(selectSummary(a), selectSummary(b), {a: a.config.name, b: b.config.name});
}

/** Everything but the strip's painting, for the text path. */
export function compareVm(a: SimState, b: SimState, ui: UiState, pace?: Pace) {
	const vmA = sideVm(a, ui, 'A', pace);
	const vmB = sideVm(b, ui, 'B', pace);
	const selectedId = effectiveSelection(ui.selectedId, pairIds(vmA, vmB));
	return {heading: headingOf(a.config, b.config), a: vmA, b: vmB, uiA: forSide(ui, vmA, selectedId), uiB: forSide(ui, vmB, selectedId), keyBar: toKeyBarVm(ui)};
}
