/**
 * A hand-built, deterministic dashboard view-model for a fleet of any size: the benchmark
 * renders it, and the UI tests start from it. Built from read-model views (the same plain
 * objects the sim's selectors return), so it exercises the real view-model functions.
 */
import type {AlarmView, AutoScalingView, HeaderView, InstanceView, LoadBalancerView, LoadView, SeriesView, SimEvent, ZoneView} from '../sim/index.js';
import {initialUiState, type UiState} from './ui-state.js';
import {toAlarmRows} from './view-models/to-alarm-rows.js';
import {toEventLines} from './view-models/to-event-lines.js';
import {toHeaderVm} from './view-models/to-header.js';
import {toInstanceTableVm} from './view-models/to-instance-rows.js';
import {noTierKeys, toKeyBarVm} from './view-models/to-key-bar.js';
import {toLoadBalancerPanelVm} from './view-models/to-load-balancer-panel.js';
import {toLoadPanelVm} from './view-models/to-load-panel.js';
import {toScalingGroupPanelVm} from './view-models/to-scaling-group-panel.js';
import type {DashboardVm} from './view-models/to-dashboard.js';

export const sampleHeader: HeaderView = {
	presetName: 'flash-sale', title: 'Flash sale: a CPU alarm scales the group out', seed: 7, tick: 754, simulatedSeconds: 754,
	durationSeconds: 2700, totalCostUsd: 0.0123, runRateUsdPerHour: 0.0714, isChaosMonkeyOn: false,
};

export const sampleLoad: LoadView = {
	arrivalRatePerSecond: 100, completedRatePerSecond: 88.4, errorRatePerSecond: {'500': 0, '502': 0, '503': 2.5, '504': 1},
	latencyP50Ms: 45, latencyP99Ms: 1250, inFlight: 312, isClosedLoop: false, spikeFactor: 5, spikeSecondsLeft: 42,
	consistency: {isModelled: false, inconsistentReadsPerSecond: 0, inconsistentReads: 0, lostSessions: 0},
};

const ramp = <T>(n: number, f: (i: number) => T): T[] => Array.from({length: n}, (_, i) => f(i));

export const sampleSeries: SeriesView = {
	arrivalRate: ramp(60, (i) => (i < 40 ? 20 : 100)),
	completedRate: ramp(60, (i) => (i < 40 ? 20 : 60 + i)),
	latencyP99Ms: ramp(60, (i) => 100 + i * 20),
	errorRate: ramp(60, (i) => (i < 50 ? 0 : i - 49)),
	inService: ramp(60, (i) => (i < 45 ? 2 : 3)),
	costUsd: ramp(60, (i) => i * 0.0002),
	cpuAvg: ramp(60, (i) => Math.min(100, 30 + i * 2)),
	inconsistentReadRate: ramp(60, () => 0),
};

const zones = ['us-east-1a', 'us-east-1b'];

/** `count` instances: the first running hot, one new, one dying, one unhealthy, the rest steady. */
export function sampleInstances(count: number): InstanceView[] {
	return ramp(count, (i) => {
		const id = `i-${String(i + 1).padStart(4, '0')}`;
		const isNew = i === count - 1 && count > 2;
		const isDying = i === 1 && count > 3;
		const isUnhealthy = i === 2 && count > 3;
		const view: InstanceView = {
			id, instanceType: 't2.micro', zone: zones[i % 2],
			ec2State: isNew ? 'pending' : isDying ? 'shutting-down' : 'running',
			asgLifecycle: isNew ? 'Pending' : isDying ? 'Terminating' : 'InService',
			healthLabel: isNew ? 'Initializing' : isUnhealthy ? 'Unhealthy' : 'Healthy',
			isHealthy: !isNew && !isUnhealthy && !isDying, isNew, isDying,
			cpuPercent: isNew || isDying ? 0 : (((97 - i * 13) % 100) + 100) % 100, requestsPerSecond: isNew ? 0 : 29.8 - i * 0.5,
			inFlight: isNew ? 0 : 40 - i, latencyMs: isNew ? 0 : 120 + i * 7, uptimeSeconds: isNew ? 12 : 754 - i * 30,
			costUsd: 0.002, cpuCredits: 30, isBurstable: true, hasElasticIp: false,
			cpuBaselinePercent: 10, isThrottled: false, isInGroup: true, isBehindLoadBalancer: true, purchaseOption: 'on-demand',
			launchedSeconds: isNew ? 742 : 0, stateSinceSeconds: isNew ? 742 : 10, inServiceSinceSeconds: isNew ? null : 40,
			targetState: isNew ? 'initial' : isUnhealthy ? 'unhealthy' : isDying ? 'draining' : 'healthy',
			healthCheckPasses: isNew || isUnhealthy ? 0 : 10, healthCheckFailures: isUnhealthy ? 2 : 0, unhealthyCause: '',
		};
		return view;
	});
}

export const sampleLoadBalancer = (instances: readonly InstanceView[]): LoadBalancerView => ({
	kind: 'classic', algorithm: 'round-robin', isCrossZone: false,
	healthyCount: instances.filter((i) => i.isHealthy).length, registeredCount: instances.length, surgeQueue: 0,
	targets: instances.map((i, n) => ({
		instanceId: i.id, zone: i.zone, stateLabel: i.isHealthy ? 'InService' : 'OutOfService', isHealthy: i.isHealthy, isDraining: i.isDying,
		routedPerSecond: i.requestsPerSecond, routedTotal: 1000 + n * 37,
	})),
});

export const sampleAlarms: readonly AlarmView[] = [
	{name: 'HighCPU', policyName: 'scale-out', state: 'ALARM', metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 80,
		value: 85.2, breaching: 3, datapointsToAlarm: 3, evaluationPeriods: 5, periodSeconds: 60, transitions: 1},
	{name: 'LowCPU', policyName: 'scale-in', state: 'OK', metric: 'CPUUtilization', statistic: 'Average', comparison: '<', threshold: 30,
		value: 85.2, breaching: 0, datapointsToAlarm: 5, evaluationPeriods: 5, periodSeconds: 60, transitions: 0},
];

export const sampleAutoScaling = (instances: readonly InstanceView[]): AutoScalingView => ({
	name: 'web-asg', desired: instances.length, current: instances.length,
	inService: instances.filter((i) => i.asgLifecycle === 'InService').length, pending: instances.filter((i) => i.asgLifecycle === 'Pending').length,
	terminating: instances.filter((i) => i.isDying).length, min: 1, max: Math.max(6, instances.length), cooldownSecondsLeft: 250, isActivityInProgress: false, cooldownSecondsAfterActivity: 0,
	warmingUp: 1, warmupSecondsLeft: 45, healthCheckType: 'ELB', scalingActivities: 3,
	policies: [
		{name: 'scale-out', type: 'simple', summary: 'CPU > 80 for 5×60s → +2', alarmNames: ['HighCPU']},
		{name: 'scale-in', type: 'simple', summary: 'CPU < 30 for 5×60s → -1', alarmNames: ['LowCPU']},
	],
});

export const sampleEvents: readonly SimEvent[] = [
	{tick: 750, kind: 'activity', message: 'Launching a new EC2 instance: i-0004.', cause: 'At 00:12:30 an alarm HighCPU in state ALARM triggered policy scale-out changing the desired capacity from 2 to 4.'},
	{tick: 700, kind: 'alarm', message: 'Alarm HighCPU changed from OK to ALARM.', cause: ''},
	{tick: 600, kind: 'user', message: 'User requested a load spike ×5 for 60 s.', cause: ''},
	{tick: 300, kind: 'caption', message: 'The flash sale starts', cause: ''},
];

export const sampleZones: readonly ZoneView[] = zones.map((zone) => ({zone, isDown: false, outageSecondsLeft: 0}));

/** The sample dashboard view-model with `count` instances, as the UI state asks to show it. */
export function sampleDashboardVm(count: number, ui: UiState = initialUiState()): DashboardVm {
	const instances = sampleInstances(count);
	const loadBalancer = sampleLoadBalancer(instances);
	return {
		header: toHeaderVm(sampleHeader, {isPaused: ui.isPaused, speed: ui.speed}),
		// The fleet's sparkline ends at the healthy count its row shows.
		load: toLoadPanelVm(sampleLoad, {...sampleSeries, inService: ramp(60, (i) => (i < 45 ? Math.max(0, loadBalancer.healthyCount - 1) : loadBalancer.healthyCount))}, {costUsd: sampleHeader.totalCostUsd, fleet: {hasLoadBalancer: true, healthy: loadBalancer.healthyCount, registered: loadBalancer.registeredCount}, cpuAvgPercent: 85.2, secondsPerPoint: 1}),
		loadBalancer: toLoadBalancerPanelVm(loadBalancer),
		scalingGroup: toScalingGroupPanelVm(sampleAutoScaling(instances), sampleAlarms),
		alarms: toAlarmRows(sampleAlarms),
		// One web tier: no tiers panel (test/ui/components/tiers-panel.test.tsx draws one).
		tiers: undefined,
		tierKeys: noTierKeys,
		table: toInstanceTableVm(instances, sampleZones, {...ui, nowSeconds: sampleHeader.simulatedSeconds}),
		events: toEventLines(sampleEvents, 1),
		eventRange: {newest: sampleEvents.length - 1, oldest: 0},
		caption: 'The ELB still routes to the dead instance until it fails 2 checks',
		detail: undefined,
		keyBar: toKeyBarVm(ui),
	};
}
