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
 * - AWS/RDS, dimension DBInstanceIdentifier = the dedicated database's primary (docs/tiers.md,
 *   "CloudWatch per tier"), every minute while it exists (missing while the database is
 *   colocated): `CPUUtilization` (Average of its vCPUs' busy share, sampled like the fleet),
 *   `DatabaseConnections` (Average of the requests it holds: each holds one connection while its
 *   queries run), `ReplicaLag` (Average, seconds: the largest over the replicas; missing without
 *   one), `ReadIOPS` / `WriteIOPS` (per second: the queries it executed, one I/O each — an
 *   **assumption**: no buffer pool is modelled).
 *
 * A missing datapoint is stored as `missingDatapoint` (-1): every metric here is ≥ 0 and rings
 * hold plain numbers so the state stays JSON.
 */
import {cdnEdgeLatencyMs} from '../catalog.js';
import type {AlarmConfig, MetricName, MetricNamespace, RdsMetricName, Statistic} from '../config.js';
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

/** The database's metrics (namespace AWS/RDS; CPUUtilization is one of them too). */
export const rdsMetricNames: readonly RdsMetricName[] = ['DatabaseConnections', 'ReplicaLag', 'ReadIOPS', 'WriteIOPS'];
/** The ELB's metrics (AWS/ELB on a classic load balancer, AWS/ApplicationELB on an application one). */
const elbMetricNames: ReadonlySet<string> = new Set(['RequestCount', 'Latency', 'HealthyHostCount', 'HTTPCode_ELB_5XX', 'RequestCountPerTarget', 'HTTPCode_Target_5XX_Count']);
/** The ring of the RDS primary's CPUUtilization (the EC2 group's is `CPUUtilization`). */
export const rdsCpuKey = 'AWS/RDS:CPUUtilization';

/** The namespaces that publish `metric`, its default first. */
export function namespacesOf(metric: MetricName): readonly MetricNamespace[] {
	if (metric === 'CPUUtilization') return ['AWS/EC2', 'AWS/RDS'];
	if ((rdsMetricNames as readonly string[]).includes(metric)) return ['AWS/RDS'];
	return elbMetricNames.has(metric) ? ['AWS/ELB', 'AWS/ApplicationELB'] : [];
}

/** The `SimState.cloudwatch` ring an alarm reads: the metric's name, or `AWS/RDS:CPUUtilization` for the database's CPU. */
export function metricKey(c: Pick<AlarmConfig, 'metric' | 'namespace'>): string {
	return c.metric === 'CPUUtilization' && c.namespace === 'AWS/RDS' ? rdsCpuKey : c.metric;
}

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
		dbCpuPercentSum: 0,
		dbConnectionsSum: 0,
		dbSamples: 0,
		replicaLagSum: 0,
		replicaSamples: 0,
		dbReads: 0,
		dbWrites: 0,
		edgeServedAtStart: s.cdn?.served ?? 0,
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
	if (w.ticks % sampleTicks === 0) {
		sampleFleet(s, w, fleetView(s, view));
		if (s.database) sampleDatabase(s, w);
	}

	if (s.database) countQueries(s, w);
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

type MutableWindow = {-readonly [K in keyof MetricWindow]: MetricWindow[K]};

/** One sample of the dedicated database's primary: its CPU, the requests it holds, the replicas' lag. O(1). */
function sampleDatabase(s: Working, w: MutableWindow): void {
	const db = s.dataPlane.database;
	if (db.served.length === 0) return;
	w.dbCpuPercentSum += db.cpuPercent[0]!;
	w.dbConnectionsSum += db.served[0]!;
	w.dbSamples += 1;
	if (s.database!.shards[0]!.replicas.some(r => !r.isDraining)) {
		w.replicaLagSum += s.database!.replicaLagSeconds;
		w.replicaSamples += 1;
	}
}

/** The queries the primary executed this tick: its completions × its reads (its share when replicas serve) and writes. */
function countQueries(s: Working, w: MutableWindow): void {
	const done = s.dataPlane.database.completed[0] ?? 0;
	if (done === 0) return;
	const {dbReads, dbWrites} = s.config.app;
	let serving = 0;
	for (const r of s.database!.shards[0]!.replicas) if (!r.isDraining) serving += 1;
	w.dbReads += done * (serving > 0 ? dbReads / (1 + serving) : dbReads);
	w.dbWrites += done * dbWrites;
}

function publishMinute(s: Working, w: MetricWindow): void {
	const push = (name: string, value: number): void => {
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

	// The load balancer's metrics leave out what the CDN answered at the edge (it never reached it).
	const edge = (s.cdn?.served ?? 0) - (w.edgeServedAtStart ?? 0);
	const requests = s.totals.arrived - w.arrivedAtStart - edge;
	const completed = s.latency.total - w.latencyCountAtStart - edge;
	const healthyAvg = w.samples > 0 ? w.healthyHostSum / w.samples : 0;
	push('RequestCount', requests);
	push('Latency', completed > 0 ? (s.latency.sumMs - w.latencySumMsAtStart - (edge * cdnEdgeLatencyMs)) / completed / 1000 : missingDatapoint);
	push('HealthyHostCount', healthyAvg);
	push('HTTPCode_ELB_5XX', errors5xx(s) - w.errors5xxAtStart);
	push('RequestCountPerTarget', healthyAvg > 0 ? requests / healthyAvg : missingDatapoint);
	push('HTTPCode_Target_5XX_Count', s.totals.errors['500'] - w.targetErrors5xxAtStart);
	if (s.database || s.cloudwatch[rdsCpuKey]) {
		// AWS/RDS: missing while there is no database of its own (colocated, or before a split).
		const has = w.dbSamples > 0;
		push(rdsCpuKey, has ? w.dbCpuPercentSum / w.dbSamples : missingDatapoint);
		push('DatabaseConnections', has ? w.dbConnectionsSum / w.dbSamples : missingDatapoint);
		push('ReplicaLag', w.replicaSamples > 0 ? w.replicaLagSum / w.replicaSamples : missingDatapoint);
		push('ReadIOPS', has ? w.dbReads / 60 : missingDatapoint);
		push('WriteIOPS', has ? w.dbWrites / 60 : missingDatapoint);
	}

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
 * The newest `count` datapoints of a metric (its ring: `metricKey`) at `periodSeconds` (aligned to period boundaries
 * from the start of the run), oldest first; null = missing. Periods before the run are left out,
 * so fewer than `count` come back early in a run.
 */
export function periodDatapoints(s: Working, metric: string, statistic: Statistic, periodSeconds: number, count: number): Array<number | null> {
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
