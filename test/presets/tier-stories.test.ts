/**
 * The tiers presets (issue 10), run headless, show their point in their numbers — as
 * ./stories.test.ts does for the others.
 */
import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import type {MetricsLine} from '../../source/sim/index.js';
import {ringValues} from '../../source/sim/systems/ring.js';

function run(name: string, intervalSeconds = 60) {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	const lines: MetricsLine[] = [];
	const result = runHeadless({config: loaded.config, intervalSeconds, onMetrics: line => lines.push(line)});
	expect(result.violations).toEqual([]);
	return {...result, lines, config: loaded.config};
}

const elbErrorsOf = (line: MetricsLine) => line.errors['502'] + line.errors['503'] + line.errors['504'];
const between = (lines: readonly MetricsLine[], fromSeconds: number, toSeconds: number) => lines.filter(line => line.t > fromSeconds && line.t <= toSeconds);
const min = (values: readonly number[]) => Math.min(...values);
const max = (values: readonly number[]) => Math.max(...values);

describe('the tiers presets make their point', () => {
	test('database-bottleneck: web servers are added and do nothing for p99 or the 500s; a bigger database class does', () => {
		const {summary, lines, state} = run('database-bottleneck');
		// Saturated (14–25 min): the database at 100 %, named the bottleneck, p99 at its 30 s timeout, the targets answer 500.
		const saturated = between(lines, 14 * 60, 25 * 60);
		expect(saturated.every(line => line.bottleneck === 'database' && (line.tierCpu.database ?? 0) >= 99)).toBe(true);
		expect(saturated.every(line => line.errors['500'] > 0 && line.latencyP99 > 20_000)).toBe(true);
		// Meanwhile the web tier grows and its CPU stays near the 50 % target.
		const webEarly = between(lines, 14 * 60, 16 * 60);
		const webLate = between(lines, 22 * 60, 25 * 60);
		expect(min(webLate.map(line => line.desired))).toBeGreaterThan(max(lines.slice(0, 3).map(line => line.desired)));
		expect(max(saturated.map(line => line.cpuAvg))).toBeLessThan(70);
		// More web servers did not help: p99 and the 500s are no better at 22–25 min than at 14–16 min.
		const p99 = (part: readonly MetricsLine[]) => part.reduce((sum, line) => sum + line.latencyP99, 0) / part.length;
		const errorShare = (part: readonly MetricsLine[]) => part.reduce((sum, line) => sum + line.errors['500'], 0) / part.reduce((sum, line) => sum + (line.arrivalRate * 60), 0);
		expect(p99(webLate)).toBeGreaterThan(0.9 * p99(webEarly));
		expect(errorShare(webLate)).toBeGreaterThan(0.9 * errorShare(webEarly));
		// The database modified to db.m5.xlarge at 25 min: out for one Multi-AZ failover, then no errors and p99 back under a second.
		expect(between(lines, 25 * 60, 27 * 60).some(line => line.completedRate === 0)).toBe(true);
		const after = between(lines, 28 * 60, 40 * 60);
		expect(after.every(line => line.errors['500'] === 0 && line.latencyP99 < 1000 && (line.tierCpu.database ?? 100) < 95)).toBe(true);
		// The failure showed where AWS shows it: target 5xx (500), never the ELB's own.
		expect(lines.every(line => elbErrorsOf(line) === 0)).toBe(true);
		expect(summary.errors['500']).toBe(summary.requests.failed);
		const targetErrors = ringValues(state.cloudwatch['HTTPCode_Target_5XX_Count']!, 60);
		expect(targetErrors.reduce((a, b) => a + Math.max(0, b), 0)).toBe(summary.errors['500']);
		expect(ringValues(state.cloudwatch['HTTPCode_ELB_5XX']!, 60).every(v => v <= 0)).toBe(true);
		// The summary's tiers say the same.
		expect(summary.tiers.database!.bottleneckSeconds).toBeGreaterThan(0.8 * summary.simulatedSeconds);
		expect(summary.tiers.database!.peakUtilisation).toBe(100);
		expect(summary.tiers.database!.latencyMs.p99).toBeGreaterThan(summary.tiers.web.latencyMs.p99 * 10);
		expect(summary.tiers.database!.costUsd).toBeGreaterThan(0);
	});

	test('scale-out-journey: each step moves the bottleneck (one box → database apart → middleware apart → replicas → load balancer)', () => {
		const {summary, lines} = run('scale-out-journey');
		const all = (part: readonly MetricsLine[], check: (line: MetricsLine) => boolean) => part.length > 0 && part.every(line => check(line));
		// One box: only the web tier, the bottleneck; then overloaded at 70 req/s (59.5 req/s of capacity).
		expect(all(between(lines, 60, 300), line => line.bottleneck === 'web' && line.tierCpu.database === undefined)).toBe(true);
		expect(all(between(lines, 420, 480), line => line.latencyP99 > 5000)).toBe(true);
		// The database apart: the web server (still running the middleware) stays the bottleneck, far busier than the database.
		expect(all(between(lines, 660, 780), line => line.bottleneck === 'web' && line.tierCpu.web > 2 * (line.tierCpu.database ?? 0))).toBe(true);
		// The middleware apart: the web server does 3.6 ms a request; the database is the busiest.
		expect(all(between(lines, 840, 960), line => line.bottleneck === 'database' && line.tierCpu.web < 30 && line.tierCpu.app !== undefined)).toBe(true);
		// 300 req/s: the database near saturation.
		expect(all(between(lines, 1020, 1440), line => line.bottleneck === 'database' && (line.tierCpu.database ?? 0) > 80)).toBe(true);
		// Three replicas serve (from 24 min): the one web server is the busiest again; at 500 req/s it is near saturation.
		expect(all(between(lines, 1500, 1800), line => line.bottleneck === 'web' && (line.tierCpu.database ?? 100) < 60)).toBe(true);
		expect(all(between(lines, 1860, 1980), line => line.bottleneck === 'web' && line.tierCpu.web > 75)).toBe(true);
		// Three web servers behind the load balancer: the six app servers are the bottleneck now.
		expect(all(between(lines, 2220, 2400), line => line.bottleneck === 'app' && line.tierCpu.web < 40)).toBe(true);
		// Every tier was the bottleneck for a while; nothing failed once the database was apart.
		expect(summary.tiers.web.bottleneckSeconds).toBeGreaterThan(600);
		expect(summary.tiers.app!.bottleneckSeconds).toBeGreaterThan(300);
		expect(summary.tiers.database!.bottleneckSeconds).toBeGreaterThan(600);
		expect(summary.tiers.app!.nodes).toBe(6);
		expect(summary.tiers.database!.nodes).toBe(4);
		expect(between(lines, 660, 2400).every(line => elbErrorsOf(line) + line.errors['500'] === 0)).toBe(true);
	});
});
