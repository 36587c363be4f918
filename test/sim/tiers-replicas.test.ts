/**
 * Read replicas (issue 10, docs/tiers.md): reads spread over the primary and its replicas,
 * every write applied on every replica, ReplicaLag, the add / remove / kill actions, billing,
 * and the summary's database nodes. The steady state is judged against the Jackson network of
 * the same queues: web M/M/c, then the primary (writes + reads / n visits), then the replicas
 * (each: reads / n visits of its own, plus every write as background apply work).
 */
import {describe, expect, it} from 'vitest';
import {advance, checkConfig, createInitialState, makeConfig, selectSummary, step, type SimConfig, type SimState} from '../../source/sim/index.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';

const problems = (text: string): string[] => {
	const result = parsePreset(text, {file: 'p.yaml'});
	return result.ok ? [] : result.problems.map(problem => formatProblem(problem));
};

function erlangC(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + (a * b));
	return b / (1 - ((a / c) * (1 - b)));
}

/** Mean sojourn of M/M/c, seconds. */
function mmcSojourn(lambda: number, mu: number, c: number): number {
	return (erlangC(c, lambda / mu) / ((c * mu) - lambda)) + (1 / mu);
}

const queryMs = 2;

function config(rate: number, replicas: number, reads = 10, writes = 2, seconds = 900, seed = 1): SimConfig {
	return makeConfig({
		seed,
		durationSeconds: seconds,
		autoScaling: {min: 1, max: 1, desired: 1, instanceType: 'c5.2xlarge', zones: ['us-east-1a'], healthCheckType: 'EC2'},
		loadBalancer: {kind: 'application', surgeQueueLength: 0},
		app: {webCpuMs: 3.6, appCpuMs: 18, dbReads: reads, dbWrites: writes, dbQueryCpuMs: queryMs, timeoutMs: 600_000, backlogPerVcpu: 100_000},
		tiers: {database: {placement: 'dedicated', instanceClass: 'db.t3.micro', timeoutSeconds: 10, replicas}},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: rate},
	});
}

/** The Jackson (Kelly) mean end to end, ms. */
function jacksonMs(rate: number, replicas: number, reads: number, writes: number): number {
	const mu = 1000 / queryMs;
	const n = 1 + replicas;
	const web = mmcSojourn(rate, 1000 / 21.6, 8);
	const primaryVisits = replicas > 0 ? writes + (reads / n) : reads + writes;
	const primary = primaryVisits * mmcSojourn(rate * primaryVisits, mu, 2);
	const replica = replicas > 0 ? replicas * (reads / n) * mmcSojourn(rate * ((reads / n) + writes), mu, 2) : 0;
	return 1000 * (web + primary + replica);
}

function conserved(s: SimState): boolean {
	return s.totals.arrived === s.totals.completed + s.totals.failed + s.flow.inFlight;
}

describe('read replicas', () => {
	it('at steady state the mean end to end is the Jackson network\'s within 5 % (2 replicas, reads / 3 on each node, writes applied on each replica)', () => {
		const rate = 120;
		const expected = jacksonMs(rate, 2, 10, 2);
		const means: number[] = [];
		for (const seed of [1, 2, 3]) {
			const warm = advance(createInitialState(config(rate, 2, 10, 2, 1200, seed)), 120);
			const end = advance(warm, 1080);
			means.push((end.latency.sumMs - warm.latency.sumMs) / (end.totals.completed - warm.totals.completed));
			expect(end.totals.failed).toBe(0);
		}

		const mean = means.reduce((a, b) => a + b, 0) / means.length;
		expect(Math.abs(mean - expected) / expected).toBeLessThan(0.05);
	});

	it('spread the reads: a read-heavy load that overloads a lone primary is served with two replicas', () => {
		// 120 req/s × 12 queries × 2 ms = 2.9 vCPUs on a 2-vCPU primary; with 2 replicas each node does (2 + 10 / 3) × 2 ms × 120 = 1.28.
		const alone = selectSummary(advance(createInitialState(config(120, 0)), 900));
		const spread = selectSummary(advance(createInitialState(config(120, 2)), 900));
		expect(alone.errors['500']).toBeGreaterThan(0.2 * alone.requests.arrived);
		expect(spread.errors['500']).toBe(0);
		expect(spread.latencyMs.p99).toBeLessThan(0.1 * alone.latencyMs.p99);
		expect(spread.tiers.database!.nodes).toBe(3);
		expect(alone.tiers.database!.nodes).toBe(1);
		// Each node ~64 % busy on average (the tier's utilisation is its busiest node's, so a little more).
		expect(spread.tiers.database!.cpuAvg).toBeGreaterThan(58);
		expect(spread.tiers.database!.cpuAvg).toBeLessThan(75);
	});

	it('stop helping when writes dominate: every replica applies every write', () => {
		// 2 reads, 10 writes: the primary keeps 10 + 2 / n queries per request whatever n is:
		// 83 req/s alone, 97 with five replicas (six times the database's nodes for 16 % more).
		const one = selectSummary(advance(createInitialState(config(110, 0, 2, 10)), 900));
		const five = selectSummary(advance(createInitialState(config(110, 5, 2, 10)), 900));
		expect(one.errors['500']).toBeGreaterThan(0.05 * one.requests.arrived);
		expect(five.errors['500']).toBeGreaterThan(0.05 * five.requests.arrived);
		expect(five.throughputPerSecond).toBeLessThan(1.2 * one.throughputPerSecond);
		expect(five.tiers.database!.nodes).toBe(6);
		// …and the replicas are as busy as the primary, applying writes nobody reads there.
		expect(five.tiers.database!.cpuAvg).toBeGreaterThan(90);
		// Read-heavy, the same five replicas take most of the load off.
		const reads = selectSummary(advance(createInitialState(config(110, 5, 10, 2)), 900));
		expect(reads.errors['500']).toBe(0);
	});

	it('ReplicaLag is ~0 on an idle replica and grows while the database is saturated', () => {
		const light = advance(createInitialState(config(40, 1)), 300);
		expect(light.database!.replicaLagSeconds).toBeLessThan(0.05);
		// 1 replica, 10 reads + 2 writes: (2 + 5) × 2 ms per request on each node: 143 req/s each.
		let s = createInitialState(config(170, 1, 10, 2, 900));
		const lags: number[] = [];
		for (let k = 0; k < 6; k++) {
			s = advance(s, 60);
			lags.push(s.database!.replicaLagSeconds);
			expect(conserved(s)).toBe(true);
		}

		expect(Math.max(...lags)).toBeGreaterThan(0.5);
	});

	it('add-replica: created after 5 minutes, then serves reads and is billed from then on, with its own 10-minute minimum', () => {
		let s = createInitialState(config(120, 0, 10, 2, 3600));
		s = advance(s, 60);
		const before = selectSummary(s);
		expect(before.errors['500']).toBeGreaterThan(0);
		s = step(s, {type: 'database/replica-added'});
		expect(s.events.at(-1)?.message).toMatch(/creating a read replica/);
		const usd = s.totals.costUsd;
		s = advance(s, 299);
		expect(s.database!.shards[0]!.replicas).toEqual([]);
		expect(s.dataPlane.database.served.length).toBe(1);
		s = advance(s, 2);
		expect(s.database!.shards[0]!.replicas.map(r => r.id)).toEqual(['scaletop-db-replica-1']);
		expect(s.dataPlane.database.served.length).toBe(2);
		expect(s.events.some(e => /scaletop-db-replica-1: read replica available/.test(e.message))).toBe(true);
		// The replica's first tick bills 600 s of a db.t3.micro ($0.017/h).
		expect(s.tiers.database!.costUsd).toBeGreaterThan(0.017 * 600 / 3600 * 2 - 1e-9);
		expect(s.totals.costUsd).toBeGreaterThan(usd);
		// The backlog drains, then no more time outs: two nodes share the reads ((2 + 5) × 2 ms × 120 = 1.7 vCPUs each).
		s = advance(s, 600);
		const late = s.totals.failed;
		s = advance(s, 300);
		expect(s.totals.failed).toBe(late);
		expect(selectSummary(s).tiers.database!.nodes).toBe(2);
	});

	it('remove-replica drains it without losing a request; kill-replica loses what it held as 500s', () => {
		let s = advance(createInitialState(config(60, 2)), 120);
		const failed = s.totals.failed;
		s = step(s, {type: 'database/replica-removed'});
		s = advance(s, 30);
		expect(s.database!.shards[0]!.replicas.map(r => r.id)).toEqual(['scaletop-db-replica-1']);
		expect(s.totals.failed).toBe(failed);
		expect(s.events.some(e => e.message === 'scaletop-db-replica-2: deleted')).toBe(true);
		expect(conserved(s)).toBe(true);
		// Now 150 req/s on the primary + 1 replica: (2 + 5) × 2 ms × 150 = 2.1 vCPUs each (overloaded), so the replica holds a queue.
		s = step(s, {type: 'traffic/base-rate-set', ratePerSecond: 150});
		s = advance(s, 60);
		const held = s.dataPlane.database.served[1]!;
		expect(held).toBeGreaterThan(10);
		const before500 = s.totals.errors['500'];
		s = step(s, {type: 'database/replica-killed'});
		s = advance(s, 1);
		expect(s.database!.shards[0]!.replicas).toEqual([]);
		expect(s.dataPlane.database.served.length).toBe(1);
		expect(s.totals.errors['500'] - before500).toBeGreaterThanOrEqual(held);
		expect(conserved(s)).toBe(true);
		// Nothing left to kill or remove: refused, said in one line.
		s = step(s, {type: 'database/replica-killed'});
		expect(s.events.at(-1)?.message).toBe('kill a read replica refused: scaletop-db has no read replica serving');
	});

	it('conservation at every tick and a cost that never decreases, through adds, removes and kills', () => {
		let s = createInitialState(config(130, 1, 10, 2, 2000));
		let cost = 0;
		const actions = [{type: 'database/replica-added'}, {type: 'database/replica-killed'}, {type: 'database/replica-added'}, {type: 'database/replica-removed'}] as const;
		for (let k = 0; k < 1500; k++) {
			if (k % 300 === 150) s = step(s, actions[(k - 150) / 300 % actions.length]!);
			s = advance(s, 1);
			expect(conserved(s)).toBe(true);
			expect(s.totals.costUsd).toBeGreaterThanOrEqual(cost);
			cost = s.totals.costUsd;
		}
	});

	it('bad replicas get located one-line errors; a colocated database has no primary to replicate', () => {
		expect(problems('tiers: { database: { replicas: 2 } }\n')).toEqual(['p.yaml:1:22 tiers.database.replicas: a read replica needs a primary of its own; add placement: dedicated, or remove replicas']);
		expect(problems('tiers: { database: { placement: dedicated, replicas: -1 } }\n')[0]).toMatch(/^p\.yaml:1:54 tiers\.database\.replicas: /);
		expect(problems('tiers: { database: { placement: dedicated, replicas: 16 } }\n')[0]).toMatch(/^p\.yaml:1:54 tiers\.database\.replicas: /);
		expect(problems('tiers: { database: { placement: dedicated, replicas: 1.5 } }\n')[0]).toMatch(/^p\.yaml:1:54 tiers\.database\.replicas: /);
		expect(checkConfig(makeConfig({tiers: {database: {replicas: 1}}}))).toContain('tiers.database.replicas: a read replica needs a primary of its own (placement: dedicated).');
		expect(step(createInitialState(makeConfig()), {type: 'database/replica-added'}).events.at(-1)?.message).toBe('add a read replica refused: a read replica needs a dedicated primary (tiers.database.placement: dedicated)');
	});
});
