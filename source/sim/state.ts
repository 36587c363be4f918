/**
 * `createInitialState(config)`: a fresh, deterministic run. The initial fleet starts warm —
 * running, InService, healthy behind the load balancer, app answering, t2 credit balance full —
 * as a fleet that has been up for a while would be: the ASG's `desired` instances spread over
 * its zones in turn, then the standalone instances.
 */
import {cacheId, cacheNodeTypes, databaseId, dbInstanceClasses, instanceTypes, maxAppInstances, maxReadReplicas, maxShards, replicaId, shardId, splitCpuMs} from './catalog.js';
import {appendMember} from './data-plane/columns.js';
import type {SimConfig} from './config.js';
import {emptyDataPlane} from './data-plane/columns.js';
import {initialDnsState} from './data-plane/dns.js';
import {seedRng} from './rng.js';
import {emptyHistogram} from './systems/histogram.js';
import {emptyHistory} from './systems/history.js';
import {launchInstance} from './systems/instances.js';
import {initialTraffic} from './systems/traffic.js';
import type {CacheState, DatabaseState, FlowState, ReplicaState, ShardState, SimState, TierFigures, TierName} from './types.js';
import {evenRanges, rangeProblem} from './data-plane/shards.js';
import type {Working} from './working.js';

/** Thrown for a config the simulation cannot run; the message is one sentence for users. */
export class SimConfigError extends Error {
	override name = 'SimConfigError';
}

/** Problems with a config, as one-sentence messages (empty when it can run). */
export function checkConfig(config: SimConfig): string[] {
	const problems: string[] = [];
	const asg = config.autoScaling;
	if (asg && !instanceTypes[asg.instanceType]) problems.push(`autoScaling.instanceType: unknown instance type "${asg.instanceType}".`);
	for (const [k, i] of config.instances.entries()) {
		if (!instanceTypes[i.instanceType]) problems.push(`instances[${k}].instanceType: unknown instance type "${i.instanceType}".`);
	}

	if (asg && (asg.min < 0 || asg.min > asg.max)) problems.push(`autoScaling.max: must be ≥ min (${asg.min}), got ${asg.max}.`);
	if (asg && (asg.desired < asg.min || asg.desired > asg.max)) problems.push(`autoScaling.desired: must be between min (${asg.min}) and max (${asg.max}), got ${asg.desired}.`);
	if (asg && asg.zones.length === 0) problems.push('autoScaling.zones: at least one zone is needed.');
	if (!(config.tickSeconds > 0)) problems.push(`tickSeconds: must be > 0, got ${config.tickSeconds}.`);
	if (!(config.app.cpuMs > 0)) problems.push(`app.cpuMs: must be > 0, got ${config.app.cpuMs}.`);
	if (config.app.cv < 0) problems.push(`app.cv: must be ≥ 0, got ${config.app.cv}.`);
	const split = splitCpuMs(config.app);
	if (Math.abs(split - config.app.cpuMs) > 1e-6 * config.app.cpuMs) problems.push(`app.cpuMs: must equal webCpuMs + appCpuMs + (dbReads + dbWrites) × dbQueryCpuMs (${round3(split)}), got ${config.app.cpuMs}.`);
	const database = config.tiers.database;
	if (database.placement === 'dedicated' && !dbInstanceClasses[database.instanceClass]) problems.push(`tiers.database.instanceClass: unknown DB instance class "${database.instanceClass}".`);
	if (database.placement === 'dedicated' && !(config.app.webCpuMs + config.app.appCpuMs > 0)) problems.push('app.webCpuMs: with a dedicated database the web tier needs webCpuMs + appCpuMs > 0.');
	if (!(Number.isInteger(database.replicas) && database.replicas >= 0 && database.replicas <= maxReadReplicas)) problems.push(`tiers.database.replicas: must be a whole number from 0 to ${maxReadReplicas}, got ${database.replicas}.`);
	if (database.placement !== 'dedicated' && database.replicas > 0) problems.push('tiers.database.replicas: a read replica needs a primary of its own (placement: dedicated).');
	if (!(database.timeoutSeconds > 0)) problems.push(`tiers.database.timeout: must be > 0, got ${database.timeoutSeconds}.`);
	const app = config.tiers.app;
	if (app && !instanceTypes[app.instanceType]) problems.push(`tiers.app.instanceType: unknown instance type "${app.instanceType}".`);
	if (app && !(Number.isInteger(app.count) && app.count >= 1 && app.count <= maxAppInstances)) problems.push(`tiers.app.count: must be a whole number from 1 to ${maxAppInstances}, got ${app.count}.`);
	if (app && database.placement !== 'dedicated') problems.push('tiers.app: the middleware apart needs a database of its own (tiers.database.placement: dedicated).');
	if (app && !(config.app.webCpuMs > 0 && config.app.appCpuMs > 0)) problems.push('tiers.app: with the middleware apart, app.webCpuMs and app.appCpuMs must both be > 0.');
	const cache = config.tiers.cache;
	if (cache) {
		if (!cacheNodeTypes[cache.nodeType]) problems.push(`tiers.cache.nodeType: unknown cache node type "${cache.nodeType}".`);
		if (!(cache.hitRatio >= 0 && cache.hitRatio <= 1)) problems.push(`tiers.cache.hitRatio: must be from 0 to 1, got ${cache.hitRatio}.`);
		if (database.placement !== 'dedicated' && cache.enabled) problems.push('tiers.cache.enabled: a cache at the start needs a database of its own (tiers.database.placement: dedicated); after a split-database, set enabled: false and turn it on with a timeline cache action.');
	}

	const cdn = config.tiers.cdn;
	if (cdn && !(cdn.staticShare >= 0 && cdn.staticShare <= 1)) problems.push(`tiers.cdn.staticShare: must be from 0 to 1, got ${cdn.staticShare}.`);
	const {users} = config;
	problems.push(...checkShards(config));
	if (!(Number.isInteger(users.active) && users.active >= 0)) problems.push(`users.active: must be a whole number ≥ 0, got ${users.active}.`);
	if (!(users.writeShare >= 0 && users.writeShare <= 1)) problems.push(`users.writeShare: must be from 0 to 1, got ${users.writeShare}.`);
	if (users.writeShare > 0 && users.active === 0) problems.push('users.active: writes need users (active ≥ 1) to belong to.');
	if (config.load.kind === 'closed' && !(config.load.concurrency >= 1)) problems.push(`load.concurrency: must be ≥ 1, got ${config.load.concurrency}.`);
	if (config.load.kind === 'closed' && config.load.requests !== undefined && config.load.requests < 0) problems.push(`load.requests: must be ≥ 0, got ${config.load.requests}.`);
	if (config.load.kind === 'open' && 'ratePerSecond' in config.load && config.load.ratePerSecond < 0) problems.push(`load.rate: must be ≥ 0, got ${config.load.ratePerSecond}.`);
	return problems;
}

/** Problems with `tiers.database.shards`, `userSkew` and `shardRanges` (one sentence each). */
function checkShards(config: SimConfig): string[] {
	const database = config.tiers.database;
	const problems: string[] = [];
	const count = database.shardRanges.length > 0 ? database.shardRanges.length : database.shards;
	if (!(Number.isInteger(database.shards) && database.shards >= 1 && database.shards <= maxShards)) problems.push(`tiers.database.shards: must be a whole number from 1 to ${maxShards}, got ${database.shards}.`);
	else if (database.shardRanges.length > 0 && database.shardRanges.length !== database.shards) problems.push(`tiers.database.shardRanges: ${database.shardRanges.length} ranges for ${database.shards} shards.`);
	if (!(database.userSkew >= 0 && database.userSkew <= 1)) problems.push(`tiers.database.userSkew: must be from 0 to 1, got ${database.userSkew}.`);
	if (count > 1 && database.placement !== 'dedicated') problems.push('tiers.database.shards: a shard is a primary of its own (placement: dedicated).');
	if (count > 1 && config.users.active < count) problems.push(`tiers.database.shards: ${count} shards need at least ${count} users to own (users.active is ${config.users.active}).`);
	if (database.shardRanges.length > 0 && config.users.active > 0) {
		const problem = rangeProblem(database.shardRanges, config.users.active);
		if (problem) problems.push(`tiers.database.shardRanges[${problem.index}]: ${problem.message}.`);
	}

	return problems;
}

/** The read replicas a shard starts with, available from the first tick. */
function initialReplicas(count: number, primaryId: string): ReplicaState[] {
	return Array.from({length: count}, (_, k) => ({id: replicaId(k + 1, primaryId), sinceTick: 0, isDraining: false, hasFailed: false}));
}

/** A shard's primary with `replicas` read replicas, owning users `firstUser` … `lastUser`. */
export function newShard(id: string, firstUser: number, lastUser: number, replicas: number, replicaSinceTick = 0): ShardState {
	return {id, firstUser, lastUser, unavailableUntilTick: -1, outageCause: '', outageEndText: '', promotingId: '', billedTicks: 0, replicas: initialReplicas(replicas, id).map(r => ({...r, sinceTick: replicaSinceTick})), pendingReplicaTicks: [], nextReplicaNumber: replicas + 1, requests: 0, utilisation: 0, utilisationSum: 0, peakUtilisation: 0};
}

/** A dedicated database of `instanceClass` as the config describes it (its shards, each with its replicas); `replicas` overrides the config's count. */
export function newDatabase(config: SimConfig, instanceClass: string, replicas: number, sinceTick = 0): DatabaseState {
	const database = config.tiers.database;
	const users = config.users.active;
	const ranges = database.shardRanges.length > 0 ? database.shardRanges : evenRanges(users, database.shards);
	const isSharded = ranges.length > 1;
	const shards = ranges.map((range, k) => newShard(isSharded ? shardId(k + 1) : databaseId, range.firstUser, range.lastUser, replicas, sinceTick));
	return {id: databaseId, instanceClass, multiAz: database.multiAz, shards, pendingShards: [], nextShardNumber: ranges.length + 1, replicaLagSeconds: 0};
}

/** Nodes of a dedicated database: each shard's primary and its replicas. */
export function databaseNodeCount(database: DatabaseState): number {
	let nodes = 0;
	for (const shard of database.shards) nodes += 1 + shard.replicas.length;
	return nodes;
}

function round3(x: number): number {
	return Math.round(x * 1000) / 1000;
}

/** A tier's figures before the first tick. */
export function emptyTier(nodes: number): TierFigures {
	return {nodes, utilisation: 0, recentUtilisation: 0, peakUtilisation: 0, utilisationSum: 0, ticks: 0, bottleneckTicks: 0, completed: 0, latencySumMs: 0, recentLatencyMs: 0, latency: emptyHistogram(), costUsd: 0, usdPerHour: 0, peakUsdPerHour: 0};
}

/** The tiers of the route: `web`, then `app` when it has nodes of its own, the cache when one is on from the start, then `database` when it has nodes of its own. */
function initialTiers(config: SimConfig): Partial<Record<TierName, TierFigures>> {
	if (config.tiers.database.placement !== 'dedicated') return {web: emptyTier(0)};
	const shards = config.tiers.database.shardRanges.length > 0 ? config.tiers.database.shardRanges.length : config.tiers.database.shards;
	const database = emptyTier(shards * (1 + config.tiers.database.replicas));
	return {
		web: emptyTier(0),
		...(config.tiers.app ? {app: emptyTier(config.tiers.app.count)} : {}),
		...(config.tiers.cache ? {cache: emptyTier(config.tiers.cache.enabled ? 1 : 0)} : {}),
		database,
	};
}

/** The app tier's instances' ids (app-1 …). */
export function appInstanceIds(count: number): string[] {
	return Array.from({length: count}, (_, k) => `app-${k + 1}`);
}

/** The cache a run starts with (null without a `tiers.cache`): its node launched at the first tick when it is on. */
export function initialCache(config: SimConfig): CacheState | null {
	const cache = config.tiers.cache;
	if (!cache) return null;
	const isOn = cache.enabled;
	return {id: cacheId, nodeType: cache.nodeType, hitRatio: cache.hitRatio, isEnabled: isOn, sinceTick: isOn ? 0 : -1, billedHours: 0, lookups: 0, hits: 0, lookupsLastTick: 0, hitsLastTick: 0};
}

function emptyFlow(): FlowState {
	return {arrived: 0, expectedRatePerSecond: 0, completed: 0, failed: 0, errors: {'500': 0, '502': 0, '503': 0, '504': 0}, routed: 0, inFlight: 0, cpuAvgPercent: 0, latencyMeanMs: 0, capacityPerSecond: 0, closedResponseSeconds: -1, inService: 0, reads: 0, inconsistentReads: 0, lostSessions: 0};
}

/** A fresh run from a config. Throws `SimConfigError` (one sentence) for a config it cannot run. */
export function createInitialState(config: SimConfig): SimState {
	const problems = checkConfig(config);
	if (problems.length > 0) throw new SimConfigError(problems[0]);
	const asg = config.autoScaling;
	const zones: Record<string, {isDown: boolean; downUntilTick: number; downSinceTick: number}> = {};
	for (const zone of [...(asg?.zones ?? []), ...config.instances.map(i => i.zone)]) zones[zone] = {isDown: false, downUntilTick: -1, downSinceTick: -1};
	const initial: SimState = {
		config,
		clock: {tick: 0},
		rng: seedRng(config.seed),
		nextInstanceNumber: 1,
		instances: {},
		instanceOrder: [],
		dataPlane: emptyDataPlane(),
		traffic: initialTraffic(config.load),
		loadBalancer: {algorithm: config.loadBalancer.algorithm, cursor: 0, surgeQueue: 0, isSticky: config.loadBalancer.stickiness.isEnabled},
		autoScaling: asg
			? {min: asg.min, max: asg.max, desired: asg.desired, cooldownUntilTick: -1, scheduledFiredTick: {}, scalingActivities: 0, activity: null, isScaleInBlockedByProtection: false, lastPolicyRunTick: {}}
			: null,
		alarms: {},
		alarmOrder: [],
		zones,
		chaosMonkey: {
			isEnabled: config.chaosMonkey.isEnabled,
			intervalTicks: Math.max(1, Math.round(config.chaosMonkey.intervalSeconds / config.tickSeconds)),
			nextAtTick: config.chaosMonkey.isEnabled ? Math.max(1, Math.round(config.chaosMonkey.intervalSeconds / config.tickSeconds)) : -1,
		},
		totals: {arrived: 0, completed: 0, failed: 0, errors: {'500': 0, '502': 0, '503': 0, '504': 0}, launched: 0, terminated: 0, peakInstances: 0, peakInstancesUsdPerHour: 0, costUsd: 0, instanceSeconds: 0, elbSeconds: 0, elasticIpSeconds: 0, removed: 0, routedToRemoved: 0},
		latency: emptyHistogram(),
		recentLatency: emptyHistogram(),
		flow: emptyFlow(),
		failureCauses: {'backend-down': 0, 'app-starting': 0, hung: 0, timeout: 0, 'backlog-full': 0, 'surge-queue-full': 0, 'no-healthy-targets': 0, 'database-timeout': 0, 'database-refused': 0},
		database: config.tiers.database.placement === 'dedicated' ? newDatabase(config, config.tiers.database.instanceClass, config.tiers.database.replicas) : null,
		appTier: config.tiers.app ? {instanceType: config.tiers.app.instanceType, ids: appInstanceIds(config.tiers.app.count), sinceTick: 0} : null,
		cache: initialCache(config),
		cdn: config.tiers.cdn ? {staticShare: config.tiers.cdn.staticShare, served: 0, servedLastTick: 0, costUsd: 0} : null,
		consistency: {reads: 0, readsAfterWrite: 0, inconsistentReads: 0, lostSessions: 0, writers: 0, writersLost: 0},
		tiers: initialTiers(config),
		history: emptyHistory(),
		cloudwatch: {},
		events: [],
		eventCount: 0,
		caption: '',
		pauseRequests: 0,
	};
	// The config is shared, not copied (as advance does): it is the run's input, never written,
	// and a trace of a day at 1 s is 86,400 points (structuredClone took 2.6 s over a million).
	const {config: _config, ...rest} = initial;
	const s = {config, ...structuredClone(rest)} as Working;
	if (asg) {
		for (let k = 0; k < asg.desired; k++) {
			const zone = asg.zones[k % asg.zones.length]!;
			launchInstance(s, {instanceType: asg.instanceType, zone, isInGroup: true, purchaseOption: asg.purchaseOption, hasElasticIp: false, isBehindLoadBalancer: true, isWarm: true, cause: ''});
		}
	}

	// Each shard's primary, then its read replicas.
	if (s.database) for (let k = databaseNodeCount(s.database); k > 0; k--) appendMember(s.dataPlane.database);
	if (s.database && s.cache?.isEnabled) appendMember(s.dataPlane.cache);

	for (let k = 0; k < (config.tiers.app?.count ?? 0); k++) appendMember(s.dataPlane.app);

	for (const i of config.instances) {
		launchInstance(s, {instanceType: i.instanceType, zone: i.zone, isInGroup: false, purchaseOption: i.purchaseOption, hasElasticIp: i.hasElasticIp, isBehindLoadBalancer: i.behindLoadBalancer, isWarm: true, cause: ''});
	}

	// DNS round-robin: the record set starts with the preset's instances (design.md §1b).
	if (config.loadBalancer.kind === 'dns') s.dns = initialDnsState(config, s.instanceOrder) as Working['dns'];
	return s as SimState;
}
