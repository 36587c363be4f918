/**
 * The cache in front of the database (issue 10; docs/tiers.md "Cache"): every read asks the
 * cache first, `hitRatio` of them end there, the misses and every write go on to the database.
 * Judged against the closed form (the database's load falls from (w + r) to (w + (1 − h) r)
 * queries per request; the Jackson network's mean) and against the per-request oracle
 * (test/helpers/des/network-des.ts with a cache: each read a hit or a miss drawn on its own).
 */
import {describe, expect, it} from 'vitest';
import {cacheLookupCpuMs, cacheNodeTypes} from '../../source/sim/catalog.js';
import {advance, createInitialState, makeConfig, selectSummary, type SimConfig} from '../../source/sim/index.js';
import {handleCacheToggled} from '../../source/sim/handlers/cache.js';
import {handleBaseRateSet} from '../../source/sim/handlers/traffic.js';
import {runTick, type TickCarry} from '../../source/sim/tick.js';
import type {SimState} from '../../source/sim/types.js';
import type {Working} from '../../source/sim/working.js';
import {runTandemDes} from '../helpers/des/network-des.js';
import {mean} from '../helpers/des/stats.js';

const webCpuMs = 21.6;
const reads = 10;
const writes = 2;
const queryMs = 2;

function erlangC(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + (a * b));
	return b / (1 - ((a / c) * (1 - b)));
}

/** Mean sojourn of M/M/c, seconds. */
function mmcSojourn(lambda: number, mu: number, c: number): number {
	return (erlangC(c, lambda / mu) / ((c * mu) - lambda)) + (1 / mu);
}

function config(rate: number, seed: number, hitRatio: number | undefined, timeoutSeconds = 600, instanceType = 'c5.large'): SimConfig {
	return makeConfig({
		seed,
		autoScaling: {min: 1, max: 1, desired: 1, instanceType, zones: ['us-east-1a'], healthCheckType: 'EC2'},
		loadBalancer: {kind: 'application', surgeQueueLength: 0},
		app: {webCpuMs: 3.6, appCpuMs: webCpuMs - 3.6, dbReads: reads, dbWrites: writes, dbQueryCpuMs: queryMs, timeoutMs: 600_000, backlogPerVcpu: 100_000},
		tiers: {database: {placement: 'dedicated', instanceClass: 'db.t3.micro', timeoutSeconds}, ...(hitRatio === undefined ? {} : {cache: {nodeType: 'cache.t3.micro', hitRatio}})},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: rate},
	});
}

type Run = {latencySumMs: number; completed: number; databaseCpu: number; cacheCpu: number; final: SimState};

/** Run `ticks` ticks; the sums count from `warm`. Conservation is checked at every tick. */
function runModel(c: SimConfig, ticks: number, warm: number, each?: (s: Working, tick: number) => void): Run {
	const s = structuredClone(createInitialState(c)) as Working;
	const carry: TickCarry = {};
	const out: Run = {latencySumMs: 0, completed: 0, databaseCpu: 0, cacheCpu: 0, final: s};
	for (let k = 0; k < ticks; k++) {
		each?.(s, k);
		const before = s.latency.sumMs;
		runTick(s, carry);
		if (k >= warm) {
			out.latencySumMs += s.latency.sumMs - before;
			out.completed += s.flow.completed;
			out.databaseCpu += s.dataPlane.database.cpuPercent[0]! / (ticks - warm);
			out.cacheCpu += (s.dataPlane.cache.cpuPercent[0] ?? 0) / (ticks - warm);
		}

		expect(s.totals.arrived).toBeCloseTo(s.totals.completed + s.totals.failed + s.flow.inFlight, 6);
	}

	return out;
}

describe('the cache in front of the database', () => {
	it('the database\'s load falls by the hit ratio (closed form and oracle), and the mean end to end is the Jackson network\'s within 5 %', () => {
		const lambda = 50;
		const hitRatio = 0.8;
		const seconds = 3000;
		const warm = 300;
		const c = cacheNodeTypes['cache.t3.micro']!.vcpus;
		// Closed form: the database does w + (1 − h) r queries per request instead of w + r.
		const databaseQueries = writes + (reads * (1 - hitRatio));
		const withoutPercent = 100 * lambda * (writes + reads) * queryMs / 1000 / 2;
		const withPercent = 100 * lambda * databaseQueries * queryMs / 1000 / 2;
		expect(withoutPercent).toBeCloseTo(60, 6);
		expect(withPercent).toBeCloseTo(20, 6);
		const without = runModel(config(lambda, 5, undefined), seconds, warm);
		const withCache = runModel(config(lambda, 5, hitRatio), seconds, warm);
		expect(without.databaseCpu).toBeCloseTo(withoutPercent, -0.5);
		expect(withCache.databaseCpu).toBeCloseTo(withPercent, -0.5);
		expect(withCache.databaseCpu / without.databaseCpu).toBeCloseTo(databaseQueries / (writes + reads), 1);
		// The cache node: r lookups per request of cacheLookupCpuMs each over its vCPUs.
		expect(withCache.cacheCpu).toBeCloseTo(100 * lambda * reads * cacheLookupCpuMs / 1000 / c, 0);
		// Jackson: web M/M/2, r visits to the cache (M/M/c at rλ), w + (1 − h) r to the database.
		const jacksonMs = 1000 * (mmcSojourn(lambda, 1000 / webCpuMs, 2)
			+ (reads * mmcSojourn(reads * lambda, 1000 / cacheLookupCpuMs, c))
			+ (databaseQueries * mmcSojourn(databaseQueries * lambda, 1000 / queryMs, 2)));
		const modelMean = withCache.latencySumMs / withCache.completed;
		expect(Math.abs(modelMean / jacksonMs - 1), `model ${modelMean} vs ${jacksonMs} ms`).toBeLessThan(0.05);
		// The oracle draws each read's hit or miss: its database is as busy as the closed form says, its mean the Jackson one.
		const des = runTandemDes({
			seed: 11, durationSeconds: seconds, rate: () => lambda, servers: 2, serviceMeanSeconds: webCpuMs / 1000, serviceCv: 1,
			database: {servers: 2, serviceMeanSeconds: queryMs / 1000, visits: reads + writes},
			cache: {servers: c, serviceMeanSeconds: cacheLookupCpuMs / 1000, reads, hitRatio},
		});
		let busy = 0;
		for (let k = warm; k < seconds; k++) busy += des.ticks.databaseBusySeconds[k]!;
		expect(100 * busy / 2 / (seconds - warm)).toBeCloseTo(withPercent, -0.5);
		expect(Math.abs(mean(des.latenciesMs) / jacksonMs - 1), `oracle ${mean(des.latenciesMs)} vs ${jacksonMs} ms`).toBeLessThan(0.03);
		// The summary: hit rate and lookups, the cache's own time per request (r lookups).
		const summary = selectSummary(withCache.final);
		expect(summary.tiers.cache?.hitRate).toBeCloseTo(100 * hitRatio, 6);
		expect(summary.tiers.cache?.lookups).toBe(Math.round(withCache.final.cache!.lookups));
		expect(summary.tiers.cache?.latencyMs.mean).toBeCloseTo(reads * 1000 * mmcSojourn(reads * lambda, 1000 / cacheLookupCpuMs, c), 0);
	});

	it('an overloaded database comes back under its capacity when the cache is turned on, and requests are conserved at every tick through on, off and on again', () => {
		// 150 req/s: 12 queries × 2 ms over 2 vCPUs is 180 % of the database; with the cache 4 queries, 60 %
		// (the web tier, a c5.xlarge, at 81 %).
		const s0 = config(150, 3, 0.8, 10, 'c5.xlarge');
		const c = {...s0, tiers: {...s0.tiers, cache: {...s0.tiers.cache!, enabled: false}}};
		const on = (s: Working, tick: number): void => {
			if (tick === 120 || tick === 600) handleCacheToggled(s, {type: 'cache/toggled', isEnabled: true});
			if (tick === 400) handleCacheToggled(s, {type: 'cache/toggled', isEnabled: false});
			if (tick === 900) handleBaseRateSet(s, {type: 'traffic/base-rate-set', ratePerSecond: 60});
		};

		const failedAt: number[] = [];
		const s = structuredClone(createInitialState(c)) as Working;
		const carry: TickCarry = {};
		for (let k = 0; k < 1200; k++) {
			on(s, k);
			runTick(s, carry);
			failedAt.push(s.totals.failed);
			expect(s.totals.arrived).toBeCloseTo(s.totals.completed + s.totals.failed + s.flow.inFlight, 6);
		}

		// Off, the database times out (500s); on, it keeps up: no new failures once the backlog is gone.
		expect(failedAt[119]!).toBeGreaterThan(0);
		expect(failedAt[399]! - failedAt[200]!).toBe(0);
		expect(failedAt[599]! - failedAt[450]!).toBeGreaterThan(0);
		expect(failedAt[1199]! - failedAt[700]!).toBe(0);
		expect(s.dataPlane.cache.served.length).toBe(1);
		expect(s.events.map(e => e.message).filter(text => text.includes('scaletop-cache'))).toEqual([
			expect.stringContaining('cache on: scaletop-cache (cache.t3.micro) in front of scaletop-db'),
			expect.stringContaining('cache off: scaletop-cache: off'),
			'scaletop-cache: node deleted (cache.t3.micro)',
			expect.stringContaining('cache on: scaletop-cache (cache.t3.micro) in front of scaletop-db'),
		]);
	});

	it('is billed per node-hour, a partial hour as a full one; the total never decreases; the fixed-peak fleet pays the same whole hours', () => {
		const price = cacheNodeTypes['cache.t3.micro']!.priceUsdPerHour;
		let s: SimState = createInitialState(config(20, 1, 0.8));
		let total = 0;
		const cacheCost: number[] = [];
		for (let minute = 1; minute <= 70; minute++) {
			s = advance(s, 60);
			expect(s.totals.costUsd).toBeGreaterThanOrEqual(total);
			total = s.totals.costUsd;
			cacheCost.push(s.tiers.cache!.costUsd);
		}

		expect(cacheCost[0]).toBeCloseTo(price, 9);
		expect(cacheCost[59]).toBeCloseTo(price, 9);
		expect(cacheCost[60]).toBeCloseTo(2 * price, 9);
		const summary = selectSummary(s);
		expect(summary.tiers.cache?.costUsd).toBeCloseTo(2 * price, 6);
		expect(summary.cost.fixedPeakFleetUsd).toBeGreaterThanOrEqual(summary.cost.totalUsd);
		// Without the cache the same run costs exactly its two node-hours less.
		const plain = advance(createInitialState(config(20, 1, undefined)), 4200);
		expect(s.totals.costUsd - plain.totals.costUsd).toBeCloseTo(2 * price, 9);
	});

	it('turned off and on again is a new node: a new first hour', () => {
		const price = cacheNodeTypes['cache.t3.micro']!.priceUsdPerHour;
		const run = runModel(config(20, 1, 0.8), 900, 0, (s, tick) => {
			if (tick === 300) handleCacheToggled(s, {type: 'cache/toggled', isEnabled: false});
			if (tick === 600) handleCacheToggled(s, {type: 'cache/toggled', isEnabled: true});
		});
		expect(run.final.tiers.cache!.costUsd).toBeCloseTo(2 * price, 9);
	});

	it('is refused in front of a colocated database, and a hit ratio outside [0, 1] is refused', async () => {
		const s = structuredClone(createInitialState(makeConfig({}))) as Working;
		handleCacheToggled(s, {type: 'cache/toggled', isEnabled: true});
		expect(s.cache).toBeNull();
		expect(s.events.at(-1)?.message).toBe('cache on refused: a cache sits in front of a database of its own, and the database runs on the web instances (tiers.database.placement: colocated)');
		const {checkConfig} = await import('../../source/sim/index.js');
		expect(checkConfig(config(20, 1, 1.2))).toContain('tiers.cache.hitRatio: must be from 0 to 1, got 1.2.');
		expect(checkConfig(config(20, 1, -0.1))).toContain('tiers.cache.hitRatio: must be from 0 to 1, got -0.1.');
		expect(checkConfig(config(20, 1, 1))).toEqual([]);
	});
});
