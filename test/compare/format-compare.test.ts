import {describe, expect, test} from 'vitest';
import {compareFigures, formatDifference, formatPercent, figures} from '../../source/compare/figures.js';
import {formatComparison} from '../../source/compare/format-compare.js';
import type {RunSummary} from '../../source/sim/index.js';

function summary(overrides: {e502?: number; e504?: number; p99: number; peak: number; activities: number; cost: number; throughput: number}): RunSummary {
	const failed = (overrides.e502 ?? 0) + (overrides.e504 ?? 0);
	return {
		preset: 'x', seed: 13, simulatedSeconds: 3600,
		requests: {arrived: 310_068, completed: 310_068 - failed, failed, inFlight: 0},
		errors: {'500': 0, '502': overrides.e502 ?? 0, '503': 0, '504': overrides.e504 ?? 0},
		latencyMs: {mean: 61.1, p50: 47, p90: 150, p95: 190, p99: overrides.p99, max: 900},
		throughputPerSecond: overrides.throughput,
		instances: {launched: overrides.peak, terminated: 0, peak: overrides.peak, final: 2},
		scalingActivities: overrides.activities,
		cost: {totalUsd: overrides.cost, instanceHours: 2, fixedPeakFleetUsd: 0.3, elbUsd: 0.02, elasticIpUsd: 0},
		alarms: [], elb: {routed: {}, isPresent: true}, tiers: {web: {nodes: 2, cpuAvg: 60, latencyMs: {mean: 50, p99: 200}, peakUtilisation: 90, bottleneckSeconds: 1800, costUsd: 0.01}}, consistency: {users: 0, reads: 0, readsAfterWrite: 0, inconsistentReads: 0, lostSessions: 0},
	};
}

const a = summary({e502: 14_648, p99: 27_333, peak: 3, activities: 66, cost: 0.2496, throughput: 81.6});
const b = summary({p99: 244, peak: 2, activities: 0, cost: 0.2145, throughput: 86.13});

describe('the headless comparison', () => {
	test('a row per figure: A, B, B − A, in percent, and the better side', () => {
		expect(formatComparison({label: 'thrashing', title: 'Thrashing', summary: a}, {label: 'steady', title: 'Steady', summary: b}, {isSameArrivals: true, note: 'the same load (constant 86/s): both sides see the same arrivals, tick for tick'})).toBe([
			'scaletop compare · A thrashing vs B steady — seed 13, 1h simulated',
			'  A  Thrashing',
			'  B  Steady',
			'the same load (constant 86/s): both sides see the same arrivals, tick for tick',
			'',
			'figure               A thrashing  B steady     B − A          better',
			'───────────────────  ───────────  ────────  ────────  ──────  ──────',
			'requests arrived         310,068   310,068         0',
			'throughput req/s           81.60     86.13     +4.53  +5.6 %  B',
			'5xx errors                14,648         0   −14,648  −100 %  B',
			'  502 backend reset       14,648         0   −14,648  −100 %  B',
			'  503 no capacity              0         0         0          same',
			'  504 timeout                  0         0         0          same',
			'latency p50 ms              47.0      47.0       0.0          same',
			'latency p99 ms            27,333       244   −27,089   −99 %  B',
			'latency mean ms             61.1      61.1       0.0          same',
			'instances at peak              3         2        −1   −33 %  B',
			'instances launched             3         2        −1   −33 %  B',
			'scaling activities            66         0       −66  −100 %  B',
			'instance-hours              2.00      2.00      0.00          same',
			'cost                     $0.2496   $0.2145  −$0.0351   −14 %  B',
			'',
		].join('\n'));
	});

	test('a load difference is a note in the header', () => {
		const text = formatComparison({label: 'a', title: 'A', summary: a}, {label: 'b', title: 'B', summary: b}, {isSameArrivals: false, note: 'the load sections differ (A constant 86/s, B constant 87/s): the arrivals differ too'});
		expect(text.split('\n')[3]).toBe('note: the load sections differ (A constant 86/s, B constant 87/s): the arrivals differ too');
	});

	test('better means fewer errors, lower latency and cost, more throughput; equal as shown is the same', () => {
		const compared = compareFigures(b, a);
		expect(Object.fromEntries(compared.map(entry => [entry.figure.id, entry.winner]))).toMatchObject({arrived: '', throughput: 'A', '5xx': 'A', p99: 'A', peak: 'A', cost: 'A', p50: 'same'});
		const cost = figures.find(figure => figure.id === 'cost')!;
		expect(formatDifference(cost, 0.000_01)).toBe('$0.0000');
		expect(formatPercent(0, 5)).toBe('');
		expect(formatPercent(200, -1)).toBe('−0.5 %');
	});
});
