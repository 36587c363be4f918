/**
 * The app tier (docs/tiers.md, "The app tier"): the middleware on instances of its own, between
 * the web nodes and the database. `SimState.appTier.ids.length` fixed instances behind an
 * internal load balancer that deals the web tier's completions among them (a systematic split
 * with a rotating start: round robin, each within one request of its share). Each is a queueing
 * node of c = its type's vCPUs, μ = 1000 / appCpuMs per vCPU, the app's cv — the same node step
 * as every other (./queue-node.ts), with the carried latency of the route (./tiers.ts `serveHop`).
 *
 * A request that waits past the app's timeout (or the ELB's idle timeout) fails as a 504
 * (`timeout`, the client's ELB gave up); one refused at its backlog limit as a 503
 * (`backlog-full`). No CPU credits: a t2 app instance is taken as unlimited (an **assumption**).
 * Billed like EC2 instances: per second with a 60 s minimum from when they start.
 */
import {instanceTypes} from '../catalog.js';
import {addSample} from '../systems/histogram.js';
import {hash32, nextUnit} from '../rng.js';
import type {SimState} from '../types.js';
import type {Working} from '../working.js';
import type {Calibration, CalibrationKey} from './calibration.js';
import type {FailureCounts} from './failures.js';
import {inFlightOf, type LatencySampler, type NodeTick, type PoolParams} from './queue-node.js';
import {pairSamples, serveHop, type RouteColumns, type RouteScratch} from './tiers.js';

type MutableHistogram = {counts: number[]; total: number; sumMs: number; maxMs: number};

/** What the app tier did this tick. */
export type AppTick = {
	/** Completions (handed to the database), the latency they carry out (upstream + own), and their own time in the app tier, ms. */
	completed: number;
	latencySumMs: number;
	ownLatencySumMs: number;
	inFlight: number;
	/** Mean busy share of the app instances' vCPUs, 0–1. */
	busy: number;
	/** What the tier can serve, req/s (c·μ summed). */
	capacityPerSecond: number;
};

export function emptyAppTick(): AppTick {
	return {completed: 0, latencySumMs: 0, ownLatencySumMs: 0, inFlight: 0, busy: 0, capacityPerSecond: 0};
}

/** The app tier's hourly price now, USD/h (0 when the middleware runs on the web instances). */
export function appTierUsdPerHour(s: Pick<SimState, 'appTier'>): number {
	const tier = s.appTier;
	return tier ? (instanceTypes[tier.instanceType]?.priceUsdPerHour ?? 0) * tier.ids.length : 0;
}

/**
 * Serve the app tier for one tick: `arrivals` requests the web tier completed, with
 * `carriedSumMs` of latency between them; `lambda` the rate expected into it (req/s). Its
 * completions' samples (web + app) replace the web samples in `rs`, so the database pairs with them.
 */
export function serveApp(s: Working, rs: RouteScratch, tickKey: number, arrivals: number, carriedSumMs: number, lambda: number, calibrationFor: (key: CalibrationKey) => Calibration, failures: FailureCounts, out: AppTick): void {
	const config = s.config;
	const tier = s.appTier!;
	const nodes = s.dataPlane.app as unknown as RouteColumns;
	const count = tier.ids.length;
	const c = instanceTypes[tier.instanceType]!.vcpus;
	const mu = 1000 / config.app.appCpuMs;
	const key = rs.key;
	key.lambda = lambda / count;
	key.servers = c;
	key.mu = mu;
	key.cv = config.app.cv;
	key.arrivalCv2 = 1 / count;
	key.lorMembers = 0;
	key.lorNodes = 1;
	const timeoutSeconds = Math.min(config.app.timeoutMs / 1000, config.loadBalancer.idleTimeoutSeconds);
	const params: PoolParams = {cal: calibrationFor(key), servers: c, mu, timeoutSeconds, backlogLimit: config.app.backlogPerVcpu * c, cv: config.app.cv};
	const own = s.tiers.app!.latency as MutableHistogram;
	const web = rs.webSamples;
	const webCount = rs.webSampleCount;
	const kept = rs.appSamples;
	let keptCount = 0;
	const sampleRng = rs.sampleRng;
	sampleRng[0] = hash32(tickKey, 0x41_50_53_4D);
	const step = Math.max(1, arrivals / 16);
	const sampler: LatencySampler = {
		step,
		nextAt: nextUnit(sampleRng) * step,
		done: 0,
		samples: 0,
		rng: sampleRng,
		add(ms: number, weight: number): void {
			addSample(own, ms, weight);
			const upstream = webCount > 0 ? web[Math.min(webCount - 1, Math.floor(nextUnit(sampleRng) * webCount))]! : 0;
			const j = keptCount < pairSamples ? keptCount++ : Math.floor(nextUnit(sampleRng) * pairSamples);
			kept[j] = ms + upstream;
		},
	};
	const nt: NodeTick = {tick: s.clock.tick, dt: config.tickSeconds, slowSeconds: 0, rng: rs.rng, sampler};
	const member = rs.member;
	const hop = rs.hop;
	const per = Math.floor(arrivals / count);
	const extra = arrivals - (per * count);
	const first = s.clock.tick % count;
	out.completed = 0;
	out.latencySumMs = 0;
	out.ownLatencySumMs = 0;
	out.inFlight = 0;
	let busy = 0;
	for (let k = 0; k < count; k++) {
		const a = per + ((((k - first) + count) % count) < extra ? 1 : 0);
		rs.rng[0] = hash32(tickKey, 0x41_50_00_00 + k);
		serveHop(nodes, k, a, arrivals > 0 ? carriedSumMs * a / arrivals : 0, params, c * mu, nt, member, hop);
		failures.timeout += member.timedOut;
		failures['backlog-full'] += member.refused;
		nodes.cpuPercent[k] = 100 * member.busy;
		nodes.latencyMs[k] = member.completed > 0 ? member.latencySumMs / member.completed : 0;
		out.completed += member.completed;
		out.latencySumMs += hop.outMs;
		out.ownLatencySumMs += member.latencySumMs;
		out.inFlight += inFlightOf(nodes, k);
		busy += member.busy;
	}

	out.busy = busy / count;
	out.capacityPerSecond = count * c * mu;
	// The database pairs its samples with the route so far (web + app).
	for (let j = 0; j < keptCount; j++) web[j] = kept[j]!;
	rs.webSampleCount = keptCount;
}
