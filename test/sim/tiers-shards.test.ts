/**
 * Shards (issue 10, docs/tiers.md "Shards"): each request goes to the shard owning its user;
 * writes only to that shard's primary, reads to its nodes; uniform users split the load evenly,
 * userSkew 1 puts it all on the first shard; requests conserved every tick; billing per shard;
 * located errors for bad shard settings.
 */
import {describe, expect, it} from 'vitest';
import {advance, checkConfig, createInitialState, makeConfig, selectSummary, step, type SimConfig, type SimState} from '../../source/sim/index.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';

const problems = (text: string): string[] => {
	const result = parsePreset(text, {file: 'p.yaml'});
	return result.ok ? [] : result.problems.map(problem => formatProblem(problem));
};

const queryMs = 1;

function config(options: {shards: number; userSkew?: number; replicas?: number; reads?: number; writes?: number; rate?: number; seconds?: number}): SimConfig {
	return makeConfig({
		seed: 7,
		durationSeconds: options.seconds ?? 600,
		autoScaling: {min: 2, max: 2, desired: 2, instanceType: 'c5.2xlarge', zones: ['us-east-1a'], healthCheckType: 'EC2'},
		loadBalancer: {kind: 'application', surgeQueueLength: 0},
		app: {webCpuMs: 3.6, appCpuMs: 18, dbReads: options.reads ?? 10, dbWrites: options.writes ?? 2, dbQueryCpuMs: queryMs, timeoutMs: 600_000, backlogPerVcpu: 100_000},
		tiers: {database: {placement: 'dedicated', instanceClass: 'db.t3.micro', timeoutSeconds: 10, replicas: options.replicas ?? 0, shards: options.shards, userSkew: options.userSkew ?? 0}},
		users: {active: 10_000, writeShare: 0.1},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: options.rate ?? 80},
	});
}

function conserved(s: SimState): boolean {
	return s.totals.arrived === s.totals.completed + s.totals.failed + s.flow.inFlight;
}

/** Mean CPU of database member k over the last `ticks` ticks, percent (stepping one tick at a time). */
function memberCpu(s0: SimState, ticks: number, members: number): {end: SimState; cpu: number[]} {
	let s = s0;
	const sums = Array.from({length: members}, () => 0);
	for (let t = 0; t < ticks; t++) {
		s = advance(s, 1);
		for (let k = 0; k < members; k++) sums[k]! += s.dataPlane.database.cpuPercent[k]!;
	}

	return {end: s, cpu: sums.map(sum => sum / ticks)};
}

describe('shards', () => {
	it('users 1-2500, 2501-5000 … : four equal ranges of 10,000 users, each shard its own primary', () => {
		const s = createInitialState(config({shards: 4}));
		expect(s.database!.shards.map(shard => [shard.id, shard.firstUser, shard.lastUser])).toEqual([
			['scaletop-db-shard-1', 1, 2500], ['scaletop-db-shard-2', 2501, 5000], ['scaletop-db-shard-3', 5001, 7500], ['scaletop-db-shard-4', 7501, 10_000],
		]);
		expect(s.dataPlane.database.served).toHaveLength(4);
	});

	it('uniform users split the load evenly: each of 4 shards takes a quarter of the requests and a quarter of the CPU of one primary', () => {
		const summary = selectSummary(advance(createInitialState(config({shards: 4, rate: 120})), 600));
		const one = selectSummary(advance(createInitialState(config({shards: 1, rate: 120})), 600));
		const shards = summary.tiers.database!.shards!;
		const total = shards.reduce((sum, shard) => sum + shard.requests, 0);
		// Every request that reached the database went to one shard: completed, or still in flight.
		expect(total).toBeGreaterThanOrEqual(summary.requests.completed);
		expect(total).toBeLessThanOrEqual(summary.requests.completed + summary.requests.inFlight);
		for (const shard of shards) {
			expect(Math.abs((shard.requests / total) - 0.25)).toBeLessThan(0.01);
			// 120 req/s × 12 queries × 1 ms on 2 vCPUs: 72 % on one primary, 18 % on each of four.
			expect(Math.abs(shard.cpuAvg - 18)).toBeLessThan(1.5);
		}

		expect(Math.abs(one.tiers.database!.cpuAvg - 72)).toBeLessThan(3);
		expect(summary.errors['500']).toBe(0);
	});

	it('userSkew 1 puts every request on the first shard: the others stay idle', () => {
		const summary = selectSummary(advance(createInitialState(config({shards: 3, userSkew: 1})), 300));
		const shards = summary.tiers.database!.shards!;
		expect(shards[0]!.requests).toBeGreaterThanOrEqual(summary.requests.completed);
		expect(shards.slice(1).map(shard => [shard.requests, shard.cpuAvg])).toEqual([[0, 0], [0, 0]]);
	});

	it('userSkew 0.5 over two shards: the first (users 1-5000) makes 0.5^0.5 = 70.7 % of the requests, a hot shard', () => {
		const summary = selectSummary(advance(createInitialState(config({shards: 2, userSkew: 0.5})), 600));
		const [first, second] = summary.tiers.database!.shards!;
		expect(Math.abs((first!.requests / (first!.requests + second!.requests)) - Math.SQRT1_2)).toBeLessThan(0.01);
		expect(first!.cpuAvg / second!.cpuAvg).toBeGreaterThan(2.2);
	});

	it('writes go only to the owning shard\'s primary: a write-only app on 2 shards with a replica each loads each primary by its users\' share, and each replica applies only its own primary\'s writes', () => {
		// Members: shard 1 primary, its replica, shard 2 primary, its replica. Shares 0.707 / 0.293.
		const {cpu} = memberCpu(advance(createInitialState(config({shards: 2, userSkew: 0.5, replicas: 1, reads: 0, writes: 4, rate: 200})), 60), 600, 4);
		const expected = (share: number) => 100 * 200 * share * 4 * queryMs / 1000 / 2;
		expect(Math.abs(cpu[0]! - expected(Math.SQRT1_2)) / expected(Math.SQRT1_2)).toBeLessThan(0.05);
		expect(Math.abs(cpu[2]! - expected(1 - Math.SQRT1_2)) / expected(1 - Math.SQRT1_2)).toBeLessThan(0.05);
		// No reads: the replicas get no requests, so no applies are counted on them either.
		expect(cpu[1]).toBe(0);
		expect(cpu[3]).toBe(0);
	});

	it('reads go to the shard\'s own nodes: with a replica per shard and every user on shard 1, shard 2\'s primary and replica stay idle', () => {
		const {cpu} = memberCpu(createInitialState(config({shards: 2, userSkew: 1, replicas: 1})), 300, 4);
		expect(cpu[0]).toBeGreaterThan(5);
		expect(cpu[1]).toBeGreaterThan(5);
		expect(cpu[2]).toBe(0);
		expect(cpu[3]).toBe(0);
	});

	it('conserves requests at every tick across shards, their replicas, a replica killed and a class change', () => {
		let s = createInitialState(config({shards: 3, userSkew: 0.4, replicas: 1, rate: 150}));
		for (let t = 0; t < 900; t++) {
			if (t === 200) s = step(s, {type: 'database/replica-killed'});
			if (t === 400) s = step(s, {type: 'database/modify-requested', instanceClass: 'db.t3.small'});
			s = advance(s, 1);
			expect(conserved(s)).toBe(true);
		}
	});

	it('bills every shard: 4 shards of db.t3.micro cost 4 × $0.017/h, each with its 10-minute minimum', () => {
		const s = advance(createInitialState(config({shards: 4})), 1200);
		expect(s.tiers.database!.usdPerHour).toBeCloseTo(4 * 0.017, 9);
		expect(s.tiers.database!.costUsd).toBeCloseTo(4 * 0.017 * 1200 / 3600, 6);
	});

	it('bad shard settings give located one-line errors', () => {
		const base = 'users: { active: 10000 }\ntiers: { database: { placement: dedicated, ';
		expect(problems(`${base}shards: 0 } }\n`)).toEqual(['p.yaml:2:52 tiers.database.shards: expected at least 1 shard (a primary owning every user), got 0']);
		expect(problems(`${base}userSkew: 1.5 } }\n`)).toEqual(['p.yaml:2:54 tiers.database.userSkew: expected a number from 0 (every user alike) to 1 (every request from the first user), got 1.5']);
		expect(problems(`${base}userSkew: -0.1 } }\n`)[0]).toMatch(/^p\.yaml:2:54 tiers\.database\.userSkew: expected a number from 0/);
		expect(problems(`${base}shardRanges: [1-1000, 1001-9000] } }\n`)).toEqual(['p.yaml:2:66 tiers.database.shardRanges[1]: the ranges end at user 9000, so users 9001-10000 of users.active (10000) have no shard']);
		expect(problems(`${base}shardRanges: [1-1000, 1201-10000] } }\n`)).toEqual(['p.yaml:2:66 tiers.database.shardRanges[1]: shard 2 (users 1201-10000) leaves users 1001-1200 without a shard']);
		expect(problems(`${base}shards: 3, shardRanges: [1-1000, 1001-10000] } }\n`)).toEqual(['p.yaml:2:68 tiers.database.shardRanges: expected 3 ranges, one per shard, got 2']);
		expect(problems(`${base}shardRanges: [1-a] } }\n`)[0]).toMatch(/^p\.yaml:2:\d+ tiers\.database\.shardRanges\[0\]: expected a range of user ids like 1-1000/);
		expect(problems('tiers: { database: { placement: dedicated, shards: 2 } }\n')).toEqual(['p.yaml:1:44 tiers.database.shards: shards own ranges of users; add a users section (users: { active: N })']);
		expect(problems('users: { active: 10 }\ntiers: { database: { shards: 2 } }\n')).toEqual(['p.yaml:2:22 tiers.database.shards: a shard is a primary of its own; add placement: dedicated, or remove shards']);
		expect(problems('tiers: { database: { replicas: 1 } }\n')).toEqual(['p.yaml:1:22 tiers.database.replicas: a read replica needs a primary of its own; add placement: dedicated, or remove replicas']);
		expect(checkConfig(makeConfig({tiers: {database: {placement: 'dedicated', shards: 0}}}))).toContain('tiers.database.shards: must be a whole number from 1 to 40, got 0.');
		expect(checkConfig(makeConfig({users: {active: 100, writeShare: 0}, tiers: {database: {placement: 'dedicated', shards: 2, shardRanges: [{firstUser: 1, lastUser: 40}, {firstUser: 41, lastUser: 90}]}}}))).toContain('tiers.database.shardRanges[1]: the ranges end at user 90, so users 91-100 of users.active (100) have no shard.');
	});
});
