/**
 * CloudWatch metrics (aws-behaviour.md §4): one datapoint per metric per minute in
 * `SimState.cloudwatch` rings (last 24 h), built from what the data plane leaves in state each
 * tick (per-instance `cpuPercent`, target health, cumulative totals and latency sums).
 *
 * The fleet is sampled every 5 simulated seconds (not every tick), which keeps the per-tick
 * cost of metrics at O(instances / 5).
 *
 * - `CPUUtilization` (AWS/EC2, AutoScalingGroupName): Average over InService, running group
 *   instances (warming instances left out when the group has a default instance warm-up).
 *   Basic monitoring publishes it every 5 minutes (the minutes between are missing); detailed
 *   monitoring every minute.
 * - `RequestCount` (Sum), `Latency` (Average, **seconds** as on a classic ELB),
 *   `HealthyHostCount` (Average), `HTTPCode_ELB_5XX` (Sum of 502/503/504),
 *   `HTTPCode_Target_5XX_Count` (Sum of the 5xx the targets answered: 500 when the database
 *   timed out or refused; aws-behaviour.md: the ELB's own 5xx and the targets' are separate metrics),
 *   `RequestCountPerTarget` (RequestCount / healthy hosts): every minute.
 *
 * A missing datapoint is stored as `missingDatapoint` (-1): every metric here is ≥ 0 and rings
 * hold plain numbers so the state stays JSON.
 */
import type {MetricName, Statistic} from '../config.js';
import type {MetricWindow} from '../types.js';
import type {Working} from '../working.js';
import {emptyRing, pushRing, ringValues} from './ring.js';
import {fleetView, type FleetView} from './fleet.js';

/** The value stored for a minute without data. */
export const missingDatapoint = -1;
/** Minutes kept per metric. */
export const cloudwatchMinutes = 1440;
/** Every metric published. */
export const metricNames: readonly MetricName[] = ['CPUUtilization', 'RequestCount', 'Latency', 'HealthyHostCount', 'HTTPCode_ELB_5XX', 'RequestCountPerTarget', 'HTTPCode_Target_5XX_Count'];

/** Ticks in one CloudWatch minute (at least 1). */
export function ticksPerMinute(s: Working): number {
	return Math.max(1, Math.round(60 / s.config.tickSeconds));
}

function freshWindow(s: Working, minutes: number, isBasicPeriodOver = true): MetricWindow {
	return {
		minutes,
		ticks: 0,
		samples: 0,
		cpuPercentSum: 0,
		cpuSamples: 0,
		basicCpuPercentSum: isBasicPeriodOver ? 0 : s.metricWindow?.basicCpuPercentSum ?? 0,
		basicCpuSamples: isBasicPeriodOver ? 0 : s.metricWindow?.basicCpuSamples ?? 0,
		healthyHostSum: 0,
		arrivedAtStart: s.totals.arrived,
		errors5xxAtStart: errors5xx(s),
		targetErrors5xxAtStart: s.totals.errors['500'],
		latencyCountAtStart: s.latency.total,
		latencySumMsAtStart: s.latency.sumMs,
	};
}

/** The ELB's own 5xx (the targets' 500s are `HTTPCode_Target_5XX_Count`). */
function errors5xx(s: Working): number {
	const e = s.totals.errors;
	return e['502'] + e['503'] + e['504'];
}

/** Does the group leave warming instances out of its metric (a default instance warm-up is set)? */
export function isWarmupExcludedFromMetric(s: Working): boolean {
	return s.config.autoScaling?.defaultInstanceWarmupSeconds !== undefined;
}

/** The fleet is sampled this often for CPUUtilization and HealthyHostCount, seconds (as a hypervisor samples). */
export const metricSampleSeconds = 5;

/** Accumulate this tick (a fleet sample every `metricSampleSeconds`); publish each metric when a minute is complete. */
export function publishMetrics(s: Working, view?: FleetView): void {
	s.metricWindow ??= freshWindow(s, 0);
	const w = s.metricWindow;
	const sampleTicks = Math.max(1, Math.round(metricSampleSeconds / s.config.tickSeconds));
	if (w.ticks % sampleTicks === 0) sampleFleet(s, w, fleetView(s, view));
	w.ticks += 1;
	if (w.ticks >= ticksPerMinute(s)) publishMinute(s, w);
}

/**
 * One sample: CPU of InService (non-warming) group instances that report it — an instance in an
 * unreachable zone publishes nothing, and CloudWatch's group average is over the instances that
 * do — and healthy targets. O(instances).
 */
function sampleFleet(s: Working, w: Working['metricWindow'] & object, v: FleetView): void {
	const tick = s.clock.tick;
	const hasGroup = s.config.autoScaling !== undefined;
	const excludeWarming = isWarmupExcludedFromMetric(s);
	let cpuSum = 0;
	let cpuSamples = 0;
	let healthy = 0;
	const cpu = s.dataPlane.web.cpuPercent;
	for (let k = 0; k < v.length; k++) {
		const i = v.list[k]!;
		if (i.target.health === 'healthy' && i.isBehindLoadBalancer) healthy += 1;
		if (i.ec2State !== 'running' || s.zones[i.zone]?.isDown === true) continue;
		if (hasGroup && (i.asgLifecycle !== 'InService' || (excludeWarming && i.warmupUntilTick > tick))) continue;
		cpuSum += cpu[k]!;
		cpuSamples += 1;
	}

	w.cpuPercentSum += cpuSum;
	w.cpuSamples += cpuSamples;
	w.basicCpuPercentSum += cpuSum;
	w.basicCpuSamples += cpuSamples;
	w.healthyHostSum += healthy;
	w.samples += 1;
}

function publishMinute(s: Working, w: MetricWindow): void {
	const push = (name: MetricName, value: number): void => {
		s.cloudwatch[name] ??= emptyRing(cloudwatchMinutes) as Working['cloudwatch'][string];
		pushRing(s.cloudwatch[name], value);
	};

	const isBasic = s.config.autoScaling?.monitoring === 'basic';
	const minute = w.minutes + 1;
	if (isBasic) {
		const isFiveMinuteBoundary = minute % 5 === 0;
		push('CPUUtilization', isFiveMinuteBoundary && w.basicCpuSamples > 0 ? w.basicCpuPercentSum / w.basicCpuSamples : missingDatapoint);
	} else {
		push('CPUUtilization', w.cpuSamples > 0 ? w.cpuPercentSum / w.cpuSamples : missingDatapoint);
	}

	const requests = s.totals.arrived - w.arrivedAtStart;
	const completed = s.latency.total - w.latencyCountAtStart;
	const healthyAvg = w.samples > 0 ? w.healthyHostSum / w.samples : 0;
	push('RequestCount', requests);
	push('Latency', completed > 0 ? (s.latency.sumMs - w.latencySumMsAtStart) / completed / 1000 : missingDatapoint);
	push('HealthyHostCount', healthyAvg);
	push('HTTPCode_ELB_5XX', errors5xx(s) - w.errors5xxAtStart);
	push('RequestCountPerTarget', healthyAvg > 0 ? requests / healthyAvg : missingDatapoint);
	push('HTTPCode_Target_5XX_Count', s.totals.errors['500'] - w.targetErrors5xxAtStart);
	s.metricWindow = freshWindow(s, minute, !isBasic || minute % 5 === 0);
}

/** Combine the minute values of one period by a statistic; null when every minute is missing. */
export function aggregate(values: readonly number[], statistic: Statistic): number | null {
	const real = values.filter(v => v !== missingDatapoint);
	if (real.length === 0) return null;
	switch (statistic) {
		case 'Average': {
			return real.reduce((a, b) => a + b, 0) / real.length;
		}

		case 'Sum': {
			return real.reduce((a, b) => a + b, 0);
		}

		case 'Minimum': {
			return Math.min(...real);
		}

		case 'Maximum': {
			return Math.max(...real);
		}

		case 'SampleCount': {
			return real.length;
		}
	}
}

/**
 * The newest `count` datapoints of a metric at `periodSeconds` (aligned to period boundaries
 * from the start of the run), oldest first; null = missing. Periods before the run are left out,
 * so fewer than `count` come back early in a run.
 */
export function periodDatapoints(s: Working, metric: MetricName, statistic: Statistic, periodSeconds: number, count: number): Array<number | null> {
	const minutesPerPeriod = Math.max(1, Math.round(periodSeconds / 60));
	const minutes = s.metricWindow?.minutes ?? 0;
	const ring = s.cloudwatch[metric];
	const completePeriods = Math.floor(minutes / minutesPerPeriod);
	const periods = Math.min(count, completePeriods);
	if (!ring || periods === 0) return [];
	const kept = ringValues(ring);
	const out: Array<number | null> = [];
	for (let p = completePeriods - periods; p < completePeriods; p++) {
		const from = (p * minutesPerPeriod) - (minutes - kept.length);
		out.push(from < 0 ? null : aggregate(kept.slice(from, from + minutesPerPeriod), statistic));
	}

	return out;
}
