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
import {cacheBilledSeconds, cacheLookupCpuMs, cacheNodeTypes, dbInstanceClasses, dbMinimumBilledSeconds, replicaId} from '../catalog.js';
import {appendMember, insertMember, removeMember} from './columns.js';
import {dealByShare, shareOfRange} from './shards.js';
import type {SimConfig} from '../config.js';
import {addCompleted, addSample} from '../systems/histogram.js';
import {hash32, nextUnit, type RngState} from '../rng.js';
import type {CacheState, PendingShard, ReplicaState, ShardState, SimState, TierFigures, TierName} from '../types.js';
import {newShard} from '../state.js';
import {appendEvent} from '../systems/activity.js';
import {appTierUsdPerHour, type AppTick} from './app-tier.js';
import {minimumBilledSeconds} from './cost.js';
import type {Working} from '../working.js';
import type {Calibration, CalibrationKey} from './calibration.js';
import type {FailureCounts} from './failures.js';
import {emptyMemberTick, inFlightOf, queueWaitSeconds, resetMember, serveMember, type LatencySampler, type MemberTick, type NodeColumns, type NodeTick, type PoolParams} from './queue-node.js';

type MutableHistogram = {counts: number[]; total: number; sumMs: number; maxMs: number};
type Mutable<T> = {-readonly [K in keyof T]: T[K]};
export type RouteColumns = NodeColumns & {carriedMs: number[]};

/** Web samples kept per tick for pairing with the database's samples. */
export const pairSamples = 64;

/** Is the database a node of its own (not on every web instance)? From the start (`placement: dedicated`), or since a `split-database`. */
export function hasDedicatedDatabase(s: Pick<SimState, 'database'>): boolean {
	return s.database !== null;
}

/** CPU per request on a web node, ms: everything on one box, web + middleware when the database is apart, the web's alone when the middleware is apart too. */
export function webCpuMsOf(config: Pick<SimConfig, 'app'>, isDatabaseApart: boolean, isAppApart = false): number {
	if (isAppApart) return config.app.webCpuMs;
	return isDatabaseApart ? config.app.webCpuMs + config.app.appCpuMs : config.app.cpuMs;
}

/** The database's hourly price now, USD/h (0 when colocated: the web instances' price covers it; each shard's primary once, Multi-AZ twice; each read replica, Single-AZ, of the same class once). */
export function databaseUsdPerHour(s: Pick<SimState, 'database'>): number {
	const database = s.database;
	if (!database) return 0;
	let instances = 0;
	for (const shard of database.shards) instances += (database.multiAz ? 2 : 1) + shard.replicas.length;
	return (dbInstanceClasses[database.instanceClass]?.priceUsdPerHour ?? 0) * instances;
}

/** Seconds of an RDS instance to bill for the tick that ends `elapsed` seconds after it became available: the 10-minute minimum up front, then per second past it. */
function billedSecondsOf(elapsed: number, dt: number, minimum = dbMinimumBilledSeconds): number {
	if (elapsed <= dt) return Math.max(minimum, dt);
	return elapsed > minimum ? Math.min(dt, elapsed - minimum) : 0;
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
	/** This tick's primary samples when replicas follow: end to end so far, and the primary's own (ms). */
	readonly primarySamples: Float64Array;
	readonly primaryOwnSamples: Float64Array;
	primarySampleCount: number;
	/** This tick's app-tier samples (web + app, ms), before they replace the web samples. */
	readonly appSamples: Float64Array;
	/** This tick's cache samples, end to end so far (ms): the database pairs with them when the cache is on the route. */
	readonly cacheSamples: Float64Array;
	cacheSampleCount: number;
	readonly hop: HopTick;
	/** Each shard's share of the requests this tick, the requests dealt to it, and what it did. */
	readonly shardShares: number[];
	readonly shardArrivals: number[];
	readonly shardTick: RouteTick & {replicaLagSeconds: number};
};

export function emptyRouteScratch(): RouteScratch {
	return {
		key: {lambda: 0, servers: 1, mu: 1, cv: 1, arrivalCv2: 1, lorMembers: 0, lorNodes: 1},
		member: emptyMemberTick(),
		rng: [0],
		sampleRng: [0],
		webSamples: new Float64Array(pairSamples),
		webSampleCount: 0,
		primarySamples: new Float64Array(pairSamples),
		primaryOwnSamples: new Float64Array(pairSamples),
		primarySampleCount: 0,
		appSamples: new Float64Array(pairSamples),
		cacheSamples: new Float64Array(pairSamples),
		cacheSampleCount: 0,
		hop: {outMs: 0},
		shardShares: [],
		shardArrivals: [],
		shardTick: {...emptyRouteTick(), replicaLagSeconds: 0},
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
	/** The database's busy share of its vCPUs, 0–1: its busiest node's (a database is as fast as its busiest node). */
	databaseBusy: number;
	/** The primary's, and the replicas' mean. */
	primaryBusy: number;
	replicaBusy: number;
	/** The database's own latency sum of its completions, ms. */
	databaseLatencySumMs: number;
	/** The cache node's busy share of its vCPUs, 0–1; its completions and their own latency sum, ms; the members it has (0 or 1). */
	cacheBusy: number;
	cacheCompleted: number;
	cacheLatencySumMs: number;
	cacheNodes: number;
};

/** A route tick before anything was served. */
export function emptyRouteTick(): RouteTick {
	return {completed: 0, latencySumMs: 0, inFlight: 0, databaseBusy: 0, primaryBusy: 0, replicaBusy: 0, databaseLatencySumMs: 0, cacheBusy: 0, cacheCompleted: 0, cacheLatencySumMs: 0, cacheNodes: 0};
}

/** The share of the database's reads the cache answers now (0 when it is off or absent). */
export function cacheHitRatioOf(s: Pick<SimState, 'cache'>): number {
	return s.cache?.isEnabled ? s.cache.hitRatio : 0;
}

/** The cache's hourly price now, USD/h (0 when it is off or absent). */
export function cacheUsdPerHour(s: Pick<SimState, 'cache'>): number {
	return s.cache?.isEnabled ? cacheNodeTypes[s.cache.nodeType]?.priceUsdPerHour ?? 0 : 0;
}

/**
 * The cache stage for one tick (before the database): `arrivals` requests from the web tier with
 * `carriedSumMs` of latency between them, `lambda` the rate expected into it. Each request asks
 * the cache for its `dbReads` reads, one lookup each (`cacheLookupCpuMs`); the node counts in
 * requests as the database does (μ_req = 1000 / (reads × lookup ms) per vCPU, cv 1). Every request
 * then goes on to the database, which does only the misses and the writes
 * (`dbWrites + dbReads × (1 − hitRatio)` queries: ./tiers.ts `serveDatabase`). Off: arrivals go
 * straight on; what the node still holds finishes and goes on, then the node is gone.
 * `out` gets the requests for the database (`completed`, `latencySumMs`) and the cache's figures.
 */
export function serveCache(
	s: Working,
	rs: RouteScratch,
	tickKey: number,
	arrivals: number,
	carriedSumMs: number,
	lambda: number,
	calibrationFor: (key: CalibrationKey) => Calibration,
	failures: FailureCounts,
	out: RouteTick,
): void {
	const cache = s.cache as Mutable<CacheState>;
	const nodes = s.dataPlane.cache as unknown as RouteColumns;
	const config = s.config;
	const reads = config.app.dbReads;
	out.cacheBusy = 0;
	out.cacheCompleted = 0;
	out.cacheLatencySumMs = 0;
	out.cacheNodes = nodes.served.length;
	rs.cacheSampleCount = 0;
	cache.lookupsLastTick = 0;
	cache.hitsLastTick = 0;
	const admitted = cache.isEnabled ? arrivals : 0;
	out.completed = arrivals - admitted;
	out.latencySumMs = arrivals > 0 ? carriedSumMs * (arrivals - admitted) / arrivals : 0;
	out.inFlight = 0;
	if (nodes.served.length === 0) return;
	const lookups = admitted * reads;
	cache.lookupsLastTick = lookups;
	cache.hitsLastTick = lookups * cache.hitRatio;
	cache.lookups += lookups;
	cache.hits += cache.hitsLastTick;
	const spec = cacheNodeTypes[cache.nodeType]!;
	const c = spec.vcpus;
	const mu = 1000 / (Math.max(reads, 1e-9) * cacheLookupCpuMs);
	const key = rs.key;
	key.lambda = cache.isEnabled ? lambda : 0;
	key.servers = c;
	key.mu = mu;
	key.cv = 1;
	key.arrivalCv2 = 1;
	key.lorMembers = 0;
	key.lorNodes = 1;
	const params: PoolParams = {cal: calibrationFor(key), servers: c, mu, timeoutSeconds: config.tiers.database.timeoutSeconds, backlogLimit: Number.POSITIVE_INFINITY, cv: 1};
	const tier = s.tiers.cache?.latency as MutableHistogram | undefined;
	const web = rs.webSamples;
	const webCount = rs.webSampleCount;
	const samples = rs.cacheSamples;
	rs.sampleRng[0] = hash32(tickKey, 0x43_41_43_48);
	const sampleRng = rs.sampleRng;
	const step = Math.max(1, Math.max(admitted, nodes.completed[0] ?? 0) / 16);
	const sampler: LatencySampler = {
		step,
		nextAt: nextUnit(sampleRng) * step,
		done: 0,
		samples: 0,
		rng: sampleRng,
		add(ms: number, weight: number): void {
			if (tier) addSample(tier, ms, weight);
			const upstream = webCount > 0 ? web[Math.min(webCount - 1, Math.floor(nextUnit(sampleRng) * webCount))]! : 0;
			const j = rs.cacheSampleCount < pairSamples ? rs.cacheSampleCount++ : Math.floor(nextUnit(sampleRng) * pairSamples);
			samples[j] = ms + upstream;
		},
	};
	rs.rng[0] = hash32(tickKey, 0x43_41_30_31);
	const nt: NodeTick = {tick: s.clock.tick, dt: config.tickSeconds, slowSeconds: 0, rng: rs.rng, sampler};
	const member = rs.member;
	const hop = rs.hop;
	serveHop(nodes, 0, admitted, arrivals > 0 ? carriedSumMs * admitted / arrivals : 0, params, c * mu, nt, member, hop);
	failures['database-timeout'] += member.timedOut;
	failures['database-refused'] += member.refused;
	nodes.cpuPercent[0] = 100 * member.busy;
	nodes.latencyMs[0] = member.completed > 0 ? member.latencySumMs / member.completed : 0;
	out.completed += member.completed;
	out.latencySumMs += hop.outMs;
	out.cacheBusy = member.busy;
	out.cacheCompleted = member.completed;
	out.cacheLatencySumMs = member.latencySumMs;
	out.inFlight = inFlightOf(nodes, 0);
	if (rs.cacheSampleCount > 0) {
		// The database's upstream samples are now web + cache.
		const count = rs.cacheSampleCount;
		web.set(samples.subarray(0, count));
		rs.webSampleCount = count;
	}

	if (!cache.isEnabled && out.inFlight === 0) {
		removeMember(nodes, 0);
		appendEvent(s, 'activity', `${cache.id}: node deleted (${cache.nodeType})`);
	}
}

/**
 * The database stage for one tick: `arrivals` requests finished at the web tier with
 * `carriedSumMs` of latency between them; `lambda` the rate expected into it (req/s).
 * `calibrationFor` is the network's memo. Failures go into `failures`; the end-to-end
 * completions into `out`. With shards each request goes to the shard owning its user
 * (./shards.ts): the arrivals are dealt by the shards' shares of the requests.
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
	const database = s.database!;
	const db = s.dataPlane.database as unknown as RouteColumns;
	out.completed = 0;
	out.latencySumMs = 0;
	out.inFlight = 0;
	out.databaseBusy = 0;
	out.primaryBusy = 0;
	out.replicaBusy = 0;
	out.databaseLatencySumMs = 0;
	if (db.served.length === 0) return;
	updateShards(s, db, failures);
	const shards = database.shards as Mutable<ShardState>[];
	const shares = rs.shardShares;
	const dealt = rs.shardArrivals;
	const users = s.config.users.active;
	const skew = s.config.tiers.database.userSkew;
	for (let j = 0; j < shards.length; j++) shares[j] = shareOfRange(shards[j]!, users, skew, shards.length === 1);
	if (shards.length === 1) dealt[0] = arrivals;
	else dealByShare(arrivals, shares, unitOf(hash32(tickKey, 0x53_48_52_44)), dealt);
	const part = rs.shardTick;
	let base = 0;
	let lagSeconds = 0;
	let replicaBusy = 0;
	let replicas = 0;
	for (let j = 0; j < shards.length; j++) {
		const shard = shards[j]!;
		const a = dealt[j]!;
		serveShard(s, rs, shard, base, j === 0 ? tickKey : hash32(tickKey, j), a, arrivals > 0 ? carriedSumMs * a / arrivals : 0, lambda * shares[j]!, calibrationFor, recentLatency, failures, part);
		shard.requests += a;
		shard.utilisation = part.databaseBusy;
		shard.utilisationSum += part.databaseBusy;
		if (part.databaseBusy > shard.peakUtilisation) shard.peakUtilisation = part.databaseBusy;
		shard.billedTicks += 1;
		out.completed += part.completed;
		out.latencySumMs += part.latencySumMs;
		out.inFlight += part.inFlight;
		out.databaseLatencySumMs += part.databaseLatencySumMs;
		if (part.databaseBusy > out.databaseBusy) out.databaseBusy = part.databaseBusy;
		if (part.primaryBusy > out.primaryBusy) out.primaryBusy = part.primaryBusy;
		replicaBusy += part.replicaBusy * shard.replicas.length;
		replicas += shard.replicas.length;
		if (part.replicaLagSeconds > lagSeconds) lagSeconds = part.replicaLagSeconds;
		base += 1 + shard.replicas.length;
	}

	out.replicaBusy = replicas > 0 ? replicaBusy / replicas : 0;
	database.replicaLagSeconds = lagSeconds;
}

/** A uniform draw in [0, 1) from a hash. */
function unitOf(h: number): number {
	return (h >>> 0) / 4_294_967_296;
}

/** What one shard did this tick (a `RouteTick` plus its replicas' lag). */
type ShardTick = RouteScratch['shardTick'];

/**
 * One shard for one tick: its primary is member `base` of the database's nodes, its replicas
 * the members after it. Writes go to the primary only; reads spread over the primary and the
 * replicas that serve. `tickKey` keys its random draws (the database's own for the first shard).
 */
function serveShard(
	s: Working,
	rs: RouteScratch,
	shard: Mutable<ShardState>,
	base: number,
	tickKey: number,
	arrivals: number,
	carriedSumMs: number,
	lambda: number,
	calibrationFor: (key: CalibrationKey) => Calibration,
	recentLatency: MutableHistogram,
	failures: FailureCounts,
	out: ShardTick,
): void {
	const config = s.config;
	const database = s.database!;
	const spec = dbInstanceClasses[database.instanceClass]!;
	const db = s.dataPlane.database as unknown as RouteColumns;
	const tick = s.clock.tick;
	const dt = config.tickSeconds;
	const q = config.app.dbWrites + (config.app.dbReads * (1 - cacheHitRatioOf(s)));
	out.completed = 0;
	out.latencySumMs = 0;
	out.inFlight = 0;
	out.databaseBusy = 0;
	out.primaryBusy = 0;
	out.replicaBusy = 0;
	out.databaseLatencySumMs = 0;
	out.replicaLagSeconds = 0;
	if (shard.unavailableUntilTick >= 0) {
		if (tick < shard.unavailableUntilTick) {
			// Out (a class change, a failover): connections are refused, what it held is lost; the app answers 500.
			failures['database-refused'] += arrivals + resetMember(db, base);
			db.carriedMs[base] = 0;
			db.cpuPercent[base] = 0;
			db.latencyMs[base] = 0;
			// Its replicas get no new requests (every page needs the primary first); what they hold waits.
			for (let k = base + 1; k <= base + shard.replicas.length; k++) {
				out.inFlight += inFlightOf(db, k);
				db.completed[k] = 0;
				db.cpuPercent[k] = 0;
				db.latencyMs[k] = 0;
			}

			return;
		}

		appendEvent(s, 'activity', shard.outageEndText);
		if (shard.promotingId) promote(shard, base, db, failures);
		shard.unavailableUntilTick = -1;
		shard.outageCause = '';
		shard.outageEndText = '';
	}

	if (q === 0 || config.app.dbQueryCpuMs <= 0) {
		// No queries: the database is not on this route's way.
		out.completed = arrivals;
		out.latencySumMs = carriedSumMs;
		return;
	}

	const c = spec.vcpus;
	const replicas = shard.replicas;
	let active = 0;
	for (const replica of replicas) if (!replica.isDraining) active += 1;
	// The cache answers its hit ratio of the reads: the database does the misses.
	const reads = config.app.dbReads * (1 - cacheHitRatioOf(s));
	const writes = config.app.dbWrites;
	// Reads spread evenly over the primary and its active replicas; writes go to the primary only.
	const spread = 1 + active;
	const toReplicas = active > 0 && reads > 0;
	const primaryVisits = toReplicas ? writes + (reads / spread) : q;
	const mu = 1000 / (primaryVisits * config.app.dbQueryCpuMs);
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
	const primarySamples = rs.primarySamples;
	const primaryOwn = rs.primaryOwnSamples;
	rs.primarySampleCount = 0;
	rs.sampleRng[0] = hash32(tickKey, 0x44_42_53_4D);
	const sampleRng = rs.sampleRng;
	const step = Math.max(1, Math.max(arrivals, db.completed[base] ?? 0) / 16);
	const sampler: LatencySampler = {
		step,
		nextAt: nextUnit(sampleRng) * step,
		done: 0,
		samples: 0,
		rng: sampleRng,
		add(ms: number, weight: number): void {
			const upstream = webCount > 0 ? web[Math.min(webCount - 1, Math.floor(nextUnit(sampleRng) * webCount))]! : 0;
			if (toReplicas) {
				// Not the last node: kept for pairing with the replicas' samples.
				const j = rs.primarySampleCount < pairSamples ? rs.primarySampleCount++ : Math.floor(nextUnit(sampleRng) * pairSamples);
				primarySamples[j] = ms + upstream;
				primaryOwn[j] = ms;
				return;
			}

			addSample(dbTier, ms, weight);
			addSample(latency, ms + upstream, weight);
			addSample(recentLatency, ms + upstream, weight);
		},
	};
	rs.rng[0] = hash32(tickKey, 0x44_42_30_31);
	const nt: NodeTick = {tick, dt, slowSeconds: 0, rng: rs.rng, sampler};
	const member = rs.member;
	const hop = rs.hop;
	serveHop(db, base, arrivals, carriedSumMs, params, c * mu, nt, member, hop);
	failures['database-timeout'] += member.timedOut;
	failures['database-refused'] += member.refused;
	db.cpuPercent[base] = 100 * member.busy;
	db.latencyMs[base] = member.completed > 0 ? member.latencySumMs / member.completed : 0;
	let busiest = member.busy;
	let ownSumMs = member.latencySumMs;
	out.inFlight = inFlightOf(db, base);
	if (toReplicas) {
		out.completed = 0;
		out.latencySumMs = 0;
	} else {
		out.completed = member.completed;
		out.latencySumMs = hop.outMs;
	}

	let lagSeconds = 0;
	if (replicas.length > 0) {
		// The replicas: a request dealt to one of the `active` ones makes its reads there
		// (reads × active / spread: the same mean as visiting each with reads / spread, the
		// replicas being alike). Every replica applies every write (replication load): per
		// request dealt to it, active × writes applies. Its own time counts only the reads.
		const readVisits = Math.max(1, active) * reads / spread;
		const applyVisits = Math.max(1, active) * writes;
		const visits = readVisits + applyVisits;
		const readShare = visits > 0 ? readVisits / visits : 0;
		const rmu = visits > 0 ? 1000 / (visits * config.app.dbQueryCpuMs) : mu;
		key.lambda = active > 0 ? Math.min(lambda, c * mu) / active : 0;
		key.mu = rmu;
		const rparams: PoolParams = {cal: calibrationFor(key), servers: c, mu: rmu, timeoutSeconds: config.tiers.database.timeoutSeconds, backlogLimit: Number.POSITIVE_INFINITY, cv: 1};
		const pairs = rs.primarySampleCount;
		const replicaSampler: LatencySampler = {
			step,
			nextAt: nextUnit(sampleRng) * step,
			done: 0,
			samples: 0,
			rng: sampleRng,
			add(ms: number, weight: number): void {
				const own = ms * readShare;
				let upstream = 0;
				let upstreamOwn = 0;
				if (pairs > 0) {
					const j = Math.min(pairs - 1, Math.floor(nextUnit(sampleRng) * pairs));
					upstream = primarySamples[j]!;
					upstreamOwn = primaryOwn[j]!;
				} else if (webCount > 0) {
					upstream = web[Math.min(webCount - 1, Math.floor(nextUnit(sampleRng) * webCount))]!;
				}

				addSample(dbTier, own + upstreamOwn, weight);
				addSample(latency, own + upstream, weight);
				addSample(recentLatency, own + upstream, weight);
			},
		};
		const rnt: NodeTick = {tick, dt, slowSeconds: 0, rng: rs.rng, sampler: replicaSampler};
		const dealt = toReplicas ? member.completed : 0;
		const dealtMs = toReplicas ? hop.outMs : 0;
		const per = active > 0 ? Math.floor(dealt / active) : 0;
		const extra = active > 0 ? dealt - (per * active) : 0;
		const first = active > 0 ? tick % active : 0;
		let index = 0;
		let replicaBusy = 0;
		for (let k = 1; k <= replicas.length; k++) {
			const replica = replicas[k - 1]!;
			let a = 0;
			if (!replica.isDraining) {
				// A systematic split: each within one request of its share, starting at a rotating member.
				a = per + (((index - first + active) % active) < extra ? 1 : 0);
				index += 1;
			}

			const m = base + k;
			serveHop(db, m, a, dealt > 0 ? dealtMs * a / dealt : 0, rparams, c * rmu, rnt, member, hop);
			failures['database-timeout'] += member.timedOut;
			failures['database-refused'] += member.refused;
			db.cpuPercent[m] = 100 * member.busy;
			db.latencyMs[m] = member.completed > 0 ? member.latencySumMs * readShare / member.completed : 0;
			out.completed += member.completed;
			out.latencySumMs += hop.outMs - (member.latencySumMs * (1 - readShare));
			ownSumMs += member.latencySumMs * readShare;
			out.inFlight += inFlightOf(db, m);
			replicaBusy += member.busy;
			if (member.busy > busiest) busiest = member.busy;
			const lag = queueWaitSeconds(db, m, c, c * rmu);
			if (lag > lagSeconds) lagSeconds = lag;
		}

		out.replicaBusy = replicaBusy / replicas.length;
	}

	out.replicaLagSeconds = lagSeconds;
	out.databaseBusy = busiest;
	out.primaryBusy = db.cpuPercent[base]! / 100;
	out.databaseLatencySumMs = ownSumMs;
}

/**
 * The end of a promotion: the promoted replica restarts as the shard's primary (RDS reboots it:
 * what it held is lost, 500) in the primary's place (member `base`, emptied when the primary
 * failed), and leaves the replicas.
 */
function promote(shard: Mutable<ShardState>, base: number, db: RouteColumns, failures: FailureCounts): void {
	const replicas = shard.replicas as ReplicaState[];
	const k = replicas.findIndex(r => r.id === shard.promotingId) + 1;
	if (k > 0) {
		failures['database-refused'] += resetMember(db, base + k);
		removeMember(db, base + k);
		replicas.splice(k - 1, 1);
		shard.id = shard.promotingId;
	}

	shard.promotingId = '';
}

/** Shards and replicas being created that are ready now join the route; deleted replicas that hold nothing more leave it. */
function updateShards(s: Working, db: RouteColumns, failures: FailureCounts): void {
	const database = s.database!;
	const pending = database.pendingShards as PendingShard[];
	while (pending.length > 0 && pending[0]!.readyTick <= s.clock.tick) addShard(s, pending.shift()!, db);
	let base = 0;
	for (const shard of database.shards as Mutable<ShardState>[]) {
		updateReplicas(s, shard, base, db, failures);
		base += 1 + shard.replicas.length;
	}
}

/** A created shard takes its users from the shard that owns them now: it joins the route after that shard's nodes. */
function addShard(s: Working, pending: PendingShard, db: RouteColumns): void {
	const shards = s.database!.shards as Mutable<ShardState>[];
	let base = 0;
	for (const [j, from] of shards.entries()) {
		base += 1 + from.replicas.length;
		if (pending.firstUser <= from.firstUser || pending.firstUser > from.lastUser) continue;
		const shard = newShard(pending.id, pending.firstUser, from.lastUser, 0);
		from.lastUser = pending.firstUser - 1;
		shards.splice(j + 1, 0, shard);
		insertMember(db, base);
		appendEvent(s, 'activity', `${shard.id}: available; users ${shard.firstUser}-${shard.lastUser} moved from ${from.id}`);
		return;
	}
}

/** One shard's replicas: those created by now join after its last replica; deleted ones that hold nothing leave. */
function updateReplicas(s: Working, shard: Mutable<ShardState>, base: number, db: RouteColumns, failures: FailureCounts): void {
	const tick = s.clock.tick;
	const pending = shard.pendingReplicaTicks as number[];
	const replicas = shard.replicas as ReplicaState[];
	while (pending.length > 0 && pending[0]! <= tick) {
		pending.shift();
		const id = replicaId(shard.nextReplicaNumber, shard.id);
		shard.nextReplicaNumber += 1;
		replicas.push({id, sinceTick: tick, isDraining: false, hasFailed: false});
		insertMember(db, base + replicas.length);
		appendEvent(s, 'activity', `${id}: read replica available (replicating from ${shard.id})`);
	}

	for (let k = replicas.length; k >= 1; k--) {
		const replica = replicas[k - 1]!;
		if (replica.hasFailed) {
			failures['database-refused'] += resetMember(db, base + k);
			removeMember(db, base + k);
			replicas.splice(k - 1, 1);
		} else if (replica.isDraining && inFlightOf(db, base + k) === 0) {
			removeMember(db, base + k);
			replicas.splice(k - 1, 1);
			appendEvent(s, 'activity', `${replica.id}: deleted`);
		}
	}
}

/** What one hop did beyond the node's own tick: the latency its completions carry out (upstream + own), ms. */
export type HopTick = {outMs: number};

/**
 * Serve member `k` of a route part for one tick: the node step, plus the carried latency of
 * what it admitted joining the member's pool and its completions taking their share out.
 */
export function serveHop(db: RouteColumns, k: number, arrivals: number, carriedSumMs: number, params: PoolParams, cmu: number, nt: NodeTick, member: MemberTick, hop: HopTick): void {
	const held = db.served[k]!;
	const carried = db.carriedMs[k]!;
	serveMember(db, k, arrivals, params, cmu, nt, member);
	const completed = member.completed;
	const admitted = db.served[k]! + completed - held;
	const pool = carried + (arrivals > 0 ? carriedSumMs * admitted / arrivals : 0);
	const present = held + admitted;
	const carriedOut = present > 0 ? pool * completed / present : 0;
	db.carriedMs[k] = db.served[k]! > 0 ? pool - carriedOut : 0;
	hop.outMs = carriedOut + member.latencySumMs;
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
	/** The app tier's tick (when the middleware is apart). */
	readonly app?: AppTick;
};

/**
 * Bill the dedicated database for this tick (per second, 10 minutes minimum up front as RDS
 * bills; never decreasing) and update every tier's figures and the bottleneck.
 * Bills the cache per node-hour (a partial hour as a full one, as ElastiCache bills).
 * Returns the app tier's, the database's and the cache's USD for this tick (to add to the running total).
 */
export function recordTiers(s: Working, t: TierTick): number {
	const dt = s.config.tickSeconds;
	const tiers = s.tiers as Partial<Record<TierName, Mutable<TierFigures>>>;
	const web = tiers.web!;
	record(web, t.webNodes, t.webUtilisation, t.webCompleted, t.webLatencySumMs);
	web.costUsd += t.webUsd;
	web.usdPerHour = t.webUsdPerHour;
	if (t.webUsdPerHour > web.peakUsdPerHour) web.peakUsdPerHour = t.webUsdPerHour;
	// With one tier (and no CDN) the end-to-end histogram is the web tier's; with more, the web's is its own.
	if (s.tiers.database || s.cdn) addCompleted(web.latency as MutableHistogram, t.webCompleted, t.webLatencySumMs);

	let usd = 0;
	const app = tiers.app;
	if (app && t.app && s.appTier) {
		const tier = s.appTier;
		record(app, tier.ids.length, t.app.busy, t.app.completed, t.app.ownLatencySumMs);
		addCompleted(app.latency as MutableHistogram, t.app.completed, t.app.ownLatencySumMs);
		const perHour = appTierUsdPerHour(s);
		// EC2: per second, the 60 s minimum from the start.
		const appUsd = perHour * billedSecondsOf((s.clock.tick - tier.sinceTick + 1) * dt, dt, minimumBilledSeconds) / 3600;
		app.costUsd += appUsd;
		app.usdPerHour = perHour;
		if (perHour > app.peakUsdPerHour) app.peakUsdPerHour = perHour;
		usd += appUsd;
	}

	const database = tiers.database;
	if (database) {
		const state = s.database!;
		let nodes = 0;
		for (const shard of state.shards) nodes += 1 + shard.replicas.length;
		record(database, nodes, t.route.databaseBusy, t.route.completed, t.route.databaseLatencySumMs);
		addCompleted(database.latency as MutableHistogram, t.route.completed, t.route.databaseLatencySumMs);
		const perHour = databaseUsdPerHour(s);
		const classUsdPerHour = dbInstanceClasses[state.instanceClass]?.priceUsdPerHour ?? 0;
		// Each shard's primary billed from its first pass: the minimum up front, then per second past it; each replica from when it became available.
		let databaseUsd = 0;
		for (const shard of state.shards) {
			databaseUsd += classUsdPerHour * (state.multiAz ? 2 : 1) * billedSecondsOf(shard.billedTicks * dt, dt) / 3600;
			for (const replica of shard.replicas) databaseUsd += classUsdPerHour * billedSecondsOf((s.clock.tick - replica.sinceTick + 1) * dt, dt) / 3600;
		}

		database.costUsd += databaseUsd;
		usd += databaseUsd;
		database.usdPerHour = perHour;
		if (perHour > database.peakUsdPerHour) database.peakUsdPerHour = perHour;
	}

	const cacheTier = tiers.cache;
	const cache = s.cache as Mutable<CacheState> | null;
	if (cacheTier && cache) {
		if (t.route.cacheNodes > 0) {
			record(cacheTier, t.route.cacheNodes, t.route.cacheBusy, t.route.cacheCompleted, t.route.cacheLatencySumMs);
			addCompleted(cacheTier.latency as MutableHistogram, t.route.cacheCompleted, t.route.cacheLatencySumMs);
		} else {
			cacheTier.nodes = 0;
			cacheTier.utilisation = 0;
			cacheTier.recentUtilisation = 0;
		}

		const perHour = cacheUsdPerHour(s);
		if (cache.isEnabled && cache.sinceTick >= 0) {
			// ElastiCache: per node-hour from launch, a partial hour billed as a full one (charged as each hour starts).
			const due = Math.ceil((s.clock.tick - cache.sinceTick + 1) * dt / cacheBilledSeconds);
			if (due > cache.billedHours) {
				const cacheUsd = perHour * (due - cache.billedHours) * cacheBilledSeconds / 3600;
				cache.billedHours = due;
				cacheTier.costUsd += cacheUsd;
				usd += cacheUsd;
			}
		}

		cacheTier.usdPerHour = perHour;
		if (perHour > cacheTier.peakUsdPerHour) cacheTier.peakUsdPerHour = perHour;
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
export const tierOrder: readonly TierName[] = ['web', 'app', 'cache', 'database'];

function record(tier: Mutable<TierFigures>, nodes: number, utilisation: number, completed: number, latencySumMs: number): void {
	tier.nodes = nodes;
	tier.utilisation = utilisation;
	tier.recentUtilisation = tier.ticks === 0 ? utilisation : (recentWeight * utilisation) + ((1 - recentWeight) * tier.recentUtilisation);
	if (utilisation > tier.peakUtilisation) tier.peakUtilisation = utilisation;
	tier.utilisationSum += utilisation;
	tier.ticks += 1;
	tier.completed += completed;
	tier.latencySumMs += latencySumMs;
	// A tick without completions keeps the last figure (a tier that is out shows what it was).
	if (completed > 0) tier.recentLatencyMs = tier.recentLatencyMs === 0 ? latencySumMs / completed : (recentWeight * latencySumMs / completed) + ((1 - recentWeight) * tier.recentLatencyMs);
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

