/**
 * The data plane for one tick (tick step 4–6): a network of queueing nodes. A request follows a
 * route of nodes — today the load balancer (./elb.ts: which target, no queue of its own but the
 * classic surge queue) and then one web instance (./queue-node.ts) — and its latency is timed
 * when the last node completes it. Each instance's health check and bill come right after it is
 * served, in the same pass.
 *
 * Adding a kind of node (the tiers: app, cache, database) is one entry in `DataPlaneState` (its
 * columns: ./columns.ts keeps them aligned), one stage in `runDataPlane` that hands the stage
 * before's completions to it as arrivals, and its pools' `PoolParams`; the node step, the
 * calibration, the FIFO latency, failures and CPU are the same code for every kind
 * (docs/data-plane.md, "Network of nodes").
 *
 * Requests are conserved at every tick: arrived = completed + failed + in flight (instances'
 * admitted and failing requests, plus the surge queue), and every failure has one cause.
 */
import {cdnEdgeLatencyMs, cdnUsdPerRequest} from '../catalog.js';
import {hash32, nextUnit, streamKey, streams, type RngState} from '../rng.js';
import {edgeShareOf, serveAtEdge} from './cdn.js';
import type {Working} from '../working.js';
import {addCompleted, addSample, decay} from '../systems/histogram.js';
import {fleetView, throttleOf, type FleetView} from '../systems/fleet.js';
import {calibrate, emptyCalibration, sameKey, type Calibration, type CalibrationKey} from './calibration.js';
import {billContext, billFleet, billInstance} from './cost.js';
import {dealRequests, emptyRoutePlan, hasLoadBalancer, pickTargets, routingRng, shareOf, type RoutePlan} from './elb.js';
import {failureCauseNames, noFailures, statusOf, type FailureCounts} from './failures.js';
import {checkIntervalTicks, isCheckDue, recordCheck} from './health-checks.js';
import {trackConsistency} from './consistency.js';
import {routeByDns} from './dns.js';
import {applyStickiness, isStickyActive} from './sticky.js';
import {emptyRouteScratch, emptyRouteTick, hasDedicatedDatabase, recordTiers, serveCache, serveDatabase, webCpuMsOf, webStageSampler, type RouteScratch, type RouteTick} from './tiers.js';
import {emptyAppTick, serveApp, type AppTick} from './app-tier.js';
import {emptyMemberTick, holdMember, idleMember, inFlightOf, queueWaitSeconds, resetMember, serveClosedMember, serveMember, type LatencySampler, type MemberTick, type NodeColumns, type NodeTick, type PoolParams} from './queue-node.js';

/** Per-tick fade of the "recent" latency histogram (half-life ≈ 10 ticks). */
export const recentDecay = 0.933;
/** Latency samples per tick for the percentile histograms (more only while a backlog drains). */
export const latencySamplesPerTick = 16;
/** The ELB's timeout for connecting to a backend, seconds (ALB: 10 s, then 504; aws-behaviour.md §5.5). */
export const backendConnectTimeoutSeconds = 10;

/** Calibrations worked out recently (a pure memo: an entry is used only for its exact key). */
type CalibrationMemo = {keys: CalibrationKey[]; values: Calibration[]; next: number};

/** What one pass reuses from tick to tick (sized for a fleet view; never part of the state). */
export type DataPlaneScratch = {
	readonly view: FleetView;
	readonly plan: RoutePlan;
	readonly memo: CalibrationMemo;
	readonly key: CalibrationKey;
	readonly member: MemberTick;
	readonly failures: FailureCounts;
	readonly rng: RngState;
	readonly routeRng: RngState;
	readonly sampleRng: RngState;
	/** The stages after the web nodes (./tiers.ts). */
	readonly route: RouteScratch;
	readonly routeTick: RouteTick;
	readonly appTick: AppTick;
};

/** Scratch for a view (a new one when the view changed). */
export function scratchFor(v: FleetView, previous?: DataPlaneScratch): DataPlaneScratch {
	if (previous?.view === v) return previous;
	return {
		view: v,
		plan: emptyRoutePlan(v.zones.length),
		memo: previous?.memo ?? {keys: [], values: [], next: 0},
		key: {lambda: 0, servers: 1, mu: 1, cv: 1, arrivalCv2: 1, lorMembers: 0, lorNodes: 1},
		member: emptyMemberTick(),
		failures: noFailures(),
		rng: [0],
		routeRng: [0],
		sampleRng: [0],
		route: previous?.route ?? emptyRouteScratch(),
		routeTick: previous?.routeTick ?? emptyRouteTick(),
		appTick: previous?.appTick ?? emptyAppTick(),
	};
}

const memoSize = 8;

/** The calibration for `key` (from the memo, or worked out and remembered). */
function calibrationFor(memo: CalibrationMemo, key: CalibrationKey): Calibration {
	const keys = memo.keys;
	for (let j = 0; j < keys.length; j++) if (sameKey(keys[j]!, key)) return memo.values[j]!;
	let slot = keys.length;
	if (slot < memoSize) {
		keys.push({...key});
		memo.values.push(emptyCalibration());
	} else {
		slot = memo.next;
		memo.next = (slot + 1) % memoSize;
		Object.assign(keys[slot]!, key);
	}

	const out = memo.values[slot]!;
	calibrate(out, key);
	return out;
}

/**
 * Tick steps 4–6 in one pass over the fleet: route this tick's arrivals, serve every instance's
 * queue, run its health check, bill it. `scratch` (optional) is what the previous tick left;
 * returns this tick's, to pass to the next.
 */
export function runDataPlane(s: Working, given?: DataPlaneScratch): DataPlaneScratch {
	const v = fleetView(s, given?.view);
	const sc = scratchFor(v, given);
	const config = s.config;
	const lb = config.loadBalancer;
	const app = config.app;
	const dt = config.tickSeconds;
	const tick = s.clock.tick;
	const web = s.dataPlane.web as NodeColumns;
	const figures = s.dataPlane.instances as {cpuCredits: number[]; billedSeconds: number[]; costUsd: number[]; routedLastTick: number[]; routedTotal: number[]};
	const plan = sc.plan;
	const isDns = s.dns !== undefined;
	if (!isDns) pickTargets(s, v, figures.cpuCredits, plan);
	const hasSurgeQueue = lb.kind === 'classic' && lb.surgeQueueLength > 0 && hasLoadBalancer(s);
	const surge = s.loadBalancer.surgeQueue;
	s.loadBalancer.surgeQueue = 0;
	const tickKey = hash32(streamKey(config.seed, streams.dataPlane), tick);
	// The CDN answers its share at the edge: those never reach the load balancer (./cdn.ts).
	const edge = s.cdn ? serveAtEdge(s, s.flow.arrived, tickKey) : 0;
	const offered = s.flow.arrived - edge + surge;
	const rate = (s.flow.expectedRatePerSecond * (1 - edgeShareOf(s))) + (surge / dt);
	const algorithm = s.loadBalancer.algorithm;
	// DNS round-robin: clients send to the addresses they hold (./dns.ts); those of instances gone from the state fail.
	const unreachable = isDns ? routeByDns(s, v, plan, offered, nextUnit(routingRng(tickKey, sc.routeRng))) : 0;
	const isSticky = !isDns && isStickyActive(s);
	const sessionsMoved = isSticky ? applyStickiness(s, v, plan, offered) : 0;
	if (!isDns) dealRequests(v, plan, offered, algorithm === 'weighted', routingRng(tickKey, sc.routeRng), algorithm === 'round-robin' && !isSticky ? s.loadBalancer : undefined);
	const failures = sc.failures;
	for (const cause of failureCauseNames) failures[cause] = 0;
	if (isDns) {
		failures['backend-down'] += unreachable;
		s.totals.routedToRemoved += unreachable;
	} else if (plan.pools === 0) {
		failures['no-healthy-targets'] += offered;
	}

	// Percentile samples: systematic over the tick's completions, fleet-wide.
	decay(s.recentLatency, recentDecay);
	const latency = s.latency;
	const recent = s.recentLatency;
	sc.sampleRng[0] = hash32(tickKey, 0x53_41_4D_50);
	const sampleStep = Math.max(1, Math.max(offered, s.flow.completed) / latencySamplesPerTick);
	const isTiered = hasDedicatedDatabase(s);
	// With a CDN the end-to-end histograms also hold the edge's requests: the web tier keeps its own.
	const webOwn = s.cdn ? s.tiers.web!.latency as Parameters<typeof addSample>[0] : undefined;
	const sampler: LatencySampler = isTiered ? webStageSampler(s, sc.route, sampleStep, sc.sampleRng) : {
		step: sampleStep,
		nextAt: nextUnit(sc.sampleRng) * sampleStep,
		done: 0,
		samples: 0,
		rng: sc.sampleRng,
		add(ms: number, weight: number): void {
			addSample(latency, ms, weight);
			addSample(recent, ms, weight);
			if (webOwn) addSample(webOwn, ms, weight);
		},
	};
	const nt: NodeTick = {tick, dt, slowSeconds: s.traffic.slowdownMs / 1000, rng: sc.rng, sampler};

	const closedR = s.flow.closedResponseSeconds;
	const isClosed = closedR >= 0;
	const isAppApart = isTiered && s.appTier !== null;
	const muPerVcpu = 1000 / webCpuMsOf(config, isTiered, isAppApart);
	const timeoutSeconds = Math.min(app.timeoutMs / 1000, lb.idleTimeoutSeconds);
	const holdTicks = Math.max(1, Math.ceil(lb.idleTimeoutSeconds / dt));
	const connectHoldTicks = Math.max(1, Math.ceil(backendConnectTimeoutSeconds / dt));
	// Clients behind DNS arrive independently (Poisson at each instance), not dealt in turn; so do
	// sticky users (a random sample of the users: each target's arrivals are a Poisson thinning).
	const isRoundRobin = algorithm === 'round-robin' && !isDns && !isSticky;
	const isLor = algorithm === 'least-outstanding-requests' && !isSticky;
	const key = sc.key;
	key.cv = app.cv;
	key.lorNodes = plan.elbNodes;
	const params = {cal: emptyCalibration(), servers: 1, mu: 1, timeoutSeconds, backlogLimit: 1, cv: app.cv} as {-readonly [K in keyof PoolParams]: PoolParams[K]};
	const checkTimeoutSeconds = lb.healthCheck.timeoutSeconds;
	const intervalTicks = checkIntervalTicks(s) | 0;
	const bill = billContext(s);
	const zoneDown = v.zones.map(z => s.zones[z]?.isDown === true);
	const out = sc.member;
	const {list, specs, hourlyUsd, zoneOf, count, pool} = v;
	const isUniform = config.load.kind === 'open' && config.load.arrivals === 'uniform';
	let completed = 0;
	let sumLatencyMs = 0;
	let refused = 0;
	let inFlight = 0;
	let cpuSum = 0;
	let reporting = 0;
	let running = 0;
	let runningUsdPerHour = 0;
	let usd = 0;
	let inService = 0;
	let hasTargets = false;
	let capacityRouted = 0;
	for (let k = 0; k < v.length; k++) {
		const i = list[k]!;
		const spec = specs[k]!;
		const a = count[k]!;
		figures.routedLastTick[k] = a;
		figures.routedTotal[k] += a;
		let cpuPercent = 0;
		let done = 0;
		if (i.ec2State === 'running') {
			running++;
			runningUsdPerHour += hourlyUsd[k]!;
			const isZoneDown = zoneDown[zoneOf[k]!]!;
			if (i.isHung || isZoneDown) {
				// Hung: the connection is accepted and never answered (the ELB's idle timeout).
				// Unreachable (zone outage): the ELB cannot connect (its 10 s connect timeout).
				holdMember(web, k, a, tick + (isZoneDown || i.isHungByOutage === true ? connectHoldTicks : holdTicks), nt, out);
			} else if (i.appReadyTick < 0 || tick < i.appReadyTick) {
				idleMember(web, k, nt, out);
				failures['app-starting'] += a;
			} else {
				const credits = figures.cpuCredits[k]!;
				const throttle = throttleOf(spec, credits);
				const mu = muPerVcpu * throttle;
				const c = spec.vcpus;
				const cmu = c * mu;
				const share = pool[k]! >= 0 ? shareOf(v, plan, k) : 0;
				const lambda = rate * share;
				if (share > 0) capacityRouted += cmu;
				const members = share > 0 ? plan.members[pool[k]!]! : 1;
				key.lambda = lambda;
				key.servers = c;
				key.mu = mu;
				key.arrivalCv2 = isUniform ? 0 : isRoundRobin && share > 0 ? 1 / members : 1;
				key.lorMembers = isLor && share > 0 ? members : 0;
				params.cal = calibrationFor(sc.memo, key);
				params.servers = c;
				params.mu = mu;
				params.backlogLimit = app.backlogPerVcpu * c;
				sc.rng[0] = hash32(tickKey, i.serial);
				if (isClosed) serveClosedMember(web, k, a, lambda, closedR, params, cmu, nt, out);
				else serveMember(web, k, a, params, cmu, nt, out);
				cpuPercent = 100 * out.busy * throttle;
				if (out.refused > 0) {
					if (hasSurgeQueue) {
						// Back to the classic ELB's surge queue: not routed after all (offered again next tick).
						refused += out.refused;
						figures.routedLastTick[k] -= out.refused;
						figures.routedTotal[k] -= out.refused;
					} else {
						failures['backlog-full'] += out.refused;
					}
				}

				if (spec.burst) {
					const earned = credits + (((spec.burst.creditsPerHour / 3600) - (c * cpuPercent / 100 / 60)) * dt);
					figures.cpuCredits[k] = earned < 0 ? 0 : Math.min(earned, Math.max(spec.burst.maxCredits, credits));
				}
			}

			failures.timeout += out.timedOut;
			failures.hung += out.hung;
			done = out.completed;
			if (!isZoneDown) {
				// CloudWatch's group average counts the instances that report (not an unreachable zone's).
				cpuSum += cpuPercent;
				reporting++;
			}
		} else {
			failures['backend-down'] += a + resetMember(web, k);
		}

		web.cpuPercent[k] = cpuPercent;
		web.latencyMs[k] = done > 0 ? out.latencySumMs / done : 0;
		if (done > 0) {
			completed += done;
			sumLatencyMs += out.latencySumMs;
		}

		const held = inFlightOf(web, k);
		inFlight += held;
		if (i.isBehindLoadBalancer) {
			hasTargets = true;
			if (isCheckDue(s, i, intervalTicks, held)) {
				const isPass = i.ec2State === 'running' && !i.isHung && !zoneDown[zoneOf[k]!] && i.appReadyTick >= 0 && tick >= i.appReadyTick && checkPasses(web, k, spec.vcpus, muPerVcpu * throttleOf(spec, figures.cpuCredits[k]!), checkTimeoutSeconds);
				recordCheck(s, i, isPass);
			}

			if (i.target.health === 'healthy') inService++;
		}

		usd += billInstance(bill, i, k, hourlyUsd[k]!);
		out.completed = 0;
		out.latencySumMs = 0;
		out.timedOut = 0;
		out.hung = 0;
		out.refused = 0;
	}

	// The stages after the web nodes: their arrivals are the web tier's completions.
	const webCompleted = completed;
	const webLatencySumMs = sumLatencyMs;
	const route = sc.routeTick;
	const appTick = sc.appTick;
	const memoFor = (key: CalibrationKey): Calibration => calibrationFor(sc.memo, key);
	let expected = Math.min(rate, capacityRouted);
	if (isAppApart) {
		// web → app → database: the app tier's completions are the database's arrivals.
		serveApp(s, sc.route, tickKey, completed, sumLatencyMs, expected, memoFor, failures, appTick);
		completed = appTick.completed;
		sumLatencyMs = appTick.latencySumMs;
		inFlight += appTick.inFlight;
		expected = Math.min(expected, appTick.capacityPerSecond);
	}

	if (isTiered) {
		route.cacheNodes = 0;
		route.cacheBusy = 0;
		route.cacheCompleted = 0;
		route.cacheLatencySumMs = 0;
		if (s.cache) {
			// web → (app →) cache → database: the cache's completions (and what bypasses it) are the database's arrivals.
			serveCache(s, sc.route, tickKey, completed, sumLatencyMs, expected, memoFor, failures, route);
			completed = route.completed;
			sumLatencyMs = route.latencySumMs;
			inFlight += route.inFlight;
		}

		serveDatabase(s, sc.route, tickKey, completed, sumLatencyMs, expected, memoFor, recent, failures, route);
		completed = route.completed;
		sumLatencyMs = route.latencySumMs;
		inFlight += route.inFlight;
	}

	trackConsistency(s, v, completed, !isTiered, sessionsMoved);
	if (edge > 0) {
		// Served at the edge: completed this tick, at the edge's latency.
		completed += edge;
		sumLatencyMs += edge * cdnEdgeLatencyMs;
		addSample(latency, cdnEdgeLatencyMs, edge);
		addSample(recent, cdnEdgeLatencyMs, edge);
	}

	const tiersUsd = recordTiers(s, {webNodes: running, webUtilisation: reporting > 0 ? cpuSum / reporting / 100 : 0, webCompleted, webLatencySumMs, webUsd: usd, webUsdPerHour: runningUsdPerHour, route, ...(isAppApart ? {app: appTick} : {})});
	billFleet(s, usd + tiersUsd + (edge * cdnUsdPerRequest), running, runningUsdPerHour);
	if (refused > 0) {
		const queued = Math.min(lb.surgeQueueLength, refused);
		s.loadBalancer.surgeQueue = queued;
		failures['surge-queue-full'] += refused - queued;
	}

	inFlight += s.loadBalancer.surgeQueue;
	const totals = s.totals;
	const e = {'500': 0, '502': 0, '503': 0, '504': 0};
	for (const cause of failureCauseNames) {
		const n = failures[cause];
		if (n === 0) continue;
		e[statusOf(cause)] += n;
		s.failureCauses[cause] += n;
	}

	const failed = e['500'] + e['502'] + e['503'] + e['504'];
	totals.arrived += s.flow.arrived;
	totals.completed += completed;
	totals.failed += failed;
	totals.errors['500'] += e['500'];
	totals.errors['502'] += e['502'];
	totals.errors['503'] += e['503'];
	totals.errors['504'] += e['504'];
	addCompleted(latency, completed, sumLatencyMs);
	addCompleted(recent, completed, sumLatencyMs);
	const flow = s.flow;
	flow.completed = completed;
	flow.failed = failed;
	flow.errors['500'] = e['500'];
	flow.errors['502'] = e['502'];
	flow.errors['503'] = e['503'];
	flow.errors['504'] = e['504'];
	// (DNS: requests to addresses whose instance has left the state are not routed to any target: they fail, in routedToRemoved.)
	flow.routed = plan.pools > 0 || isDns ? offered - refused - unreachable : 0;
	flow.inFlight = inFlight;
	flow.cpuAvgPercent = reporting > 0 ? cpuSum / reporting : 0;
	flow.latencyMeanMs = completed > 0 ? sumLatencyMs / completed : 0;
	flow.capacityPerSecond = capacityRouted;
	flow.inService = hasTargets ? inService : running;
	return sc;
}

/** Would a health check of member k pass: the check request, queued behind what it holds, answered within the timeout? */
function checkPasses(web: NodeColumns, k: number, servers: number, mu: number, timeoutSeconds: number): boolean {
	const cmu = servers * mu;
	return cmu > 0 && queueWaitSeconds(web, k, servers, cmu) + (1 / mu) < timeoutSeconds;
}
