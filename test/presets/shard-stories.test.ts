/**
 * The replicas-and-shards and database-failover presets (issue 10), run headless with a metrics
 * line a second, show their point in their numbers.
 */
import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import type {MetricsLine} from '../../source/sim/index.js';
import {ringValues} from '../../source/sim/systems/ring.js';

function run(name: string) {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	const lines: MetricsLine[] = [];
	const result = runHeadless({config: loaded.config, intervalSeconds: 1, onMetrics: line => lines.push(line)});
	expect(result.violations).toEqual([]);
	return {...result, lines};
}

const between = (lines: readonly MetricsLine[], fromMinutes: number, toMinutes: number) => lines.filter(line => line.t > fromMinutes * 60 && line.t <= toMinutes * 60);
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const databaseCpu = (lines: readonly MetricsLine[], from: number, to: number) => mean(between(lines, from, to).map(line => line.tierCpu.database ?? 0));

describe('the shard and failover presets make their point', () => {
	test('replicas-and-shards: the first replica helps, the second much less (writes dominate); sharding splits the writes; skewed users make a hot shard', () => {
		const {summary, lines} = run('replicas-and-shards');
		const alone = databaseCpu(lines, 1, 5);
		const oneReplica = databaseCpu(lines, 6, 11);
		const twoReplicas = databaseCpu(lines, 13, 17);
		const sharded = databaseCpu(lines, 18, 20);
		// Measured (seed 21): 96 %, 67 %, 59 %, 44 % (the busiest database node, each second).
		expect(alone).toBeGreaterThan(90);
		expect(alone - oneReplica).toBeGreaterThan(20);
		expect(oneReplica - twoReplicas).toBeLessThan((alone - oneReplica) / 2);
		expect(twoReplicas - sharded).toBeGreaterThan(10);
		expect(mean(between(lines, 1, 5).map(line => line.latencyP99))).toBeGreaterThan(3 * mean(between(lines, 18, 20).map(line => line.latencyP99)));
		// Users 5001-10000 (shard 2 from 17 min, 13 minutes) make 1 − 0.5^0.5 = 29.3 % of 160 req/s; users 2501-5000 (from 25 min) 0.5^0.5 − 0.25^0.5 = 20.7 %.
		const shards = summary.tiers.database!.shards!;
		expect(shards.map(shard => shard.users)).toEqual(['1-2500', '2501-5000', '5001-10000']);
		expect(Math.abs((shards[2]!.requests / (160 * 13 * 60)) - (1 - Math.SQRT1_2))).toBeLessThan(0.01);
		expect(Math.abs((shards[1]!.requests / (160 * 5 * 60)) - (Math.SQRT1_2 - 0.5))).toBeLessThan(0.015);
		// The hot shard: users 1-2500 still the busiest after the second split.
		expect(shards[0]!.peakUtilisation).toBeGreaterThan(shards[1]!.peakUtilisation);
		expect(summary.tiers.database!.nodes).toBe(5);
		expect(summary.requests.failed).toBe(0);
	});

	test('database-failover: the primary fails at 5 min; 500s (target 5xx) for the 5-minute promotion, none after; the replica is the primary', () => {
		const {summary, lines, state} = run('database-failover');
		const errors = (from: number, to: number) => between(lines, from, to).reduce((sum, line) => sum + line.errors['500'], 0);
		const arrived = (from: number, to: number) => between(lines, from, to).reduce((sum, line) => sum + line.arrivalRate, 0);
		expect(errors(0, 5)).toBe(0);
		// The window: every request fails (what reached the database; the web tier holds a few).
		expect(errors(5, 10) / arrived(5, 10)).toBeGreaterThan(0.97);
		expect(errors(10.05, 20)).toBe(0);
		expect(summary.errors['500']).toBe(summary.requests.failed);
		expect(summary.errors['502'] + summary.errors['503'] + summary.errors['504']).toBe(0);
		expect(ringValues(state.cloudwatch['HTTPCode_ELB_5XX']!, 60).every(v => v <= 0)).toBe(true);
		expect(state.database!.shards[0]!.id).toBe('scaletop-db-replica-1');
		expect(state.events.map(e => e.message)).toContain('scaletop-db-replica-1: promoted to primary (was a read replica of scaletop-db)');
		// The new replica joined at 17 min: the primary and one replica again.
		expect(summary.tiers.database!.nodes).toBe(2);
	});
});
