/** Alarm rows: name, state, the metric's value against the threshold, datapoints in breach. */
import type {AlarmView} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatNumber} from './format.js';
import {alarmTone} from './to-scaling-group-panel.js';

export type AlarmRowVm = {
	/** The alarm's own name (what the selection and the detail pane go by). */
	readonly id: string;
	/** The name shown (see {@link alarmDisplayName}). */
	readonly name: string;
	readonly state: string;
	readonly tone: Tone;
	/** e.g. `CPUUtilization 85.2 > 80`. */
	readonly condition: string;
	/** The same with the metric's short name, for narrow panels: `CPU 85.2 > 80`. */
	readonly shortCondition: string;
	/** Datapoints in breach of those evaluated, e.g. `3/5` (with `M=3` when M differs from N). */
	readonly breach: string;
};

/**
 * The name shown: AWS names target-tracking alarms `TargetTracking-<group>-AlarmHigh-<uuid>`,
 * which no panel can fit; they are shown as `<policy> high` / `<policy> low` instead.
 */
export function alarmDisplayName(name: string, policyName: string): string {
	const match = /^TargetTracking-.*-(Alarm(?:High|Low))-[0-9a-f-]{36}$/.exec(name);
	return match ? `${policyName} ${match[1] === 'AlarmHigh' ? 'high' : 'low'}` : name;
}

/** Short state labels (INSUFFICIENT_DATA does not fit a dense panel). */
export function alarmStateLabel(state: string): string {
	return state === 'INSUFFICIENT_DATA' ? 'INSUFF' : state;
}

/** Short metric names for narrow panels. */
const shortMetrics: Readonly<Record<string, string>> = {
	CPUUtilization: 'CPU', RequestCount: 'Requests', RequestCountPerTarget: 'Req/target', Latency: 'Latency', HealthyHostCount: 'Healthy', HTTPCode_ELB_5XX: '5XX', HTTPCode_Target_5XX_Count: 'T5XX',
	'RDS CPUUtilization': 'DB CPU', DatabaseConnections: 'DB conns', ReplicaLag: 'Lag', ReadIOPS: 'ReadIOPS', WriteIOPS: 'WriteIOPS',
};

/** Alarm rows in the order the read model gives them. */
export function toAlarmRows(alarms: readonly AlarmView[]): readonly AlarmRowVm[] {
	return alarms.map((a) => ({
		id: a.name,
		name: alarmDisplayName(a.name, a.policyName),
		state: a.state,
		tone: alarmTone(a.state),
		condition: `${a.metric} ${a.value === null ? '—' : formatNumber(a.value)} ${a.comparison} ${formatNumber(a.threshold)}`,
		shortCondition: `${shortMetrics[a.metric] ?? a.metric} ${a.value === null ? '—' : formatNumber(a.value)} ${a.comparison} ${formatNumber(a.threshold)}`,
		breach: `${a.breaching}/${a.evaluationPeriods}${a.datapointsToAlarm === a.evaluationPeriods ? '' : ` M=${a.datapointsToAlarm}`}`,
	}));
}
