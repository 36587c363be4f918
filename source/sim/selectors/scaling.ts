/**
 * Selectors for the control plane: the Auto Scaling group and its CloudWatch alarms, as the
 * read model's plain objects (cooldown and warm-up left, policy summaries, alarm value vs
 * threshold and datapoints in breach).
 */
import type {AdjustmentType, AlarmConfig, MetricName, PolicyConfig} from '../config.js';
import type {AlarmDatapointsView, AlarmView, AutoScalingView, PolicyView} from '../read-model.js';
import type {AlarmState, SimState} from '../types.js';
import {createAlarm} from '../systems/alarms.js';
import {metricKey, periodDatapoints} from '../systems/cloudwatch.js';
import type {Working} from '../working.js';
import {policyAlarms} from '../systems/policy-alarms.js';

const metricLabels: Record<MetricName, string> = {
	CPUUtilization: 'CPU',
	RequestCount: 'Requests',
	Latency: 'Latency',
	HealthyHostCount: 'Healthy hosts',
	HTTPCode_ELB_5XX: '5XX',
	HTTPCode_Target_5XX_Count: 'Target 5XX',
	RequestCountPerTarget: 'Req/target',
	DatabaseConnections: 'DB connections',
	ReplicaLag: 'Replica lag',
	ReadIOPS: 'DB read IOPS',
	WriteIOPS: 'DB write IOPS',
};

/** The metric's name in the read model: `RDS CPUUtilization` for the database's CPU (the EC2 group's is `CPUUtilization`). */
function shownMetric(a: Pick<AlarmConfig, 'metric' | 'namespace'>): string {
	return a.metric === 'CPUUtilization' && a.namespace === 'AWS/RDS' ? 'RDS CPUUtilization' : a.metric;
}

/** A metric as a user reads it (`DB CPU` for the database's CPUUtilization). */
function labelOf(a: Pick<AlarmConfig, 'metric' | 'namespace'>): string {
	return a.metric === 'CPUUtilization' && a.namespace === 'AWS/RDS' ? 'DB CPU' : metricLabels[a.metric];
}

const signed = (n: number): string => (n >= 0 ? `+${n}` : `${n}`);

/** An adjustment as a user reads it: `+2`, `-1`, `= 5`, `+10%`. */
export function formatAdjustment(type: AdjustmentType, value: number): string {
	if (type === 'ExactCapacity') return `= ${value}`;
	return type === 'PercentChangeInCapacity' ? `${signed(value)}%` : signed(value);
}

/** An alarm's condition: `CPU > 80 for 5×60s`, or `… 3 of 5×60s` when M < N. */
export function formatCondition(a: AlarmConfig): string {
	const m = a.datapointsToAlarm < a.evaluationPeriods ? `${a.datapointsToAlarm} of ` : '';
	return `${labelOf(a)} ${a.comparison} ${a.threshold} for ${m}${a.evaluationPeriods}×${a.periodSeconds}s`;
}

const duration = (seconds: number): string => (seconds % 3600 === 0 ? `${seconds / 3600}h` : seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`);

/** One line per policy, e.g. `CPU > 80 for 5×60s → +2`. */
export function summarizePolicy(p: PolicyConfig): string {
	switch (p.type) {
		case 'simple': {
			return `${formatCondition(p.alarm)} → ${formatAdjustment(p.adjustmentType, p.adjustment)}`;
		}

		case 'step': {
			return `${formatCondition(p.alarm)} → steps ${p.steps.map(step => formatAdjustment(p.adjustmentType, step.adjustment)).join('/')}`;
		}

		case 'target-tracking': {
			return `${metricLabels[p.metric]} target ${p.target}${p.disableScaleIn ? ' (no scale-in)' : ''}`;
		}

		case 'scheduled': {
			const sets = [p.desired === undefined ? '' : `desired ${p.desired}`, p.min === undefined ? '' : `min ${p.min}`, p.max === undefined ? '' : `max ${p.max}`].filter(Boolean).join(', ');
			return `at ${duration(p.atSeconds)}${p.everySeconds === undefined ? '' : ` every ${duration(p.everySeconds)}`} → ${sets || 'no change'}`;
		}
	}
}

/** The group panel, or undefined when the run has no Auto Scaling group. */
export function selectAutoScaling(state: SimState): AutoScalingView | undefined {
	const config = state.config.autoScaling;
	if (!config) return undefined;
	const tick = state.clock.tick;
	const seconds = state.config.tickSeconds;
	const asg = state.autoScaling ?? {min: config.min, max: config.max, desired: config.desired, cooldownUntilTick: -1, scalingActivities: 0};
	const activity = state.autoScaling?.activity ?? null;
	let current = 0;
	let inService = 0;
	let pending = 0;
	let terminating = 0;
	let warmingUp = 0;
	let warmupTicksLeft = 0;
	for (const id of state.instanceOrder) {
		const i = state.instances[id]!;
		if (!i.isInGroup || i.asgLifecycle === 'Terminated') continue;
		current += 1;
		if (i.asgLifecycle === 'InService') inService += 1;
		else if (i.asgLifecycle === 'Pending') pending += 1;
		else if (i.asgLifecycle === 'Terminating') terminating += 1;
		if (i.asgLifecycle === 'InService' && i.warmupUntilTick > tick) {
			warmingUp += 1;
			warmupTicksLeft = Math.max(warmupTicksLeft, i.warmupUntilTick - tick);
		}
	}

	const policies: PolicyView[] = config.policies.map(p => ({name: p.name, type: p.type, summary: summarizePolicy(p), alarmNames: policyAlarms(state, p).map(a => a.name)}));
	return {
		name: config.name,
		desired: asg.desired,
		current,
		inService,
		pending,
		terminating,
		min: asg.min,
		max: asg.max,
		cooldownSecondsLeft: Math.max(0, asg.cooldownUntilTick - tick) * seconds,
		isActivityInProgress: activity !== null,
		cooldownSecondsAfterActivity: (activity?.cooldownTicks ?? 0) * seconds,
		warmingUp,
		warmupSecondsLeft: warmupTicksLeft * seconds,
		healthCheckType: config.healthCheckType,
		policies,
		scalingActivities: asg.scalingActivities,
	};
}

function toView(a: AlarmState): AlarmView {
	const c = a.config;
	return {
		name: a.name,
		policyName: a.policyName,
		state: a.state,
		metric: shownMetric(c),
		statistic: c.statistic,
		comparison: c.comparison,
		threshold: c.threshold,
		value: a.lastValue,
		breaching: a.breaching,
		datapointsToAlarm: c.datapointsToAlarm,
		evaluationPeriods: c.evaluationPeriods,
		periodSeconds: c.periodSeconds,
		transitions: a.transitions,
	};
}

/** Every alarm in creation order (before the first tick: the policies' alarms in INSUFFICIENT_DATA). */
export function selectAlarms(state: SimState): readonly AlarmView[] {
	if (state.alarmOrder.length > 0) return state.alarmOrder.map(name => toView(state.alarms[name]!));
	const policies = state.config.autoScaling?.policies ?? [];
	return policies.flatMap(p => policyAlarms(state, p).map(a => toView(createAlarm(a, p.name, state.clock.tick))));
}

/**
 * The newest `count` datapoints of the alarm `name` at its period and statistic, oldest first
 * (as the alarm evaluates them), or undefined when there is no such alarm.
 */
export function selectAlarmDatapoints(state: SimState, name: string, count = 20): AlarmDatapointsView | undefined {
	const alarm = state.alarms[name];
	const config = alarm?.config ?? state.config.autoScaling?.policies.flatMap(p => policyAlarms(state, p)).find(a => a.name === name);
	if (!config) return undefined;
	// periodDatapoints only reads the state it is given.
	const datapoints = periodDatapoints(state as Working, metricKey(config), config.statistic, config.periodSeconds, count);
	const minutesPerPeriod = Math.max(1, Math.round(config.periodSeconds / 60));
	const minutes = state.metricWindow?.minutes ?? 0;
	return {
		name,
		metric: shownMetric(config),
		statistic: config.statistic,
		comparison: config.comparison,
		threshold: config.threshold,
		periodSeconds: config.periodSeconds,
		datapoints,
		newestEndsAtSeconds: Math.floor(minutes / minutesPerPeriod) * minutesPerPeriod * 60,
	};
}
