import {expect, test} from 'vitest';
import {formatSummary, formatUsd} from '../../source/headless/format-summary.js';
import type {RunSummary} from '../../source/sim/index.js';

const summary: RunSummary = {
	preset: 'flash-sale',
	seed: 7,
	simulatedSeconds: 2700,
	requests: {arrived: 158_719.4, completed: 135_383, failed: 23_336, inFlight: 0.4},
	errors: {'500': 0, '502': 19_390, '503': 3946, '504': 0},
	latencyMs: {mean: 10_831.2, p50: 4633, p90: 29_818, p95: 33_363, p99: 36_229, max: 42_439},
	throughputPerSecond: 50.142,
	instances: {launched: 8, terminated: 6, peak: 6, final: 2},
	scalingActivities: 5,
	cost: {totalUsd: 0.0454, instanceHours: 2.45, fixedPeakFleetUsd: 0.0691, elbUsd: 0.01, elasticIpUsd: 0},
	alarms: [{name: 'HighCPU', state: 'OK', transitions: 3}, {name: 'LowCPU', state: 'ALARM', transitions: 1}],
	elb: {routed: {'i-0001': 5738, 'i-0002': 5731}, isPresent: true},
	tiers: {web: {nodes: 2, cpuAvg: 60, latencyMs: {mean: 50, p99: 200}, peakUtilisation: 90, bottleneckSeconds: 1800, costUsd: 0.01}},
	consistency: {users: 0, reads: 35_000, readsAfterWrite: 0, inconsistentReads: 0, lostSessions: 0},
};

test('the readable summary: dotted labels, the numbers to compare, the seed to reproduce', () => {
	expect(formatSummary(summary, {title: 'Flash sale', durationSeconds: 2700, isComplete: true})).toBe(`scaletop · flash-sale — Flash sale
seed 7 · simulated 45m

  requests .............: 158,719 arrived, 135,383 completed, 23,336 failed, 0 in flight
  throughput ...........: 50.14 req/s
  errors ...............: 502: 19,390  503: 3,946  504: 0  (14.70% failed)
  latency (ms) .........: mean=10,831 p50=4,633 p90=29,818 p95=33,363 p99=36,229 max=42,439
  instances ............: 8 launched, 6 terminated, peak 6, final 2
  scaling activities ...: 5
  cost .................: $0.0454 (2.45 instance-hours); a fixed fleet sized for the peak: $0.0691
  alarms ...............: HighCPU OK (3 transitions)
                          LowCPU ALARM (1 transition)
  elb routed ...........: i-0001 5,738 · i-0002 5,731
`);
});

test('a run with users says how many reads after a write were inconsistent and whose data was lost', () => {
	const text = formatSummary({...summary, consistency: {users: 20_000, reads: 71_316, readsAfterWrite: 51_862, inconsistentReads: 36_756, lostSessions: 6012}}, {title: 'Flash sale', durationSeconds: 2700, isComplete: true});
	expect(text).toContain(`  errors ...............: 502: 19,390  503: 3,946  504: 0  (14.70% failed)
  consistency ..........: 36,756 of 51,862 reads after a write inconsistent (70.87%), 6,012 users' data or sessions lost with an instance
  latency (ms) .........: `);
});

test('a run stopped early says how far it got', () => {
	const text = formatSummary({...summary, simulatedSeconds: 600}, {title: 'Flash sale', durationSeconds: 2700, isComplete: false});
	expect(text.split('\n')[1]).toBe('seed 7 · simulated 10m of 45m (stopped early)');
});

test('dollars keep four decimals below one dollar', () => {
	expect(formatUsd(0.00046)).toBe('$0.0005');
	expect(formatUsd(1234.5)).toBe('$1,234.50');
});

test('a fleet of more than ten targets: the ten busiest by name, the others summed', () => {
	const routed = Object.fromEntries(Array.from({length: 1000}, (_, index) => [`i-${String(index + 1).padStart(4, '0')}`, index === 500 ? 9000 : (index < 12 ? 100 + index : 1)]));
	const lines = formatSummary({...summary, elb: {routed, isPresent: true}}, {title: 'Big', durationSeconds: 2700, isComplete: true}).trimEnd().split('\n');
	expect(lines.slice(-4)).toEqual([
		'  elb routed ...........: i-0004 103 · i-0005 104 · i-0006 105 · i-0007 106',
		'                          i-0008 107 · i-0009 108 · i-0010 109 · i-0011 110',
		'                          i-0012 111 · i-0501 9,000',
		'                          (the 10 busiest) and 990 other targets: 1,290',
	]);
});

test('without a load balancer the summary says the requests went straight to the instance', () => {
	const text = formatSummary({...summary, elb: {routed: {'i-0001': 12_345}, isPresent: false}}, {title: 'ab', durationSeconds: 900, isComplete: true});
	expect(text).not.toContain('elb routed');
	expect(text.trimEnd().split('\n').at(-1)).toBe('  no load balancer .....: requests went straight to i-0001 12,345');
});
