/**
 * Issue 10's performance line, section `tiers` of `npm run bench`: the churn day's fleet (about
 * 1,000 c5.large at its peak, bench/churn-day.yaml) with a database of a primary and 5 read
 * replicas (db.r5.xlarge) and a cache in front of it, against the same fleet with no tiers
 * (everything on the web instances). The app's split keeps the web tier's work the same in both
 * (33.6 ms of web and middleware CPU a request; 5 queries of 0.02 ms each, so the database
 * keeps up at 35,000 req/s), so the two runs have the same fleet; the goal is per-tick cost
 * within 15 % (the tiers are O(nodes), a handful, beside O(instances)).
 *
 * Both runs start at the peak; each is timed twice, alternating, and the faster of each kept
 * (the machine is shared). SCALETOP_BENCH_QUICK=1 runs 5 minutes instead of 30.
 */
import type {SimConfig} from '../sim/index.js';
import {churnDayConfig, timeInProcess} from './churn.js';
import type {BenchLine} from './types.js';

/** The app both runs use: web + middleware 33.6 ms, 4 reads and 1 write of 0.02 ms. */
const app = {name: 'bench-tiers', cpuMs: 33.7, cv: 1, timeoutMs: 60_000, backlogPerVcpu: 1000, startSeconds: 30, webCpuMs: 3.6, appCpuMs: 30, dbReads: 4, dbWrites: 1, dbQueryCpuMs: 0.02, staticShare: 0};

/** The churn day at its peak for `seconds`, with the primary, 5 replicas and a cache, or with no tiers. */
export function tiersBenchConfig(seconds: number, hasTiers: boolean): SimConfig {
	const c = churnDayConfig({durationSeconds: seconds, isAtPeak: true});
	return {
		...c,
		app,
		tiers: hasTiers
			? {database: {placement: 'dedicated', instanceClass: 'db.r5.xlarge', multiAz: true, timeoutSeconds: 30, replicas: 5, shards: 1, userSkew: 0, shardRanges: []}, cache: {enabled: true, nodeType: 'cache.r5.xlarge', hitRatio: 0.9}}
			: {database: {...c.tiers.database, placement: 'colocated', replicas: 0}},
	};
}

/** The tiers section's lines. */
export async function bench(): Promise<BenchLine[]> {
	const quick = process.env.SCALETOP_BENCH_QUICK === '1';
	const seconds = quick ? 300 : 1800;
	const plain = tiersBenchConfig(seconds, false);
	const tiered = tiersBenchConfig(seconds, true);
	const runs = [timeInProcess(plain), timeInProcess(tiered), timeInProcess(plain), timeInProcess(tiered)];
	const best = (a: typeof runs[number], b: typeof runs[number]) => (a.cpu <= b.cpu ? a : b);
	const p = best(runs[0]!, runs[2]!);
	const t = best(runs[1]!, runs[3]!);
	const perTick = (r: typeof p) => (r.cpu * 1e6) / r.instanceTicks;
	const ratio = perTick(t) / perTick(p);
	return [
		{name: `peak of the churn day, no tiers, ${seconds / 60} min`, value: `${(p.cpu / 1000).toFixed(1)} s CPU, ${perTick(p).toFixed(0)} ns CPU per instance-tick; ${p.fleet}`},
		{name: '  with a primary, 5 replicas and a cache', value: `${(t.cpu / 1000).toFixed(1)} s CPU, ${perTick(t).toFixed(0)} ns CPU per instance-tick; ${t.fleet}`},
		{name: '  tiers / no tiers, CPU per instance-tick', value: `${ratio.toFixed(3)}`, goal: '≤ 1.15'},
	];
}
