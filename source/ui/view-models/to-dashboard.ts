/**
 * The dashboard's whole view-model, built from the read model (sim selectors) and the UI
 * state. The only UI module that calls selectors; components below it see view-models only.
 * It is built in parts, each from only what it depends on, so the live app can keep a part
 * (and the panels drawn from it) when only another part changed: a key that moves the
 * selection rebuilds the table, not the sparklines.
 */
import {
	selectAlarmDatapoints, selectAlarms, selectAutoScaling, selectCaption, selectEventCount, selectEvents, selectHeader, selectInstances, selectLoad,
	selectLoadBalancer, selectMinuteSeries, selectSeries, selectTierNodes, selectTiers, selectZones, type SimState,
} from '../../sim/index.js';
import type {Detail, UiState} from '../ui-state.js';
import type {Pace} from '../hooks/use-simulation.js';
import {toAlarmRows, type AlarmRowVm} from './to-alarm-rows.js';
import {toAlarmDetail, toInstanceDetail, toPolicyDetail, type DetailVm} from './to-detail.js';
import {toEventLines, type EventLineVm} from './to-event-lines.js';
import {toHeaderVm, type HeaderVm} from './to-header.js';
import {toInstanceTableVm, type InstanceTableVm} from './to-instance-rows.js';
import {noTierKeys, toKeyBarVm, type KeyBarVm} from './to-key-bar.js';
import type {BarContext} from '../keymap.js';
import {toLoadBalancerPanelVm, type LoadBalancerPanelVm} from './to-load-balancer-panel.js';
import {toLoadPanelVm, type LoadPanelVm} from './to-load-panel.js';
import {toScalingGroupPanelVm, type ScalingGroupPanelVm} from './to-scaling-group-panel.js';
import {toTiersPanelVm, type TiersPanelVm} from './to-tiers-panel.js';

/** What the run shows whatever the UI does (the state, the pace, pause and speed). */
export type RunVm = {
	readonly header: HeaderVm;
	readonly load: LoadPanelVm;
	readonly loadBalancer: LoadBalancerPanelVm;
	readonly scalingGroup: ScalingGroupPanelVm | undefined;
	readonly alarms: readonly AlarmRowVm[];
	/** The tiers panel: undefined when nothing is behind the web tier. */
	readonly tiers: TiersPanelVm | undefined;
	/** What the run has that the tier keys need (which of them the key bar shows); one object per combination. */
	readonly tierKeys: BarContext;
	/** Newest first, every entry the log still keeps. */
	readonly events: readonly EventLineVm[];
	/** Event numbers of the newest and oldest entries kept (for scrolling). */
	readonly eventRange: {readonly newest: number; readonly oldest: number};
	readonly caption: string;
};

export type DashboardVm = RunVm & {
	readonly table: InstanceTableVm;
	readonly detail: DetailVm | undefined;
	readonly keyBar: KeyBarVm;
};

/** Ticks of per-tick history kept by the simulation: longer runs show their per-minute history. */
export const perTickHistory = 600;

/** Seconds per tick of a run (from the header's clock). */
function tickSecondsOf(state: SimState): number {
	const header = selectHeader(state);
	return header.tick > 0 ? header.simulatedSeconds / header.tick : 1;
}

const withDatabase: BarContext = {hasDatabase: true, canSplitDatabase: false};
const withColocatedData: BarContext = {hasDatabase: false, canSplitDatabase: true};

/** The run's part of the view-model. */
export function toRunVm(state: SimState, ui: {readonly isPaused: boolean; readonly speed: number; readonly pace?: Pace; readonly label?: string}): RunVm {
	const header = selectHeader(state);
	const instances = selectInstances(state);
	const group = selectAutoScaling(state);
	const alarms = selectAlarms(state);
	const running = instances.filter((i) => i.ec2State === 'running');
	const cpuAvgPercent = running.length === 0 ? 0 : running.reduce((sum, i) => sum + i.cpuPercent, 0) / running.length;
	const loadBalancer = selectLoadBalancer(state);
	const fleet = loadBalancer.isPresent === false
		? {hasLoadBalancer: false, healthy: running.length, registered: running.length}
		: {hasLoadBalancer: true, healthy: loadBalancer.healthyCount, registered: loadBalancer.registeredCount};
	const tickSeconds = tickSecondsOf(state);
	// The whole run so far: per tick while the per-tick history holds it, then per minute (up to a day).
	const isLong = header.tick > perTickHistory;
	const series = isLong ? selectMinuteSeries(state) : selectSeries(state, header.tick);
	const eventCount = selectEventCount(state);
	const events = selectEvents(state, 300);
	const tiers = selectTiers(state);
	const load = selectLoad(state);
	const hasDatabase = tiers.some(t => t.name === 'database');
	return {
		header: toHeaderVm(header, ui),
		load: toLoadPanelVm(load, series, {costUsd: header.totalCostUsd, fleet, cpuAvgPercent, secondsPerPoint: isLong ? 60 : tickSeconds}),
		loadBalancer: toLoadBalancerPanelVm(loadBalancer),
		scalingGroup: toScalingGroupPanelVm(group, alarms),
		alarms: toAlarmRows(alarms),
		tiers: toTiersPanelVm(tiers),
		tierKeys: hasDatabase ? withDatabase : load.consistency.isModelled ? withColocatedData : noTierKeys,
		events: toEventLines(events, tickSeconds, eventCount - 1),
		eventRange: {newest: eventCount - 1, oldest: eventCount - events.length},
		caption: selectCaption(state),
	};
}

/** The instance table's part. */
export function toTableVm(state: SimState, ui: Pick<UiState, 'sortColumn' | 'isSortDescending' | 'filter' | 'terminated' | 'isGroupedByZone'> & {readonly tierView?: string}): InstanceTableVm {
	return toInstanceTableVm(selectInstances(state), selectZones(state), {...ui, nowSeconds: selectHeader(state).simulatedSeconds}, selectTierNodes(state));
}

/** The detail pane's part, or undefined when it is closed or its item is gone. */
export function toDetailVm(state: SimState, detail: Detail | undefined): DetailVm | undefined {
	if (!detail) return undefined;
	const tickSeconds = tickSecondsOf(state);
	const events = [...selectEvents(state, 300)].reverse();
	switch (detail.kind) {
		case 'instance': {
			const view = selectInstances(state).find((i) => i.id === detail.id);
			return view ? toInstanceDetail(view, events, tickSeconds, selectHeader(state).simulatedSeconds) : undefined;
		}

		case 'alarm': {
			const alarm = selectAlarms(state).find((a) => a.name === detail.id);
			return alarm ? toAlarmDetail(alarm, selectAlarmDatapoints(state, alarm.name, 20), events, tickSeconds) : undefined;
		}

		case 'policy': {
			const group = selectAutoScaling(state);
			return group ? toPolicyDetail(group, detail.id, selectAlarms(state), events, tickSeconds) : undefined;
		}
	}
}

/** The whole dashboard view-model (the recorder and tests; the live app builds the parts apart). */
export function toDashboardVm(state: SimState, ui: UiState, pace?: Pace, label?: string): DashboardVm {
	const run = toRunVm(state, {isPaused: ui.isPaused, speed: ui.speed, pace, label});
	return {
		...run,
		table: toTableVm(state, ui),
		detail: toDetailVm(state, ui.detail),
		keyBar: toKeyBarVm(ui, run.tierKeys),
	};
}
