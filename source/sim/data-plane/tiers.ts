/**
 * The tiers behind the web fleet (docs/tiers.md): the stages of the route after the web nodes,
 * stepped by the same node code (./queue-node.ts), and the per-tier figures (utilisation, the
 * bottleneck, each tier's share of the latency, its cost).
 *
 * **Dedicated database.** One `RouteNodes` member, the primary: c = the class's vCPUs. A request
 * makes q = dbReads + dbWrites sequential queries of `dbQueryCpuMs` each. The node counts in
 * *requests*: service μ_req = 1000 / (q · dbQueryCpuMs) per vCPU, cv 1. An M/M/c(λ, μ/q) has the
 * same offered load and Erlang C as the per-query M/M/c(qλ, μ), and its wait is q times the
 * per-query wait, so its mean sojourn is exactly q × the per-visit sojourn of the Jackson (Kelly)
 * network with the route web → database × q. Its arrivals are the web stage's completions.
 *
 * **Latency along the route.** A request entering the database brings the latency it gathered
 * at the web node: the member's `carriedMs` column holds the sum for what it holds, and its
 * completions carry out their share (the mean of what it holds: FIFO order is kept by the
 * node's cohorts for its own wait, not for the carried part). The database is the last node,
 * so its completions are the end-to-end completions: latency = carried + its own. Percentiles:
 * each database sample is paired with a web sample of the same tick (sojourn times at the
 * successive nodes of an M/M tandem are independent at steady state).
 *
 * **A failure deep in the route** is the target's answer: the app waited past
 * `tiers.database.timeout` (`database-timeout`) or could not connect while the database was out
 * (`database-refused`: a class change, a failover), and answered 500 — `HTTPCode_Target_5XX_Count`,
 * not the ELB's 5xx. The database's queue has no limit of its own (max_connections is not modelled):
 * its timeout bounds it.
 */
import {dbInstanceClasses, dbMinimumBilledSeconds} from '../catalog.js';
import type {SimConfig} from '../config.js';
import {addCompleted, addSample} from '../systems/histogram.js';
import {hash32, nextUnit, type RngState} from '../rng.js';
import type {SimState, TierFigures, TierName} from '../types.js';
import {appendEvent} from '../systems/activity.js';
import type {Working} from '../working.js';
import type {Calibration, CalibrationKey} from './calibration.js';
import type {FailureCounts} from './failures.js';
import {emptyMemberTick, inFlightOf, resetMember, serveMember, type LatencySampler, type MemberTick, type NodeColumns, type NodeTick, type PoolParams} from './queue-node.js';

type MutableHistogram = {counts: number[]; total: number; sumMs: number; maxMs: number};
type Mutable<T> = {-readonly [K in keyof T]: T[K]};
type RouteColumns = NodeColumns & {carriedMs: number[]};

/** Web samples kept per tick for pairing with the database's samples. */
const pairSamples = 64;

/** Is the database a node of its own (not on every web instance)? */
export function hasDedicatedDatabase(config: Pick<SimConfig, 'tiers'>): boolean {
	return config.tiers.database.placement === 'dedicated';
}

/** CPU per request on a web node, ms: everything on one box, or web + middleware when the database is apart. */
export function webCpuMsOf(config: Pick<SimConfig, 'tiers' | 'app'>): number {
	return hasDedicatedDatabase(config) ? config.app.webCpuMs + config.app.appCpuMs : config.app.cpuMs;
}

/** Queries per request (sequential visits to the database). */
export function queriesPerRequest(config: Pick<SimConfig, 'app'>): number {
	return config.app.dbReads + config.app.dbWrites;
}

/** The database's hourly price now, USD/h (0 when colocated: the web instances' price covers it; Multi-AZ: twice). */
export function databaseUsdPerHour(s: Pick<SimState, 'database'>): number {
	const database = s.database;
	if (!database) return 0;
	return (dbInstanceClasses[database.instanceClass]?.priceUsdPerHour ?? 0) * (database.multiAz ? 2 : 1);
}

/** What the route stages reuse from tick to tick (never part of the state). */
export type RouteScratch = {
	readonly key: CalibrationKey;
	readonly member: MemberTick;
	readonly rng: RngState;
	readonly sampleRng: RngState;
	/** This tick's web samples (ms), for pairing; `webSampleCount` of them are valid. */
	readonly webSamples: Float64Array;
	webSampleCount: number;
};

export function emptyRouteScratch(): RouteScratch {
	return {
		key: {lambda: 0, servers: 1, mu: 1, cv: 1, arrivalCv2: 1, lorMembers: 0, lorNodes: 1},
		member: emptyMemberTick(),
		rng: [0],
		sampleRng: [0],
		webSamples: new Float64Array(pairSamples),
		webSampleCount: 0,
	};
}

/**
 * The web stage's sampler when the web node is not the last on the route: its samples go to
 * the web tier's histogram and are kept for pairing, not to the end-to-end histograms.
 */
export function webStageSampler(s: Working, rs: RouteScratch, step: number, rng: RngState): LatencySampler {
	const web = s.tiers.web!.latency as MutableHistogram;
	rs.webSampleCount = 0;
	return {
		step,
		nextAt: nextUnit(rng) * step,
		done: 0,
		samples: 0,
		rng,
		add(ms: number, weight: number): void {
			addSample(web, ms, weight);
			if (rs.webSampleCount < pairSamples) rs.webSamples[rs.webSampleCount++] = ms;
			else rs.webSamples[Math.floor(nextUnit(rng) * pairSamples)] = ms;
		},
	};
}

/** What the route after the web stage did this tick (end to end). */
export type RouteTick = {
	/** Requests that completed the whole route, and their end-to-end latency sum, ms. */
	completed: number;
	latencySumMs: number;
	/** Requests the later stages hold (in flight). */
	inFlight: number;
	/** The database's busy share of its vCPUs, 0–1. */
	databaseBusy: number;
	/** The database's own latency sum of its completions, ms. */
	databaseLatencySumMs: number;
};

/**
 * The database stage for one tick: `arrivals` requests finished at the web tier with
 * `carriedSumMs` of latency between them; `lambda` the rate expected into it (req/s).
 * `calibrationFor` is the network's memo. Failures go into `failures`; the end-to-end
 * completions into `out`.
 */
export function serveDatabase(
	s: Working,
	rs: RouteScratch,
	tickKey: number,
	arrivals: number,
	carriedSumMs: number,
	lambda: number,
	calibrationFor: (key: CalibrationKey) => Calibration,
	recentLatency: MutableHistogram,
	failures: FailureCounts,
	out: RouteTick,
): void {
	const config = s.config;
	const database = s.database!;
	const spec = dbInstanceClasses[database.instanceClass]!;
	const db = s.dataPlane.database as unknown as RouteColumns;
	const tick = s.clock.tick;
	const dt = config.tickSeconds;
	const q = queriesPerRequest(config);
	out.completed = 0;
	out.latencySumMs = 0;
	out.inFlight = 0;
	out.databaseBusy = 0;
	out.databaseLatencySumMs = 0;
	if (db.served.length === 0) return;
	if (database.unavailableUntilTick >= 0) {
		if (tick < database.unavailableUntilTick) {
			// Out (a class change, a failover): connections are refused, what it held is lost; the app answers 500.
			failures['database-refused'] += arrivals + resetMember(db, 0);
			db.carriedMs[0] = 0;
			db.cpuPercent[0] = 0;
			db.latencyMs[0] = 0;
			return;
		}

		appendEvent(s, 'activity', `${database.id}: ${database.multiAz ? 'Multi-AZ instance failover completed' : 'Finished applying modification to DB instance class'} (${database.instanceClass})`);
		database.unavailableUntilTick = -1;
		database.outageCause = '';
	}

	if (q === 0 || config.app.dbQueryCpuMs <= 0) {
		// No queries: the database is not on this route's way.
		out.completed = arrivals;
		out.latencySumMs = carriedSumMs;
		return;
	}

	const c = spec.vcpus;
	const mu = 1000 / (q * config.app.dbQueryCpuMs);
	const key = rs.key;
	key.lambda = lambda;
	key.servers = c;
	key.mu = mu;
	key.cv = 1;
	key.arrivalCv2 = 1;
	key.lorMembers = 0;
	key.lorNodes = 1;
	const params: PoolParams = {cal: calibrationFor(key), servers: c, mu, timeoutSeconds: config.tiers.database.timeoutSeconds, backlogLimit: Number.POSITIVE_INFINITY, cv: 1};
	const dbTier = s.tiers.database!.latency as MutableHistogram;
	const latency = s.latency as MutableHistogram;
	const web = rs.webSamples;
	const webCount = rs.webSampleCount;
	rs.sampleRng[0] = hash32(tickKey, 0x44_42_53_4D);
	const sampleRng = rs.sampleRng;
	const step = Math.max(1, Math.max(arrivals, db.completed[0] ?? 0) / 16);
	const sampler: LatencySampler = {
		step,
		nextAt: nextUnit(sampleRng) * step,
		done: 0,
		samples: 0,
		rng: sampleRng,
		add(ms: number, weight: number): void {
			addSample(dbTier, ms, weight);
			const upstream = webCount > 0 ? web[Math.min(webCount - 1, Math.floor(nextUnit(sampleRng) * webCount))]! : 0;
			addSample(latency, ms + upstream, weight);
			addSample(recentLatency, ms + upstream, weight);
		},
	};
	rs.rng[0] = hash32(tickKey, 0x44_42_30_31);
	const nt: NodeTick = {tick, dt, slowSeconds: 0, rng: rs.rng, sampler};
	const member = rs.member;
	const held = db.served[0]!;
	const carried = db.carriedMs[0]!;
	serveMember(db, 0, arrivals, params, c * mu, nt, member);
	const completed = member.completed;
	const admitted = db.served[0]! + completed - held;
	// The carried latency of what was admitted joins the pool; completions take their share.
	const pool = carried + (arrivals > 0 ? carriedSumMs * admitted / arrivals : 0);
	const present = held + admitted;
	const carriedOut = present > 0 ? pool * completed / present : 0;
	db.carriedMs[0] = db.served[0]! > 0 ? pool - carriedOut : 0;
	failures['database-timeout'] += member.timedOut;
	failures['database-refused'] += member.refused;
	db.cpuPercent[0] = 100 * member.busy;
	db.latencyMs[0] = completed > 0 ? member.latencySumMs / completed : 0;
	out.completed = completed;
	out.latencySumMs = carriedOut + member.latencySumMs;
	out.inFlight = inFlightOf(db, 0);
	out.databaseBusy = member.busy;
	out.databaseLatencySumMs = member.latencySumMs;
}

/** Per-tick inputs of the tier figures. */
export type TierTick = {
	readonly webNodes: number;
	readonly webUtilisation: number;
	readonly webCompleted: number;
	readonly webLatencySumMs: number;
	readonly webUsd: number;
	readonly webUsdPerHour: number;
	readonly route: RouteTick;
};

/**
 * Bill the dedicated database for this tick (per second, 10 minutes minimum up front as RDS
 * bills; never decreasing) and update every tier's figures and the bottleneck.
 * Returns the database's USD for this tick (to add to the running total).
 */
export function recordTiers(s: Working, t: TierTick): number {
	const dt = s.config.tickSeconds;
	const tiers = s.tiers as Partial<Record<TierName, Mutable<TierFigures>>>;
	const web = tiers.web!;
	record(web, t.webNodes, t.webUtilisation, 0, 0);
	web.costUsd += t.webUsd;
	web.usdPerHour = t.webUsdPerHour;
	if (t.webUsdPerHour > web.peakUsdPerHour) web.peakUsdPerHour = t.webUsdPerHour;
	web.completed += t.webCompleted;
	web.latencySumMs += t.webLatencySumMs;
	// With one tier the end-to-end histogram is the web tier's; with more, the web's is its own.
	if (s.tiers.database) addCompleted(web.latency as MutableHistogram, t.webCompleted, t.webLatencySumMs);

	let usd = 0;
	const database = tiers.database;
	if (database) {
		record(database, 1, t.route.databaseBusy, t.route.completed, t.route.databaseLatencySumMs);
		addCompleted(database.latency as MutableHistogram, t.route.completed, t.route.databaseLatencySumMs);
		const perHour = databaseUsdPerHour(s);
		const elapsed = database.ticks * dt;
		// Billed from the first tick: the minimum up front, then per second past it.
		const billed = elapsed <= dt ? Math.max(dbMinimumBilledSeconds, dt) : elapsed > dbMinimumBilledSeconds ? Math.min(dt, elapsed - dbMinimumBilledSeconds) : 0;
		usd = perHour * billed / 3600;
		database.costUsd += usd;
		database.usdPerHour = perHour;
		if (perHour > database.peakUsdPerHour) database.peakUsdPerHour = perHour;
	}

	// The bottleneck: the busiest tier (smoothed), while any is busy (route order breaks ties).
	let busiest: Mutable<TierFigures> | undefined;
	for (const name of tierOrder) {
		const tier = tiers[name];
		if (tier && tier.recentUtilisation > 0.001 && (!busiest || tier.recentUtilisation > busiest.recentUtilisation)) busiest = tier;
	}

	if (busiest) busiest.bottleneckTicks += 1;
	return usd;
}

/** Weight of the newest tick in the smoothed utilisation (the "now" histograms' fade: a 10-tick half-life). */
const recentWeight = 1 - 0.933;

/** Tier names in route order. */
export const tierOrder: readonly TierName[] = ['web', 'database'];

function record(tier: Mutable<TierFigures>, nodes: number, utilisation: number, completed: number, latencySumMs: number): void {
	tier.nodes = nodes;
	tier.utilisation = utilisation;
	tier.recentUtilisation = tier.ticks === 0 ? utilisation : (recentWeight * utilisation) + ((1 - recentWeight) * tier.recentUtilisation);
	if (utilisation > tier.peakUtilisation) tier.peakUtilisation = utilisation;
	tier.utilisationSum += utilisation;
	tier.ticks += 1;
	tier.completed += completed;
	tier.latencySumMs += latencySumMs;
}

/** The tier that is the bottleneck now (the busiest over the last ten ticks or so, route order breaking ties); `web` when all are idle. */
export function bottleneckOf(tiers: Readonly<Partial<Record<TierName, {readonly recentUtilisation: number}>>>): TierName {
	let best: TierName = 'web';
	let most = 0;
	for (const name of tierOrder) {
		const u = tiers[name]?.recentUtilisation ?? 0;
		if (u > most) {
			most = u;
			best = name;
		}
	}

	return best;
}

