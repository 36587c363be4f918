/** Auto Scaling group panel view-model: capacity counts, timers and policies with their alarm state. */
import type {AlarmView, AutoScalingView} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatDuration} from './format.js';

export type CountVm = {readonly label: string; readonly value: string; readonly tone: Tone};

export type PolicyRowVm = {readonly name: string; readonly summary: string; readonly alarm: string; readonly tone: Tone};

export type ScalingGroupPanelVm = {
	readonly name: string;
	readonly counts: readonly CountVm[];
	/** Cooldown, warm-up, health-check type and activity count, e.g. `cooldown 4m10s`, `warm-up 2 (45s)`. */
	readonly timers: readonly string[];
	readonly policies: readonly PolicyRowVm[];
};

/** Tone of an alarm state. */
export function alarmTone(state: string): Tone {
	return state === 'ALARM' ? 'alarm' : state === 'OK' ? 'ok' : 'dim';
}

/**
 * What holds a simple policy back now: a running cooldown, or an activity still in progress
 * (the cooldown starts only when its last instance is InService or deregistered).
 */
function cooldownTimer(view: AutoScalingView): string {
	const cooldown = view.cooldownSecondsLeft > 0 ? `cooldown ${formatDuration(view.cooldownSecondsLeft)}` : '';
	if (!view.isActivityInProgress) return cooldown || 'no cooldown';
	if (cooldown !== '') return `${cooldown} · activity in progress`;
	return view.cooldownSecondsAfterActivity > 0 ? `activity in progress, then cooldown ${formatDuration(view.cooldownSecondsAfterActivity)}` : 'scaling activity in progress';
}

/** ASG panel view-model; undefined when the run has no group. */
export function toScalingGroupPanelVm(view: AutoScalingView | undefined, alarms: readonly AlarmView[]): ScalingGroupPanelVm | undefined {
	if (!view) return undefined;
	// The group's current capacity as AWS counts it against desired: Pending and InService
	// instances. Terminating ones are leaving (shown apart), so current never reads above max.
	const current = view.inService + view.pending;
	const stateOf = new Map(alarms.map((a) => [a.name, a.state]));
	const timers = [
		cooldownTimer(view),
		view.warmingUp > 0 ? `warm-up ${view.warmingUp} (${formatDuration(view.warmupSecondsLeft)})` : '',
		`health ${view.healthCheckType}`,
		`${view.scalingActivities} activities`,
	].filter(Boolean);
	return {
		name: view.name,
		counts: [
			{label: 'desired', value: String(view.desired), tone: 'title'},
			{label: 'current', value: String(current), tone: current === view.desired ? 'normal' : 'warn'},
			{label: 'min', value: String(view.min), tone: 'dim'},
			{label: 'max', value: String(view.max), tone: 'dim'},
			{label: 'InService', value: String(view.inService), tone: view.inService < view.desired ? 'warn' : 'ok'},
			{label: 'Pending', value: String(view.pending), tone: view.pending > 0 ? 'new' : 'normal'},
			...(view.terminating > 0 ? [{label: 'Terminating', value: String(view.terminating), tone: 'dim' as const}] : []),
		],
		timers,
		policies: view.policies.map((p) => {
			const states = p.alarmNames.map((name) => stateOf.get(name) ?? 'INSUFFICIENT_DATA');
			const firing = states.includes('ALARM') ? 'ALARM' : states.includes('OK') ? 'OK' : states.length > 0 ? 'INSUFFICIENT_DATA' : '';
			return {name: p.name, summary: p.summary, alarm: firing, tone: alarmTone(firing)};
		}),
	};
}
