/**
 * Selectors: SimState → the read model (../read-model.ts). Everything outside source/sim reads
 * a run through these; they are pure and cheap (O(instances) at most).
 */
import {bytesPerGb, cdnEdgeLatencyMs, cdnResponseBytes, dbMinimumBilledSeconds, instanceTypes, loadBalancerUsdPerHour, elasticIpUsdPerHour} from '../catalog.js';
import type {DnsRecordView, DnsView, HeaderView, InstanceView, LoadBalancerView, LoadView, MetricsLine, RunSummary, SeriesView, ConsistencySummary, DatabaseMetricsLine, TargetView, TierSummary, ZoneView} from '../read-model.js';
import {loadBalancerHourlyUsd, minimumBilledSeconds, runRateUsdPerHour} from '../data-plane/cost.js';
import {hasLoadBalancer} from '../data-plane/elb.js';
import {targetStateLabel} from '../data-plane/health-checks.js';
import {currentRecords, dnsShares} from '../data-plane/dns.js';
import {inFlightOf} from '../data-plane/queue-node.js';
import {usersHeldAt} from '../data-plane/sticky.js';
import {meanMs, quantileMs} from '../systems/histogram.js';
import {creditFloor} from '../systems/fleet.js';
import {countInService, minuteSeriesKey, seriesNames, type SeriesName} from '../systems/history.js';
import {ringValues} from '../systems/ring.js';
import type {DnsState, FailureCause, Instance, SimEvent, SimState, TierName} from '../types.js';
import {bottleneckOf, tierOrder} from '../data-plane/tiers.js';

const round = (x: number, places = 3): number => {
	const f = 10 ** places;
	return Math.round(x * f) / f;
};

/** Instances in launch order. */
function instancesOf(state: SimState): Instance[] {
	return state.instanceOrder.map(id => state.instances[id]!).filter(Boolean);
}

/** The header: preset, clock, seed, cost and run rate. */
export function selectHeader(state: SimState): HeaderView {
	const c = state.config;
	return {
		presetName: c.name,
		title: c.title,
		seed: c.seed,
		tick: state.clock.tick,
		simulatedSeconds: state.clock.tick * c.tickSeconds,
		durationSeconds: c.durationSeconds,
		totalCostUsd: state.totals.costUsd,
		runRateUsdPerHour: runRateUsdPerHour(state),
		isChaosMonkeyOn: state.chaosMonkey.isEnabled,
	};
}

/** The load panel: last tick's rates, recent latency percentiles, in flight, spike. */
export function selectLoad(state: SimState): LoadView {
	const dt = state.config.tickSeconds;
	const f = state.flow;
	const t = state.traffic;
	const isSpike = t.spikeUntilTick !== -1 && state.clock.tick < t.spikeUntilTick;
	return {
		arrivalRatePerSecond: f.arrived / dt,
		completedRatePerSecond: f.completed / dt,
		errorRatePerSecond: {'500': f.errors['500'] / dt, '502': f.errors['502'] / dt, '503': f.errors['503'] / dt, '504': f.errors['504'] / dt},
		latencyP50Ms: round(quantileMs(state.recentLatency, 0.5), 1),
		latencyP99Ms: round(quantileMs(state.recentLatency, 0.99), 1),
		inFlight: f.inFlight,
		isClosedLoop: state.config.load.kind === 'closed',
		spikeFactor: isSpike ? t.spikeFactor : 1,
		spikeSecondsLeft: isSpike ? (t.spikeUntilTick - state.clock.tick) * dt : 0,
		consistency: {isModelled: state.config.users.active > 0, inconsistentReadsPerSecond: f.inconsistentReads / dt, inconsistentReads: state.consistency.inconsistentReads, lostSessions: state.consistency.lostSessions},
	};
}

function seriesFrom(state: SimState, key: (name: SeriesName) => string, points: number): SeriesView {
	const out = {} as Record<SeriesName, readonly number[]>;
	for (const name of seriesNames) {
		const ring = state.history[key(name)];
		out[name] = ring ? ringValues(ring, points) : [];
	}

	return out;
}

/** The last `points` ticks of each series, oldest first (at most the last 600 ticks are kept). */
export function selectSeries(state: SimState, points = 120): SeriesView {
	return seriesFrom(state, name => name, points);
}

/** The last `points` simulated minutes of each series (each minute's mean), oldest first; at most 24 h are kept. */
export function selectMinuteSeries(state: SimState, points = 1440): SeriesView {
	return seriesFrom(state, minuteSeriesKey, points);
}

/** The load balancer panel: kind, algorithm, healthy/registered, per-target routing. */
export function selectLoadBalancer(state: SimState): LoadBalancerView {
	const lb = state.config.loadBalancer;
	const dt = state.config.tickSeconds;
	const targets: TargetView[] = [];
	let healthy = 0;
	let registered = 0;
	const figures = state.dataPlane.instances;
	const hasUsers = state.config.users.active > 0;
	for (const [k, id] of state.instanceOrder.entries()) {
		const i = state.instances[id]!;
		if (!i.isBehindLoadBalancer || i.target.health === 'unused') continue;
		if (i.target.health !== 'draining') registered += 1;
		if (i.target.health === 'healthy') healthy += 1;
		targets.push({
			instanceId: i.id,
			zone: i.zone,
			stateLabel: targetStateLabel(lb.kind, i.target.health),
			isHealthy: i.target.health === 'healthy',
			isDraining: i.target.health === 'draining',
			routedPerSecond: figures.routedLastTick[k]! / dt,
			routedTotal: figures.routedTotal[k]!,
			...(hasUsers ? {usersHeld: usersHeldAt(figures, k)} : {}),
		});
	}

	const stickiness = state.loadBalancer.isSticky ? {stickiness: {cookieName: lb.kind === 'application' ? 'AWSALB' : 'AWSELB', durationSeconds: lb.stickiness.durationSeconds}} : {};
	return {isPresent: hasLoadBalancer(state), kind: lb.kind, algorithm: state.loadBalancer.algorithm, isCrossZone: lb.crossZone, healthyCount: healthy, registeredCount: registered, surgeQueue: state.loadBalancer.surgeQueue, targets, ...(state.dns ? {dns: selectDns(state, state.dns)} : {}), ...stickiness};
}

/** DNS round-robin: the records, then the removed addresses clients still hold, with their shares of the last tick. */
function selectDns(state: SimState, dns: DnsState): DnsView {
	const config = state.config.loadBalancer.dns!;
	const shares = dnsShares(state.config, dns, state.clock.tick - 1);
	const records = currentRecords(dns);
	const cached = Object.keys(shares).filter(id => !records.includes(id) && shares[id]! > 1e-9);
	const figures = state.dataPlane.instances;
	const dt = state.config.tickSeconds;
	const view = (id: string, hasRecord: boolean): DnsRecordView => {
		const k = state.instanceOrder.indexOf(id);
		const i = state.instances[id];
		return {
			instanceId: id,
			hasRecord,
			isAnswering: i?.ec2State === 'running',
			stateLabel: i?.ec2State ?? 'gone',
			share: shares[id] ?? 0,
			routedPerSecond: k < 0 ? 0 : figures.routedLastTick[k]! / dt,
			routedTotal: k < 0 ? 0 : figures.routedTotal[k]!,
		};
	};

	return {
		ttlSeconds: config.ttlSeconds,
		longCacheShare: config.longCacheShare,
		longCacheSeconds: config.longCacheSeconds,
		records: [...records.map(id => view(id, true)), ...cached.map(id => view(id, false))],
	};
}

function healthLabel(state: SimState, i: Instance): string {
	const isLive = i.ec2State === 'running' || i.ec2State === 'pending';
	if (isLive && (i.isHung || state.zones[i.zone]?.isDown === true)) return 'Hung';
	if (i.asgHealth === 'Unhealthy' || i.target.health === 'unhealthy') return 'Unhealthy';
	if (i.ec2State === 'pending' || (i.ec2State === 'running' && (i.appReadyTick < 0 || state.clock.tick < i.appReadyTick)) || i.target.health === 'initial') return 'Initializing';
	if (i.ec2State !== 'running') return i.ec2State;
	return 'Healthy';
}

/** The instance table, in launch order. */
export function selectInstances(state: SimState): readonly InstanceView[] {
	const dt = state.config.tickSeconds;
	const tick = state.clock.tick;
	const web = state.dataPlane.web;
	const figures = state.dataPlane.instances;
	return state.instanceOrder.map((id, k) => {
		const i = state.instances[id]!;
		const burst = instanceTypes[i.instanceType]?.burst;
		const cpuCredits = figures.cpuCredits[k]!;
		const label = healthLabel(state, i);
		const isGone = i.ec2State === 'terminated';
		return {
			id: i.id,
			instanceType: i.instanceType,
			zone: i.zone,
			ec2State: i.ec2State,
			asgLifecycle: i.asgLifecycle,
			healthLabel: label,
			isHealthy: label === 'Healthy',
			isNew: (tick - i.launchedTick) * dt < 60,
			isDying: i.ec2State === 'shutting-down' || isGone || i.asgLifecycle === 'Terminating' || i.target.health === 'draining',
			cpuPercent: round(web.cpuPercent[k]!, 1),
			requestsPerSecond: figures.routedLastTick[k]! / dt,
			inFlight: inFlightOf(web, k),
			latencyMs: round(web.latencyMs[k]!, 1),
			uptimeSeconds: (i.ec2State === 'running' ? tick - i.ec2StateSinceTick : i.uptimeTicksAtStop) * dt,
			costUsd: figures.costUsd[k]!,
			cpuCredits: round(cpuCredits, 2),
			isBurstable: burst !== undefined,
			hasElasticIp: i.hasElasticIp,
			cpuBaselinePercent: burst === undefined ? null : burst.baselinePercentPerVcpu,
			isThrottled: burst !== undefined && i.ec2State === 'running' && cpuCredits < creditFloor,
			isInGroup: i.isInGroup,
			isBehindLoadBalancer: i.isBehindLoadBalancer,
			purchaseOption: i.purchaseOption,
			launchedSeconds: i.launchedTick * dt,
			stateSinceSeconds: i.ec2StateSinceTick * dt,
			inServiceSinceSeconds: i.inServiceTick < 0 ? null : i.inServiceTick * dt,
			targetState: i.isBehindLoadBalancer && i.target.health !== 'unused' ? targetStateLabel(state.config.loadBalancer.kind, i.target.health) : '',
			healthCheckPasses: i.target.consecutivePasses,
			healthCheckFailures: i.target.consecutiveFailures,
			unhealthyCause: i.unhealthyCause,
			...(state.config.users.active > 0 ? {users: {sessions: figures.stickyUsers[k]!, data: figures.usersHeld[k]!, held: usersHeldAt(figures, k)}} : {}),
		};
	});
}

/** The run's Availability Zones (the group's, then any other an instance is in) and their outages. */
export function selectZones(state: SimState): readonly ZoneView[] {
	const names = [...(state.config.autoScaling?.zones ?? [])];
	for (const id of state.instanceOrder) {
		const zone = state.instances[id]?.zone;
		if (zone !== undefined && !names.includes(zone)) names.push(zone);
	}

	const dt = state.config.tickSeconds;
	return names.map(zone => {
		const z = state.zones[zone];
		const isDown = z?.isDown === true;
		return {zone, isDown, outageSecondsLeft: isDown ? Math.max(0, z.downUntilTick - state.clock.tick) * dt : 0};
	});
}

/** The newest `limit` events, newest first. */
export function selectEvents(state: SimState, limit = 50): readonly SimEvent[] {
	return state.events.slice(-limit).reverse();
}

/** How many events the run has logged so far (the log itself keeps only the newest). */
export function selectEventCount(state: SimState): number {
	return state.eventCount;
}

/** The events logged after the run had `eventCount` of them, oldest first (as far as the bounded log still holds them). */
export function selectEventsSince(state: SimState, eventCount: number): readonly SimEvent[] {
	const fresh = Math.min(state.eventCount - eventCount, state.events.length);
	return fresh <= 0 ? [] : state.events.slice(state.events.length - fresh);
}

/** The preset's current caption ('' when none). */
export function selectCaption(state: SimState): string {
	return state.caption;
}

/** Failures since the start by cause (they add up to the failed count). */
export function selectFailureCauses(state: SimState): Readonly<Record<FailureCause, number>> {
	return state.failureCauses;
}


/**
 * What a fixed fleet sized for the peak would have cost over the run: the peak's instances, the
 * load balancer and the Elastic IPs for the whole run, billed as the run is — each instance at
 * least its 60 s minimum, the database at least RDS's 10 minutes, the cache node by whole
 * node-hours as ElastiCache bills — so a short run's fixed fleet never looks cheaper than the
 * same instances the run paid for. The CDN is paid by use: the fixed fleet pays what the run did.
 */
function fixedPeakFleetUsd(state: SimState, hours: number): number {
	const t = state.totals;
	const instanceHours = Math.max(hours, minimumBilledSeconds / 3600);
	const databaseHours = Math.max(hours, dbMinimumBilledSeconds / 3600);
	return ((t.peakInstancesUsdPerHour + (state.tiers.app?.peakUsdPerHour ?? 0)) * instanceHours) + (loadBalancerHourlyUsd(state) * hours)
		+ (elasticIpUsdPerHour * t.elasticIpSeconds / 3600) + ((state.tiers.database?.peakUsdPerHour ?? 0) * databaseHours)
		+ ((state.tiers.cache?.peakUsdPerHour ?? 0) * Math.max(1, Math.ceil(hours)))
		+ (state.cdn?.costUsd ?? 0);
}
/** The headless run summary (design.md §2). */
export function selectSummary(state: SimState): RunSummary {
	const seconds = state.clock.tick * state.config.tickSeconds;
	const t = state.totals;
	const h = state.latency;
	const routed: Record<string, number> = {};
	let final = 0;
	const routedTotal = state.dataPlane.instances.routedTotal;
	for (const [k, id] of state.instanceOrder.entries()) {
		const i = state.instances[id]!;
		if (i.isBehindLoadBalancer || routedTotal[k]! > 0) routed[i.id] = routedTotal[k]!;
		if (i.ec2State === 'running' || i.ec2State === 'pending') final += 1;
	}

	const hours = seconds / 3600;
	return {
		preset: state.config.name,
		seed: state.config.seed,
		simulatedSeconds: seconds,
		requests: {arrived: t.arrived, completed: t.completed, failed: t.failed, inFlight: state.flow.inFlight},
		errors: {...t.errors},
		latencyMs: {
			mean: round(meanMs(h), 1),
			p50: round(quantileMs(h, 0.5), 1),
			p90: round(quantileMs(h, 0.9), 1),
			p95: round(quantileMs(h, 0.95), 1),
			p99: round(quantileMs(h, 0.99), 1),
			max: round(h.maxMs, 1),
		},
		throughputPerSecond: seconds > 0 ? round(t.completed / seconds, 2) : 0,
		instances: {launched: t.launched, terminated: t.terminated, peak: t.peakInstances, final},
		scalingActivities: state.autoScaling?.scalingActivities ?? 0,
		cost: {
			totalUsd: round(t.costUsd, 6),
			instanceHours: round(t.instanceSeconds / 3600, 4),
			fixedPeakFleetUsd: round(fixedPeakFleetUsd(state, hours), 6),
			elbUsd: round(loadBalancerUsdPerHour[state.config.loadBalancer.kind] * t.elbSeconds / 3600, 6),
			elasticIpUsd: round(elasticIpUsdPerHour * t.elasticIpSeconds / 3600, 6),
		},
		alarms: state.alarmOrder.map(name => state.alarms[name]!).filter(Boolean).map(a => ({name: a.name, state: a.state, transitions: a.transitions})),
		elb: {routed, isPresent: hasLoadBalancer(state), removedInstances: t.removed, routedToRemoved: t.routedToRemoved, ...(state.dns ? {dns: {ttlSeconds: state.config.loadBalancer.dns!.ttlSeconds, records: [...currentRecords(state.dns)]}} : {})},
		tiers: selectTierSummaries(state),
		consistency: selectConsistency(state),
	};
}

/** The summary's `consistency`: the model's expected counts, rounded to whole ones. */
export function selectConsistency(state: SimState): ConsistencySummary {
	const c = state.consistency;
	return {users: state.config.users.active, reads: Math.round(c.reads), readsAfterWrite: Math.round(c.readsAfterWrite), inconsistentReads: Math.round(c.inconsistentReads), lostSessions: Math.round(c.lostSessions)};
}

/** The summary's `tiers`: each tier of the route, in route order. */
export function selectTierSummaries(state: SimState): RunSummary['tiers'] {
	const dt = state.config.tickSeconds;
	const out: Partial<Record<TierName | 'cdn', TierSummary>> = {};
	const cdn = state.cdn;
	if (cdn) {
		// In front of everything: the edge's requests, their transfer and their bill (no nodes of ours).
		const latency = cdn.served > 0 ? cdnEdgeLatencyMs : 0;
		out.cdn = {nodes: 0, cpuAvg: 0, latencyMs: {mean: latency, p99: latency}, peakUtilisation: 0, bottleneckSeconds: 0, costUsd: round(cdn.costUsd, 6), requests: cdn.served, gigabytes: round(cdn.served * cdnResponseBytes / bytesPerGb, 6), staticShare: cdn.staticShare};
	}

	// One tier and no CDN: the end-to-end histogram is the web tier's (with a CDN the web's is its own).
	const isOneTier = state.tiers.database === undefined && !state.cdn;
	for (const name of tierOrder) {
		const tier = state.tiers[name];
		if (!tier) continue;
		const h = isOneTier ? state.latency : tier.latency;
		out[name] = {
			nodes: tier.nodes,
			cpuAvg: round(tier.ticks > 0 ? 100 * tier.utilisationSum / tier.ticks : 0, 2),
			latencyMs: {mean: round(meanMs(h), 1), p99: round(quantileMs(h, 0.99), 1)},
			peakUtilisation: round(100 * tier.peakUtilisation, 2),
			bottleneckSeconds: tier.bottleneckTicks * dt,
			costUsd: round(tier.costUsd, 6),
			...(name === 'cache' && state.cache ? cacheCounts(state.cache) : {}),
		};
	}

	const shards = state.database?.shards;
	if (out.database && shards && shards.length > 1) {
		out.database = {...out.database, shards: shards.map(shard => ({
			id: shard.id,
			users: `${shard.firstUser}-${shard.lastUser}`,
			nodes: 1 + shard.replicas.length,
			requests: shard.requests,
			cpuAvg: round(shard.billedTicks > 0 ? 100 * shard.utilisationSum / shard.billedTicks : 0, 2),
			peakUtilisation: round(100 * shard.peakUtilisation, 2),
		}))};
	}

	return out as RunSummary['tiers'];
}

/** The cache's lookups, hits and hit rate (percent) since the start. */
function cacheCounts(cache: NonNullable<SimState['cache']>): {lookups: number; hits: number; hitRate: number} {
	return {lookups: Math.round(cache.lookups), hits: Math.round(cache.hits), hitRate: cache.lookups > 0 ? round(100 * cache.hits / cache.lookups, 2) : 0};
}

/** One NDJSON metrics line for the current tick (design.md §2). */
export function selectMetricsLine(state: SimState): MetricsLine {
	const dt = state.config.tickSeconds;
	const f = state.flow;
	let pending = 0;
	let healthy = 0;
	let current = 0;
	for (const i of instancesOf(state)) {
		if (i.ec2State === 'pending' || i.asgLifecycle === 'Pending') pending += 1;
		if (i.isBehindLoadBalancer && i.target.health === 'healthy') healthy += 1;
		if (i.isInGroup && i.ec2State !== 'terminated' && i.asgLifecycle !== 'Terminated') current += 1;
	}

	return {
		t: state.clock.tick * dt,
		arrivalRate: f.arrived / dt,
		completedRate: f.completed / dt,
		cpuAvg: round(f.cpuAvgPercent, 2),
		latencyP50: round(quantileMs(state.recentLatency, 0.5), 1),
		latencyP99: round(quantileMs(state.recentLatency, 0.99), 1),
		inService: countInService(state),
		pending,
		desired: state.autoScaling?.desired ?? current,
		healthy,
		errors: {...f.errors},
		costUsd: round(state.totals.costUsd, 6),
		bottleneck: bottleneckOf(state.tiers),
		tierCpu: Object.fromEntries(tierOrder.filter(name => state.tiers[name]).map(name => [name, round(100 * state.tiers[name]!.utilisation, 2)])) as MetricsLine['tierCpu'],
		inconsistentReads: round(f.inconsistentReads / dt, 3),
		lostSessions: round(f.lostSessions / dt, 3),
		...(state.database && state.dataPlane.database.served.length > 0 ? {database: databaseLine(state)} : {}),
		...(state.cache ? {cacheHitRate: state.cache.lookupsLastTick > 0 ? round(100 * state.cache.hitsLastTick / state.cache.lookupsLastTick, 2) : 0} : {}),
	};
}

/** The primary's figures in the last tick (what its AWS/RDS metrics are made of: systems/cloudwatch.ts). */
function databaseLine(state: SimState): DatabaseMetricsLine {
	const db = state.dataPlane.database;
	const dt = state.config.tickSeconds;
	const {dbReads, dbWrites} = state.config.app;
	const serving = state.database!.shards[0]!.replicas.filter(r => !r.isDraining).length;
	const done = db.completed[0]!;
	return {
		connections: db.served[0]!,
		replicaLagSeconds: round(state.database!.replicaLagSeconds, 3),
		readIops: round(done * (serving > 0 ? dbReads / (1 + serving) : dbReads) / dt, 2),
		writeIops: round(done * dbWrites / dt, 2),
	};
}

export {selectAutoScaling, selectAlarms, selectAlarmDatapoints} from './scaling.js';
export {selectTiers, selectTierNodes} from './tiers.js';
