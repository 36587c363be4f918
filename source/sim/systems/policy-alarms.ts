/**
 * The CloudWatch alarms a scaling policy uses. Simple and step policies name their own alarm;
 * a target-tracking policy creates and owns two (aws-behaviour.md §3.4, shape [observed]):
 * `TargetTracking-<asg>-AlarmHigh-<uuid>`: metric > target for 3 of 3 one-minute datapoints
 * (scale out), and `TargetTracking-<asg>-AlarmLow-<uuid>`: metric < 0.7 × target for 15 of 15
 * (scale in, deliberately slower). The uuid is derived from the seed and the policy name, so
 * names are stable across runs.
 */
import type {AlarmConfig, PolicyConfig} from '../config.js';

/** What alarm names depend on: the seed and the group's name (a state, a draft or a config holder). */
type HasConfig = {readonly config: {readonly seed: number; readonly autoScaling?: {readonly name: string}}};

/** Low-alarm threshold as a fraction of the target [observed ~0.7 on EC2 groups]. */
export const targetTrackingLowFactor = 0.7;
/** Datapoints (one minute each) of the high and low target-tracking alarms. */
export const targetTrackingHighPeriods = 3;
export const targetTrackingLowPeriods = 15;

/** A stable pseudo-uuid (FNV-1a, widened) for a seed and a name. */
export function stableUuid(seed: number, name: string): string {
	let hex = '';
	let h = 0x81_1C_9D_C5 ^ (seed >>> 0);
	for (let round = 0; round < 4; round++) {
		for (const ch of `${round}:${name}`) {
			h ^= ch.codePointAt(0)!;
			h = Math.imul(h, 0x01_00_01_93) >>> 0;
		}

		hex += h.toString(16).padStart(8, '0');
	}

	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The high and low alarm names of a target-tracking policy. */
export function targetTrackingAlarmNames(s: HasConfig, policyName: string): {readonly high: string; readonly low: string} {
	const asg = s.config.autoScaling?.name ?? 'asg';
	return {
		high: `TargetTracking-${asg}-AlarmHigh-${stableUuid(s.config.seed, `${policyName}:high`)}`,
		low: `TargetTracking-${asg}-AlarmLow-${stableUuid(s.config.seed, `${policyName}:low`)}`,
	};
}

/** Alarms a policy evaluates (none for scheduled actions). */
export function policyAlarms(s: HasConfig, policy: PolicyConfig): AlarmConfig[] {
	switch (policy.type) {
		case 'simple':
		case 'step': {
			return [policy.alarm];
		}

		case 'target-tracking': {
			const names = targetTrackingAlarmNames(s, policy.name);
			const statistic = policy.metric === 'RequestCountPerTarget' ? 'Sum' : 'Average';
			const shared = {metric: policy.metric, statistic, periodSeconds: 60, treatMissingData: 'missing'} as const;
			return [
				{...shared, name: names.high, comparison: '>', threshold: policy.target, evaluationPeriods: targetTrackingHighPeriods, datapointsToAlarm: targetTrackingHighPeriods},
				...(policy.disableScaleIn ? [] : [{...shared, name: names.low, comparison: '<' as const, threshold: policy.target * targetTrackingLowFactor, evaluationPeriods: targetTrackingLowPeriods, datapointsToAlarm: targetTrackingLowPeriods}]),
			];
		}

		case 'scheduled': {
			return [];
		}
	}
}
