/**
 * The dashboard's whole view-model, built from the read model (sim selectors) and the UI
 * state. The only UI module that calls selectors; components below it see view-models only.
 */
import {
	selectAlarms, selectAutoScaling, selectCaption, selectEvents, selectHeader, selectInstances, selectLoad, selectLoadBalancer, selectSeries,
	type SimState,
} from '../../sim/index.js';
import {currentSpeed, type UiState} from '../ui-state.js';
import type {Pace} from '../hooks/use-simulation.js';
import {toAlarmRows, type AlarmRowVm} from './to-alarm-rows.js';
import {toEventLines, type EventLineVm} from './to-event-lines.js';
import {toHeaderVm, type HeaderVm} from './to-header.js';
import {toInstanceRows, type InstanceRowVm} from './to-instance-rows.js';
import {toLoadBalancerPanelVm, type LoadBalancerPanelVm} from './to-load-balancer-panel.js';
import {toLoadPanelVm, type LoadPanelVm} from './to-load-panel.js';
import {toScalingGroupPanelVm, type ScalingGroupPanelVm} from './to-scaling-group-panel.js';

export type DashboardVm = {
	readonly header: HeaderVm;
	readonly load: LoadPanelVm;
	readonly loadBalancer: LoadBalancerPanelVm;
	readonly scalingGroup: ScalingGroupPanelVm | undefined;
	readonly alarms: readonly AlarmRowVm[];
	/** Sorted as the UI asks. */
	readonly instances: readonly InstanceRowVm[];
	/** Newest first. */
	readonly events: readonly EventLineVm[];
	readonly caption: string;
};

/** How many log lines the dashboard ever shows (the tallest terminal's log panel). */
export const maxEventLines = 60;

/** Points of history kept for sparklines (the widest panel's sparkline). */
export const sparklinePoints = 120;

/** Build the dashboard view-model. */
export function toDashboardVm(state: SimState, ui: UiState, pace?: Pace): DashboardVm {
	const header = selectHeader(state);
	const instances = selectInstances(state);
	const group = selectAutoScaling(state);
	const alarms = selectAlarms(state);
	const running = instances.filter((i) => i.ec2State === 'running');
	const cpuAvgPercent = running.length === 0 ? 0 : running.reduce((sum, i) => sum + i.cpuPercent, 0) / running.length;
	const inService = group ? group.inService : running.filter((i) => i.isHealthy).length;
	return {
		header: toHeaderVm(header, {isPaused: ui.isPaused, speed: currentSpeed(ui), pace}),
		load: toLoadPanelVm(selectLoad(state), selectSeries(state, sparklinePoints), {costUsd: header.totalCostUsd, inService, cpuAvgPercent}),
		loadBalancer: toLoadBalancerPanelVm(selectLoadBalancer(state)),
		scalingGroup: toScalingGroupPanelVm(group, alarms),
		alarms: toAlarmRows(alarms),
		instances: toInstanceRows(instances, ui.sortColumn, ui.isSortDescending),
		events: toEventLines(selectEvents(state, maxEventLines), header.tick > 0 ? header.simulatedSeconds / header.tick : 1),
		caption: selectCaption(state),
	};
}
