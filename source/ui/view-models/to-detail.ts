/**
 * The detail pane (`Enter`): what an instance, an alarm or a scaling policy has been doing.
 * - an instance: its EC2 state and Auto Scaling lifecycle with since when, the load balancer's
 *   health checks, CPU credits (a t2 out of credits is throttled to its baseline: a low CPU% with
 *   a long latency), and its history from the activity log;
 * - an alarm: its condition, its recent datapoints against the threshold, and why it changed;
 * - a policy: its rule, its alarms, and its last activities with the full `Cause:`.
 * Rows are label + text; the component wraps the text to its width.
 */
import type {AlarmDatapointsView, AlarmView, AutoScalingView, InstanceView, SimEvent} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {alarmDisplayName, alarmStateLabel} from './to-alarm-rows.js';
import {alarmTone} from './to-scaling-group-panel.js';
import {eventText} from './to-event-lines.js';
import {formatClock, formatCount, formatDuration, formatMs, formatNumber, formatUsd} from './format.js';

/** One row: a label (or '' for a heading or a continuation) and its text. */
export type DetailRowVm = {readonly label: string; readonly text: string; readonly tone: Tone; readonly isHeading?: boolean};

/** An alarm's datapoints for the chart: value (null = missing), the period's end, whether it breaches. */
export type DatapointVm = {readonly time: string; readonly value: number | null; readonly isBreaching: boolean};

export type DetailVm = {
	readonly title: string;
	readonly rows: readonly DetailRowVm[];
	/** An alarm's datapoints against its threshold, drawn as bars after `rows`. */
	readonly chart?: {readonly threshold: number; readonly comparison: string; readonly points: readonly DatapointVm[]};
	/** Rows after the chart. */
	readonly afterChart?: readonly DetailRowVm[];
};

const row = (label: string, text: string, tone: Tone = 'normal'): DetailRowVm => ({label, text, tone});
const heading = (text: string): DetailRowVm => ({label: '', text, tone: 'title', isHeading: true});

/** The events (oldest first) as history rows: time, then the message and its cause. */
function historyRows(events: readonly SimEvent[], tickSeconds: number, empty: string): DetailRowVm[] {
	if (events.length === 0) return [row('', empty, 'dim')];
	return events.map(e => row(formatClock(e.tick * tickSeconds), eventText(e), e.kind === 'fault' ? 'alarm' : e.kind === 'refused' || e.kind === 'alarm' ? 'warn' : 'normal'));
}

/** Does the event's text name the instance (`i-0003`, not `i-00031`)? */
function mentions(e: SimEvent, id: string): boolean {
	return new RegExp(`\\b${id}\\b`).test(`${e.message} ${e.cause}`);
}

/** Whose sessions and data an instance holds (docs/stateful.md). */
function usersRow(users: NonNullable<InstanceView['users']>): DetailRowVm {
	return row('users', `${formatCount(users.sessions)} sticky sessions here · ${formatCount(users.data)} users' latest write in its database · ${formatCount(users.held)} lost with it`);
}

/** The detail of an instance. `events` are the kept log, oldest first. */
export function toInstanceDetail(view: InstanceView, events: readonly SimEvent[], tickSeconds: number, nowSeconds: number): DetailVm {
	const since = (seconds: number) => `${formatClock(seconds)} (${formatDuration(nowSeconds - seconds)} ago)`;
	const credits = view.cpuBaselinePercent === null
		? row('CPU credits', `${view.instanceType} is not burstable: its CPU is not held to a baseline`, 'dim')
		: view.isThrottled
			? row('CPU credits', `${formatNumber(view.cpuCredits)}: THROTTLED — out of credits, the CPU is held at its ${view.cpuBaselinePercent} % baseline, so requests queue while CPU% reads low`, 'alarm')
			: row('CPU credits', `${formatNumber(view.cpuCredits)} (earns its ${view.cpuBaselinePercent} % baseline; spends credits above it)`);
	const checks = view.targetState === ''
		? row('load balancer', 'not registered', 'dim')
		: row('load balancer', `${view.targetState} · health checks: ${view.healthCheckPasses} passed, ${view.healthCheckFailures} failed in a row`, view.healthCheckFailures > 0 ? 'warn' : 'normal');
	return {
		title: `${view.id} · ${view.instanceType} · ${view.zone}`,
		rows: [
			row('EC2 state', `${view.ec2State} since ${since(view.stateSinceSeconds)} · launched ${formatClock(view.launchedSeconds)} · up ${formatDuration(view.uptimeSeconds)}`),
			row('Auto Scaling', view.isInGroup ? `${view.asgLifecycle}${view.inServiceSinceSeconds === null ? '' : ` · InService since ${since(view.inServiceSinceSeconds)}`}` : 'not in a group (standalone)', view.isInGroup ? 'normal' : 'dim'),
			row('health', view.unhealthyCause ? `${view.healthLabel}: ${view.unhealthyCause}` : view.healthLabel, view.isHealthy ? 'ok' : 'alarm'),
			checks,
			row('load', `CPU ${Math.round(view.cpuPercent)} % · ${formatNumber(view.requestsPerSecond)} req/s · ${formatNumber(view.inFlight)} in flight · latency ${view.latencyMs > 0 ? formatMs(view.latencyMs) : '—'}`),
			...(view.users ? [usersRow(view.users)] : []),
			credits,
			row('billing', `${view.purchaseOption} · ${formatUsd(view.costUsd)} so far${view.hasElasticIp ? ' · holds an Elastic IP' : ''}`),
			heading('History (activity log, oldest first)'),
			...historyRows(events.filter(e => mentions(e, view.id)), tickSeconds, 'nothing in the activity log yet'),
		],
	};
}

const comparisonWords: Readonly<Record<string, string>> = {'>': '>', '>=': '≥', '<': '<', '<=': '≤'};

/** The detail of an alarm. */
export function toAlarmDetail(alarm: AlarmView, points: AlarmDatapointsView | undefined, events: readonly SimEvent[], tickSeconds: number): DetailVm {
	const name = alarmDisplayName(alarm.name, alarm.policyName);
	const m = alarm.datapointsToAlarm < alarm.evaluationPeriods ? `${alarm.datapointsToAlarm} of ` : '';
	const changes = events.filter(e => e.kind === 'alarm' && e.message.startsWith(`Alarm ${alarm.name} `));
	const period = points?.periodSeconds ?? alarm.periodSeconds;
	const chartPoints: DatapointVm[] = (points?.datapoints ?? []).map((value, index, all) => ({
		time: formatClock((points?.newestEndsAtSeconds ?? 0) - ((all.length - 1 - index) * period)),
		value,
		isBreaching: value !== null && breaches(value, alarm.comparison, alarm.threshold),
	}));
	return {
		title: `${name} · ${alarmStateLabel(alarm.state) === 'INSUFF' ? 'INSUFFICIENT_DATA' : alarm.state}`,
		rows: [
			row('alarm', alarm.name === name ? alarm.name : `${alarm.name} (policy ${alarm.policyName})`),
			row('condition', `${alarm.metric} ${alarm.statistic} ${comparisonWords[alarm.comparison] ?? alarm.comparison} ${formatNumber(alarm.threshold)} for ${m}${alarm.evaluationPeriods} × ${period} s`),
			row('state', `${alarm.state} · ${alarm.breaching} of the last ${alarm.evaluationPeriods} datapoints breach · ${alarm.transitions} state change${alarm.transitions === 1 ? '' : 's'}`, alarmTone(alarm.state)),
			heading(`Datapoints, one per ${period} s (newest last); the threshold is ${formatNumber(alarm.threshold)}`),
			...(chartPoints.length === 0 ? [row('', 'no datapoint yet: the first comes after one period', 'dim')] : []),
		],
		chart: chartPoints.length === 0 ? undefined : {threshold: alarm.threshold, comparison: alarm.comparison, points: chartPoints},
		// Why it changed state, in CloudWatch's words.
		afterChart: [heading('State changes (oldest first)'), ...historyRows(changes, tickSeconds, 'none yet')],
	};
}

/** Does `value` breach the threshold? */
export function breaches(value: number, comparison: string, threshold: number): boolean {
	switch (comparison) {
		case '>': return value > threshold;
		case '>=': return value >= threshold;
		case '<': return value < threshold;
		case '<=': return value <= threshold;
		default: return false;
	}
}

/** The detail of a scaling policy. */
export function toPolicyDetail(group: AutoScalingView, policyName: string, alarms: readonly AlarmView[], events: readonly SimEvent[], tickSeconds: number): DetailVm | undefined {
	const policy = group.policies.find(p => p.name === policyName);
	if (!policy) return undefined;
	const own = alarms.filter(a => policy.alarmNames.includes(a.name));
	const activities = events.filter(e => (e.kind === 'activity' && e.cause.includes(`policy ${policyName} `)) || (e.kind === 'alarm' && own.some(a => e.message.startsWith(`Alarm ${a.name} `))));
	return {
		title: `${policy.name} · ${policy.type} policy of ${group.name}`,
		rows: [
			row('rule', policy.summary),
			...own.map(a => row('alarm', `${alarmDisplayName(a.name, a.policyName)}: ${a.state} (${a.breaching}/${a.evaluationPeriods} breaching)`, alarmTone(a.state))),
			row('group', `desired ${group.desired} · min ${group.min} · max ${group.max} · ${group.cooldownSecondsLeft > 0 ? `cooldown ${formatDuration(group.cooldownSecondsLeft)} left` : 'no cooldown running'}`),
			heading('Last activities and alarm changes (oldest first), with the full Cause'),
			...historyRows(activities, tickSeconds, 'this policy has not acted yet'),
		],
	};
}
