/**
 * CloudWatch alarms (aws-behaviour.md §4): evaluated once a minute, on the datapoints of
 * their own period (systems/cloudwatch.ts), "M out of N" with TreatMissingData; states `OK`,
 * `ALARM`, `INSUFFICIENT_DATA` (new alarms start there). Each transition is counted and logged.
 *
 * Evaluation range: the newest N + 2 periods (CloudWatch fetches more than N to cope with gaps).
 * When at least N of them are real, the newest N real ones decide. When fewer are real,
 * TreatMissingData decides: `missing` judges the real ones alone (all missing → INSUFFICIENT_DATA),
 * `ignore` keeps the state, `breaching` / `notBreaching` fill the gaps. Until N periods have
 * passed since the run began the alarm has not enough data and stays INSUFFICIENT_DATA.
 */
import type {AlarmConfig, Comparison} from '../config.js';
import type {AlarmState, AlarmStateValue} from '../types.js';
import type {Working} from '../working.js';
import {appendEvent} from './activity.js';
import {metricKey, periodDatapoints} from './cloudwatch.js';

/** A new alarm in INSUFFICIENT_DATA. */
export function createAlarm(config: AlarmConfig, policyName: string, tick: number): AlarmState {
	return {name: config.name, policyName, state: 'INSUFFICIENT_DATA', stateSinceTick: tick, transitions: 0, datapoints: [], lastValue: null, config, breaching: 0};
}

/** Is `value` on the alarm side of the threshold? */
export function breaches(value: number, comparison: Comparison, threshold: number): boolean {
	switch (comparison) {
		case '>': {
			return value > threshold;
		}

		case '>=': {
			return value >= threshold;
		}

		case '<': {
			return value < threshold;
		}

		case '<=': {
			return value <= threshold;
		}
	}
}

/** The outcome of one evaluation: the next state and how many of the datapoints judged breach. */
export type Evaluation = {readonly state: AlarmStateValue; readonly breaching: number};

/**
 * Evaluate an alarm on its datapoints (oldest first, null = missing), the evaluation range
 * already cut to at most N + 2 periods. `current` is the state before.
 */
export function evaluateDatapoints(config: AlarmConfig, points: ReadonlyArray<number | null>, current: AlarmStateValue): Evaluation {
	const n = config.evaluationPeriods;
	const m = config.datapointsToAlarm;
	const isBreach = (v: number): boolean => breaches(v, config.comparison, config.threshold);
	const real = points.filter((v): v is number => v !== null);
	if (real.length >= n) {
		const breaching = real.slice(-n).filter(v => isBreach(v)).length;
		return {state: breaching >= m ? 'ALARM' : 'OK', breaching};
	}

	if (real.length === 0 && config.treatMissingData === 'missing') return {state: 'INSUFFICIENT_DATA', breaching: 0};
	switch (config.treatMissingData) {
		case 'missing': {
			const breaching = real.filter(v => isBreach(v)).length;
			return {state: breaching >= Math.min(m, real.length) ? 'ALARM' : 'OK', breaching};
		}

		case 'ignore': {
			return {state: current, breaching: real.filter(v => isBreach(v)).length};
		}

		case 'breaching':
		case 'notBreaching': {
			const fill = config.treatMissingData === 'breaching';
			const breaching = points.slice(-n).filter(v => (v === null ? fill : isBreach(v))).length + (fill ? Math.max(0, n - points.length) : 0);
			return {state: breaching >= m ? 'ALARM' : 'OK', breaching};
		}
	}
}

/** Once a minute (on the tick CloudWatch publishes: its window has just been reset), evaluate every alarm. */
export function evaluateAlarms(s: Working): void {
	const w = s.metricWindow;
	if (!w || w.ticks !== 0 || s.alarmOrder.length === 0) return;
	for (const name of s.alarmOrder) evaluateAlarm(s, s.alarms[name]!);
}

function evaluateAlarm(s: Working, alarm: Working['alarms'][string]): void {
	const c = alarm.config;
	const points = periodDatapoints(s, metricKey(c), c.statistic, c.periodSeconds, c.evaluationPeriods + 2);
	const enoughPeriods = points.length >= c.evaluationPeriods;
	const result: Evaluation = enoughPeriods ? evaluateDatapoints(c, points, alarm.state) : {state: 'INSUFFICIENT_DATA', breaching: 0};
	alarm.datapoints = points.slice(-c.evaluationPeriods);
	alarm.lastValue = points.at(-1) ?? null;
	alarm.breaching = result.breaching;
	if (result.state === alarm.state) return;
	const from = alarm.state;
	alarm.state = result.state;
	alarm.stateSinceTick = s.clock.tick;
	alarm.transitions += 1;
	appendEvent(s, 'alarm', `Alarm ${alarm.name} changed from ${from} to ${result.state}`, stateReason(c, alarm.datapoints, result));
}

const comparisonWords: Record<Comparison, string> = {
	'>': 'greater than',
	'>=': 'greater than or equal to',
	'<': 'less than',
	'<=': 'less than or equal to',
};

/**
 * CloudWatch's state-change reason, e.g. "Threshold Crossed: 3 out of the last 3 datapoints
 * [95.2, 91.0, 88.4] were greater than the threshold (80.0) (minimum 3 datapoints for
 * OK -> ALARM transition)." Datapoints are listed newest first, as CloudWatch does.
 */
export function stateReason(c: AlarmConfig, points: ReadonlyArray<number | null>, result: Evaluation): string {
	const real = points.filter((v): v is number => v !== null);
	if (result.state === 'INSUFFICIENT_DATA') return `Insufficient Data: ${c.evaluationPeriods - real.length} of the last ${c.evaluationPeriods} datapoints were unknown.`;
	const values = `[${real.slice(-c.evaluationPeriods).reverse().map(v => round(v)).join(', ')}]`;
	const threshold = c.threshold.toFixed(1);
	if (result.state === 'ALARM') {
		return `Threshold Crossed: ${result.breaching} out of the last ${c.evaluationPeriods} datapoints ${values} were ${comparisonWords[c.comparison]} the threshold (${threshold}) (minimum ${c.datapointsToAlarm} datapoints for OK -> ALARM transition).`;
	}

	const notBreaching = Math.max(0, Math.min(c.evaluationPeriods, real.length) - result.breaching);
	return `Threshold Crossed: ${notBreaching} out of the last ${c.evaluationPeriods} datapoints ${values} were not ${comparisonWords[c.comparison]} the threshold (${threshold}) (minimum ${c.evaluationPeriods - c.datapointsToAlarm + 1} datapoints for ALARM -> OK transition).`;
}

const round = (v: number): string => String(Math.round(v * 100) / 100);
