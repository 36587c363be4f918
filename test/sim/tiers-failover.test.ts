/**
 * fail-database-primary and add-shard (issue 10, docs/tiers.md): Multi-AZ fails over to the
 * standby in 90 s, a replica is promoted in 5 minutes without Multi-AZ, a lone Single-AZ primary
 * is recovered in 5 minutes; errors in the window are target 5xx (500), none after; requests
 * conserved every tick. add-shard splits the busiest shard where its requests halve.
 */
import {describe, expect, it} from 'vitest';
import {advance, createInitialState, makeConfig, selectSummary, step, type SimConfig, type SimState} from '../../source/sim/index.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';

function config(database: {multiAz?: boolean; replicas?: number; shards?: number; userSkew?: number}, rate = 40): SimConfig {
	return makeConfig({
		seed: 3,
		durationSeconds: 900,
		autoScaling: {min: 2, max: 2, desired: 2, instanceType: 'c5.large', zones: ['us-east-1a', 'us-east-1b'], healthCheckType: 'EC2'},
		tiers: {database: {placement: 'dedicated', instanceClass: 'db.t3.small', multiAz: database.multiAz ?? false, replicas: database.replicas ?? 0, shards: database.shards ?? 1, userSkew: database.userSkew ?? 0}},
		users: {active: 10_000, writeShare: 0.1},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: rate},
	});
}

function conserved(s: SimState): boolean {
	return s.totals.arrived === s.totals.completed + s.totals.failed + s.flow.inFlight;
}

/** Run to `failAt` s, fail shard `shard`'s primary, and count the 500s of each second after it, checking conservation every tick. */
function failAndWatch(c: SimConfig, failAt: number, seconds: number, shard?: number): {perSecond: number[]; end: SimState} {
	let s = step(advance(createInitialState(c), failAt), {type: 'database/primary-failed', ...(shard ? {shard} : {})});
	const perSecond: number[] = [];
	for (let t = 0; t < seconds; t++) {
		const before = s.totals.errors['500'];
		s = advance(s, 1);
		expect(conserved(s)).toBe(true);
		perSecond.push(s.totals.errors['500'] - before);
	}

	return {perSecond, end: s};
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('fail-database-primary', () => {
	it('Multi-AZ: every request fails with 500 for the 90 s failover, then none; the standby serves as primary', () => {
		const {perSecond, end} = failAndWatch(config({multiAz: true}), 120, 240);
		// 40 req/s for 90 s, and what the primary held when it failed.
		expect(perSecond.slice(1, 89).every(n => n > 0)).toBe(true);
		expect(Math.abs(sum(perSecond.slice(0, 92)) - (40 * 90)) / (40 * 90)).toBeLessThan(0.08);
		expect(sum(perSecond.slice(95))).toBe(0);
		expect(end.events.map(e => e.message)).toContain('scaletop-db: Multi-AZ instance failover completed (the standby is the primary)');
		const summary = selectSummary(end);
		expect(summary.errors['502'] + summary.errors['503'] + summary.errors['504']).toBe(0);
	});

	it('Single-AZ with a replica: 500s for the 5-minute promotion, then the replica is the primary (one node fewer)', () => {
		const {perSecond, end} = failAndWatch(config({replicas: 1}), 120, 420);
		expect(Math.abs(sum(perSecond.slice(0, 302)) - (40 * 300)) / (40 * 300)).toBeLessThan(0.05);
		expect(sum(perSecond.slice(305))).toBe(0);
		expect(end.database!.shards[0]!.id).toBe('scaletop-db-replica-1');
		expect(end.database!.shards[0]!.replicas).toEqual([]);
		expect(end.tiers.database!.nodes).toBe(1);
		expect(end.events.map(e => e.message)).toContain('scaletop-db-replica-1: promoted to primary (was a read replica of scaletop-db)');
	});

	it('while the primary is out its replica gets no requests and shows idle (no stale figures from before the failure)', () => {
		const s = advance(step(advance(createInitialState(config({replicas: 1})), 120), {type: 'database/primary-failed'}), 30);
		expect(s.dataPlane.database.cpuPercent[1]).toBe(0);
		expect(s.dataPlane.database.completed[1]).toBe(0);
	});

	it('Single-AZ alone: out for the 5-minute recovery (an assumption), then serving again', () => {
		const {perSecond} = failAndWatch(config({}), 60, 400);
		expect(sum(perSecond.slice(0, 300))).toBeGreaterThan(0.95 * 40 * 300);
		expect(sum(perSecond.slice(305))).toBe(0);
	});

	it('with shards only the failed shard\'s users see errors: shard 2 of 4 fails, a quarter of the requests fail in the window', () => {
		const {perSecond, end} = failAndWatch(config({multiAz: true, shards: 4}), 120, 200, 2);
		expect(Math.abs((sum(perSecond.slice(0, 90)) / (40 * 90)) - 0.25)).toBeLessThan(0.04);
		expect(end.events.at(-1)?.message ?? '').toMatch(/scaletop-db-shard-2: Multi-AZ instance failover completed/);
	});

	it('is refused for a colocated database and a shard that does not exist', () => {
		expect(step(createInitialState(makeConfig()), {type: 'database/primary-failed'}).events.at(-1)?.message).toBe('fail the database primary refused: the database runs on the web instances (tiers.database.placement: colocated)');
		expect(step(createInitialState(config({})), {type: 'database/primary-failed', shard: 3}).events.at(-1)?.message).toBe('fail the database primary of shard 3 refused: the database has 1 shard, not 3');
	});

	it('timeline entries: fail-database-primary (shard optional) and add-shard; a shard number below 1 is a located error', () => {
		const text = 'tiers: { database: { placement: dedicated } }\ntimeline:\n  - { at: 1m, action: fail-database-primary, shard: 0 }\n';
		const result = parsePreset(text, {file: 'p.yaml'});
		expect(result.ok ? [] : result.problems.map(problem => formatProblem(problem))).toEqual(['p.yaml:3:53 timeline[0].shard: expected a shard number from 1, got 0']);
		const ok = parsePreset('tiers: { database: { placement: dedicated } }\nusers: { active: 100 }\ntimeline:\n  - { at: 1m, action: fail-database-primary }\n  - { at: 2m, action: add-shard }\n', {file: 'p.yaml'});
		expect(ok.ok && ok.config.timeline.map(entry => entry.action)).toEqual([{type: 'database/primary-failed'}, {type: 'database/shard-added'}]);
	});
});

describe('add-shard', () => {
	it('splits the busiest shard\'s users in halves: 2 shards at userSkew 0.5, shard 1 (70.7 %) gives users 2501-5000 to a new shard after 5 minutes', () => {
		let s = step(advance(createInitialState(config({shards: 2, userSkew: 0.5}, 150)), 60), {type: 'database/shard-added'});
		for (let t = 0; t < 600; t++) {
			s = advance(s, 1);
			expect(conserved(s)).toBe(true);
		}

		expect(s.database!.shards.map(shard => [shard.id, shard.firstUser, shard.lastUser])).toEqual([
			['scaletop-db-shard-1', 1, 2500], ['scaletop-db-shard-3', 2501, 5000], ['scaletop-db-shard-2', 5001, 10_000],
		]);
		// Skewed users: shard 1 (users 1-2500) still makes 0.25^0.5 = 50 % of the requests, shard 3 the other 20.7 % of the old 70.7 %.
		const before = s.database!.shards.map(shard => shard.requests);
		s = advance(s, 300);
		const dealt = s.database!.shards.map((shard, k) => shard.requests - before[k]!);
		const total = sum(dealt);
		expect(Math.abs((dealt[0]! / total) - 0.5)).toBeLessThan(0.01);
		expect(Math.abs((dealt[1]! / total) - (Math.SQRT1_2 - 0.5))).toBeLessThan(0.01);
		expect(s.tiers.database!.usdPerHour).toBeCloseTo(3 * 0.034, 9);
		expect(s.events.map(e => e.message)).toContain('scaletop-db-shard-3: available; users 2501-5000 moved from scaletop-db-shard-1');
	});

	it('an unsharded database becomes two shards: scaletop-db keeps users 1-5000', () => {
		const s = advance(step(createInitialState(config({}, 40)), {type: 'database/shard-added'}), 400);
		expect(s.database!.shards.map(shard => [shard.id, shard.firstUser, shard.lastUser])).toEqual([['scaletop-db', 1, 5000], ['scaletop-db-shard-2', 5001, 10_000]]);
		expect(s.dataPlane.database.served).toHaveLength(2);
	});

	it('is refused without users to own and while a shard is being created', () => {
		const noUsers = makeConfig({tiers: {database: {placement: 'dedicated'}}});
		expect(step(createInitialState(noUsers), {type: 'database/shard-added'}).events.at(-1)?.message).toBe('add a shard refused: shards own ranges of users, and the preset has no users section');
		const twice = step(step(createInitialState(config({})), {type: 'database/shard-added'}), {type: 'database/shard-added'});
		expect(twice.events.at(-1)?.message).toBe('add a shard refused: a shard is already being created');
	});
});
