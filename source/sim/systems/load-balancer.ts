/**
 * The Elastic Load Balancer's routing (tick step 4), then every instance's queue
 * (./instance-queue.ts). aws-behaviour.md §5:
 *
 * - Targets: instances registered with the LB whose target is `healthy` (InService). When none
 *   is healthy, a classic LB answers 503 and an application LB fails open, routing to every
 *   registered target. Draining targets get no new requests but finish what they hold.
 * - Cross-zone off: each zone's LB node gets an equal share of the traffic, split among that
 *   zone's targets (docs example: 2 + 8 targets → 25 % vs 6.25 % each). On: one pool.
 * - Algorithms: `round-robin` (equal shares; each target sees Erlang-n arrivals, Ca² = 1/n),
 *   `weighted` (shares by capacity, random order: Ca² = 1), `least-outstanding-requests`
 *   (shares by capacity, queueing like one pooled M/M/Σc queue: the join-shortest-queue limit).
 *   Slow start (application, not with least outstanding requests) ramps a new target's share
 *   linearly over `slowStartSeconds` when other targets are past theirs.
 * - Counts are split with systematic sampling, so per-target counts add up to the arrivals
 *   exactly and each is within one request of its share.
 * - Classic surge queue: requests refused by full instances wait in it (up to 1,024) and are
 *   offered again next tick; overflow is 503 (SpilloverCount).
 * - No registered targets at all (standalone instances not behind the LB): requests go to
 *   those instances directly (an Elastic IP / DNS), round-robin.
 */
import {nextUnit} from '../rng.js';
import type {Working} from '../working.js';
import {billContext, billFleet, billInstanceIn} from './cost.js';
import {fleet} from './fleet.js';
import {checkContext, checkTargetIn} from './health-checks.js';
import {addCompleted, decay} from './histogram.js';
import {failureCauseNames, newTickFlow, serveInstance, type Offer} from './instance-queue.js';
import {queueWait} from './queueing.js';
import {pickCandidates} from './routing.js';

export {capacityOf} from './fleet.js';

/** Per-tick fade of the "recent" latency histogram (half-life ≈ 10 ticks). */
export const recentDecay = 0.933;

/**
 * Tick steps 4–6 fused in one pass over the fleet (same results as running them one after
 * another, since each instance's check and bill depend only on that instance): route this
 * tick's arrivals, serve every instance's queue, run its health check, bill it.
 */
export function routeAndServe(s: Working): void {
	const dt = s.config.tickSeconds;
	const lb = s.config.loadBalancer;
	const f = fleet(s);
	const n = f.length;
	const surge = s.loadBalancer.surgeQueue;
	s.loadBalancer.surgeQueue = 0;
	const offered = s.flow.arrived + surge;
	const rate = s.flow.expectedRatePerSecond + (surge / dt);
	const flow = newTickFlow(s, Math.max(offered, s.flow.completed), f.queueMemo);
	decay(s.recentLatency, recentDecay);
	const zones = Math.max(1, f.zones.length);
	const {zoneWeight, zoneMembers, zoneVcpus, zoneCapacity, zoneWait, zonePWait, zoneDown} = f;
	zoneWait.fill(-1);
	zonePWait.fill(0);
	const pools = pickCandidates(s, f);
	const byZone = !lb.crossZone;
	const isPooled = s.loadBalancer.algorithm === 'least-outstanding-requests';
	const hasSurgeQueue = lb.kind === 'classic' && lb.surgeQueueLength > 0;
	if (pools > 0 && isPooled) {
		for (let z = 0; z < zones; z++) {
			if (zoneMembers[z] === 0) continue;
			const q = queueWait(zoneVcpus[z]!, rate / pools, zoneCapacity[z]! / zoneVcpus[z]!, s.config.app.cv, 1);
			zoneWait[z] = q.meanWaitSeconds;
			zonePWait[z] = q.pWait;
		}
	}

	for (let z = 0; z < f.zones.length; z++) zoneDown[z] = s.zones[f.zones[z]!]?.isDown === true ? 1 : 0;
	const lastCandidate = f.lastCandidate;
	if (pools === 0) {
		flow.causes['no-healthy-targets'] += offered;
		flow.e503 += offered;
	}

	// Systematic split, done as the serving pass walks the fleet: counts add up to `offered`
	// exactly, and each is within one request of its share.
	const u = nextUnit(s.rng);
	let cumulative = 0;
	let assigned = 0;
	const offer: Offer = {count: 0, ratePerSecond: 0, arrivalCv2: 1, pooledWaitSeconds: -1, pooledPWait: 0, hasSurgeQueue, memoSlot: 0};
	const isRoundRobin = s.loadBalancer.algorithm === 'round-robin';
	const bill = billContext(s);
	const check = checkContext(s);
	const {list, zoneOf, isCandidate, weight, specs, hourlyUsd, zoneShare, zoneShareWeight} = f;
	zoneShareWeight.fill(Number.NaN);
	// Round-robin over n targets: Erlang-n arrivals at each (Ca² = 1/n); else Poisson.
	const zoneArrivalCv2 = f.zoneArrivalCv2;
	for (let z = 0; z < zoneArrivalCv2.length; z++) zoneArrivalCv2[z] = isRoundRobin ? 1 / zoneMembers[z]! : 1;
	let inFlight = 0;
	let usd = 0;
	let running = 0;
	let runningUsdPerHour = 0;
	let inService = 0;
	let hasTargets = false;
	for (let k = 0; k < n; k++) {
		const i = list[k]!;
		const zone = zoneOf[k]!;
		const z = byZone ? zone : 0;
		if (isCandidate[k] === 1) {
			// Candidates of a pool usually weigh the same: the same weight gives the same share.
			const w = weight[k]!;
			let share = zoneShare[z]!;
			if (w !== zoneShareWeight[z]) {
				share = w / zoneWeight[z]! / pools;
				zoneShareWeight[z] = w;
				zoneShare[z] = share;
			}

			cumulative += offered * share;
			const upto = k === lastCandidate ? offered : Math.min(offered, Math.floor(cumulative + u));
			const count = upto > assigned ? upto - assigned : 0;
			offer.count = count;
			assigned += count;
			offer.ratePerSecond = rate * share;
			offer.arrivalCv2 = zoneArrivalCv2[z]!;
			offer.pooledWaitSeconds = isPooled ? zoneWait[z]! : -1;
			offer.pooledPWait = zonePWait[z]!;
			offer.memoSlot = z;
		} else {
			offer.count = 0;
			offer.ratePerSecond = 0;
			offer.arrivalCv2 = 1;
			offer.pooledWaitSeconds = -1;
		}

		serveInstance(s, i, specs[k]!, zoneDown[zone] === 1, offer, flow);
		inFlight += i.inFlight ?? 0;
		const isRunning = i.ec2State === 'running';
		if (i.isBehindLoadBalancer) {
			checkTargetIn(s, check, i);
			hasTargets = true;
			if (i.target.health === 'healthy') inService++;
		}

		if (isRunning) {
			running++;
			runningUsdPerHour += hourlyUsd[k]!;
		}

		usd += billInstanceIn(bill, i, hourlyUsd[k]!);
	}

	const routed = pools > 0 ? offered - flow.refused : 0;
	billFleet(s, usd, running, runningUsdPerHour);
	if (flow.refused > 0) {
		const queued = Math.min(lb.surgeQueueLength, flow.refused);
		s.loadBalancer.surgeQueue = queued;
		const spill = flow.refused - queued;
		flow.causes['surge-queue-full'] += spill;
		flow.e503 += spill;
	}

	inFlight += s.loadBalancer.surgeQueue;
	const failed = flow.e502 + flow.e503 + flow.e504;
	const totals = s.totals;
	totals.arrived += s.flow.arrived;
	totals.completed += flow.completed;
	totals.failed += failed;
	totals.errors['502'] += flow.e502;
	totals.errors['503'] += flow.e503;
	totals.errors['504'] += flow.e504;
	if (failed > 0) {
		// Every failure has one cause, so with none failed there is nothing to add.
		const causes = s.failureCauses;
		for (const cause of failureCauseNames) causes[cause] += flow.causes[cause];
	}
	addCompleted(s.latency, flow.completed, flow.sumLatencyMs);
	addCompleted(s.recentLatency, flow.completed, flow.sumLatencyMs);
	const out = s.flow;
	out.completed = flow.completed;
	out.failed = failed;
	out.errors['502'] = flow.e502;
	out.errors['503'] = flow.e503;
	out.errors['504'] = flow.e504;
	out.routed = routed;
	out.inFlight = inFlight;
	out.cpuAvgPercent = flow.running > 0 ? flow.cpuSum / flow.running : 0;
	out.latencyMeanMs = flow.completed > 0 ? flow.sumLatencyMs / flow.completed : 0;
	out.capacityPerSecond = flow.capacityRouted;
	out.inService = hasTargets ? inService : running;
}

/** Start deregistration (draining) of a target for the LB's delay; ends early when nothing is in flight. */
export function startDraining(s: Working, id: string): void {
	const i = s.instances[id];
	if (!i || !i.isBehindLoadBalancer || i.target.health === 'unused' || i.target.health === 'draining') return;
	i.target.health = 'draining';
	i.target.drainUntilTick = s.clock.tick + Math.ceil(s.config.loadBalancer.deregistrationDelaySeconds / s.config.tickSeconds);
}
