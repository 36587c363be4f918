import {describe, expect, test} from 'vitest';
import {summaryJson} from '../../source/headless/output-schemas.js';
import type {RunSummary} from '../../source/sim/index.js';
import {formatSeeds, formatSweepCsv, formatSweepJson, formatSweepTable, shortKeys, type SweepRun} from '../../source/sweep/format.js';
import {spreadOf} from '../../source/sweep/stats.js';

/** A summary with the figures a sweep reads (the rest zero). */
function summary(seed: number, figures: {readonly e502?: number; readonly e504?: number; readonly p99: number; readonly cost: number; readonly activities: number}): RunSummary {
	const failed = (figures.e502 ?? 0) + (figures.e504 ?? 0);
	return {
		preset: 'thrashing', seed, simulatedSeconds: 3600,
		requests: {arrived: 1000, completed: 1000 - failed, failed, inFlight: 0},
		errors: {'500': 0, '502': figures.e502 ?? 0, '503': 0, '504': figures.e504 ?? 0},
		latencyMs: {mean: 50, p50: 40, p90: 80, p95: 100, p99: figures.p99, max: 900},
		throughputPerSecond: 0.27,
		instances: {launched: 3, terminated: 1, peak: 3, final: 2},
		scalingActivities: figures.activities,
		cost: {totalUsd: figures.cost, instanceHours: 2, fixedPeakFleetUsd: 0.5, elbUsd: 0.02, elasticIpUsd: 0},
		alarms: [], elb: {routed: {}, isPresent: true}, tiers: {web: {nodes: 2, cpuAvg: 60, latencyMs: {mean: 50, p99: 200}, peakUtilisation: 90, bottleneckSeconds: 1800, costUsd: 0.01}}, consistency: {users: 0, reads: 0, readsAfterWrite: 0, inconsistentReads: 0, lostSessions: 0},
	};
}

const runs: SweepRun[] = [
	{settings: {'autoScaling.defaultCooldown': '0s'}, seed: 1, summary: summary(1, {e502: 10, e504: 5, p99: 2500, cost: 0.25, activities: 60})},
	{settings: {'autoScaling.defaultCooldown': '0s'}, seed: 2, summary: summary(2, {e502: 20, p99: 3100, cost: 0.26, activities: 65})},
	{settings: {'autoScaling.defaultCooldown': '0s'}, seed: 3, summary: summary(3, {e502: 1, p99: 1999, cost: 0.24, activities: 61})},
	{settings: {'autoScaling.defaultCooldown': '300s'}, seed: 1, summary: summary(1, {p99: 245, cost: 0.2145, activities: 2})},
	{settings: {'autoScaling.defaultCooldown': '300s'}, seed: 2, summary: summary(2, {p99: 245, cost: 0.2145, activities: 2})},
	{settings: {'autoScaling.defaultCooldown': '300s'}, seed: 3, summary: summary(3, {p99: 80.25, cost: 0.2145, activities: 3})},
];

describe('sweep output', () => {
	test('the table: one row per combination, the median then the range across seeds', () => {
		expect(formatSweepTable(runs)).toBe([
			'scaletop sweep · thrashing — 2 combinations × 3 seeds (1-3) = 6 runs, 1h simulated each',
			'  defaultCooldown = autoScaling.defaultCooldown',
			'each figure: the median across seeds, then the lowest–highest seed',
			'',
			'defaultCooldown  5xx  range  p99 ms  range           cost  range            activities  range',
			'───────────────  ───  ─────  ──────  ───────────  ───────  ───────────────  ──────────  ─────',
			'0s                15  1–20    2,500  1,999–3,100  $0.2500  $0.2400–$0.2600          61  60–65',
			'300s               0            245  80.3–245     $0.2145                            2  2–3',
			'',
		].join('\n'));
	});

	test('one seed per combination: no range columns', () => {
		const text = formatSweepTable([runs[0]!, runs[3]!]);
		expect(text.split('\n').slice(2, 6)).toEqual([
			'one seed per combination',
			'',
			'defaultCooldown  5xx  p99 ms     cost  activities',
			'───────────────  ───  ──────  ───────  ──────────',
		]);
	});

	test('a combination with fewer seeds than the others is pointed out', () => {
		expect(formatSweepTable(runs.slice(0, 5))).toContain('\n1 combination has fewer seeds than the others (missing runs)\n');
	});

	test('--json: { runs: [ { settings, seed, summary } ] } with the whole summary', () => {
		const parsed = JSON.parse(formatSweepJson(runs)) as {runs: SweepRun[]};
		expect(Object.keys(parsed)).toEqual(['runs']);
		expect(parsed.runs).toHaveLength(6);
		expect(Object.keys(parsed.runs[0]!)).toEqual(['settings', 'seed', 'summary']);
		expect(parsed.runs[5]).toEqual({...runs[5], summary: summaryJson(runs[5]!.summary)});
	});

	test('--csv: a header and one row per run', () => {
		const lines = formatSweepCsv(runs).trimEnd().split('\n');
		expect(lines[0]).toBe('autoScaling.defaultCooldown,seed,arrived,completed,failed,errors_502,errors_503,errors_504,latency_mean_ms,latency_p50_ms,latency_p99_ms,throughput_per_s,scaling_activities,instances_peak,cost_usd');
		expect(lines[1]).toBe('0s,1,1000,985,15,10,0,5,50,40,2500,0.27,60,3,0.25');
		expect(lines).toHaveLength(7);
	});

	test('--csv quotes a value holding a comma', () => {
		const line = formatSweepCsv([{...runs[0]!, settings: {'autoScaling.zones': ['us-east-1a', 'us-east-1b']}}]).split('\n')[1];
		expect(line!.startsWith('"[us-east-1a, us-east-1b]",1,')).toBe(true);
	});

	test('short key names stay unique', () => {
		expect(shortKeys(['autoScaling.policies[0].alarm.threshold', 'autoScaling.policies[1].alarm.threshold', 'load.rate'])).toEqual(['policies[0].alarm.threshold', 'policies[1].alarm.threshold', 'rate']);
	});

	test('seeds as ranges; median of an even count is the mean of the middle two', () => {
		expect(formatSeeds([5, 1, 2, 3, 9, 10])).toBe('1-3,5,9-10');
		expect(spreadOf([4, 1, 3, 2])).toEqual({median: 2.5, min: 1, max: 4});
	});
});
