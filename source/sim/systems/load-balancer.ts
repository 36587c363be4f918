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
import {instanceTypes} from '../catalog.js';
import {nextUnit} from '../rng.js';
import type {Working} from '../working.js';
import {addCompleted, decay} from './histogram.js';
import {newTickFlow, serveInstance, type Offer} from './instance-queue.js';
import {queueWait} from './queueing.js';

type MutableInstance = Working['instances'][string];

/** Latency samples per tick for the percentile histograms. */
export const latencySamplesPerTick = 16;
/** Per-tick fade of the "recent" latency histogram (half-life ≈ 10 ticks). */
export const recentDecay = 0.933;

/** Capacity of an instance for the app, req/s (t2 throttle included). */
export function capacityOf(s: Working, i: MutableInstance): number {
	const spec = instanceTypes[i.instanceType];
	if (!spec) return 0;
	const throttle = spec.burst && i.cpuCredits <= 0 ? spec.burst.baselinePercentPerVcpu / 100 : 1;
	return spec.vcpus * (1000 / s.config.app.cpuMs) * throttle;
}

/** Is the target one the LB sends new requests to (before the fail-open rule)? */
function isRoutable(i: MutableInstance): boolean {
	return i.isBehindLoadBalancer && i.target.health === 'healthy';
}

/** Registered, not draining: what an application LB fails open to. */
function isRegistered(i: MutableInstance): boolean {
	return i.isBehindLoadBalancer && (i.target.health === 'initial' || i.target.health === 'unhealthy' || i.target.health === 'healthy');
}

/** The instances this tick's requests go to, and whether it is the direct (no LB target) mode. */
function candidates(s: Working, list: MutableInstance[]): MutableInstance[] {
	const routable = list.filter(i => isRoutable(i));
	if (routable.length > 0) return routable;
	const hasTargets = list.some(i => i.isBehindLoadBalancer && i.target.health !== 'unused');
	if (hasTargets) return s.config.loadBalancer.kind === 'application' ? list.filter(i => isRegistered(i)) : [];
	if (list.some(i => i.isBehindLoadBalancer)) return [];
	return list.filter(i => i.ec2State !== 'terminated');
}

function slowStartFactor(s: Working, i: MutableInstance, others: boolean): number {
	const lb = s.config.loadBalancer;
	if (lb.kind !== 'application' || lb.slowStartSeconds <= 0 || s.loadBalancer.algorithm === 'least-outstanding-requests' || !others) return 1;
	if (i.target.healthySinceTick < 0) return 1;
	const elapsed = (s.clock.tick - i.target.healthySinceTick) * s.config.tickSeconds;
	return elapsed >= lb.slowStartSeconds ? 1 : Math.max(0.05, elapsed / lb.slowStartSeconds);
}

type Pool = {members: MutableInstance[]; weights: number[]; weightSum: number};

function buildPools(s: Working, cands: MutableInstance[]): Pool[] {
	const algorithm = s.loadBalancer.algorithm;
	const byZone = !s.config.loadBalancer.crossZone && cands.some(i => i.isBehindLoadBalancer);
	const pools = new Map<string, Pool>();
	const lb = s.config.loadBalancer;
	const hasSettled = lb.slowStartSeconds > 0 && cands.some(i => slowStartFactor(s, i, true) >= 1);
	for (const i of cands) {
		const key = byZone ? i.zone : '';
		let pool = pools.get(key);
		if (!pool) {
			pool = {members: [], weights: [], weightSum: 0};
			pools.set(key, pool);
		}

		const base = algorithm === 'round-robin' ? 1 : Math.max(1e-9, capacityOf(s, i));
		const w = base * slowStartFactor(s, i, hasSettled);
		pool.members.push(i);
		pool.weights.push(w);
		pool.weightSum += w;
	}

	return [...pools.values()];
}

/** Tick step 4: route this tick's arrivals and serve every instance's queue. */
export function routeAndServe(s: Working): void {
	const dt = s.config.tickSeconds;
	const lb = s.config.loadBalancer;
	const list: MutableInstance[] = [];
	for (const id of s.instanceOrder) list.push(s.instances[id]!);
	const surge = s.loadBalancer.surgeQueue;
	s.loadBalancer.surgeQueue = 0;
	const offered = s.flow.arrived + surge;
	const rate = s.flow.expectedRatePerSecond + (surge / dt);
	const flow = newTickFlow(s.rng, Math.max(offered, s.flow.completed), latencySamplesPerTick);
	decay(s.recentLatency, recentDecay);
	const cands = candidates(s, list);
	const offers = new Map<MutableInstance, Offer>();
	const hasSurgeQueue = lb.kind === 'classic' && lb.surgeQueueLength > 0;
	let routed = 0;
	if (cands.length === 0) {
		flow.causes['no-healthy-targets'] += offered;
		flow.e503 += offered;
	} else {
		const pools = buildPools(s, cands);
		const u = nextUnit(s.rng);
		let cumulative = 0;
		let assigned = 0;
		const isPooled = s.loadBalancer.algorithm === 'least-outstanding-requests';
		for (const pool of pools) {
			const poolRate = rate / pools.length;
			let pooledWait = -1;
			let pooledPWait = 0;
			if (isPooled) {
				let vcpus = 0;
				let capacity = 0;
				for (const i of pool.members) {
					vcpus += instanceTypes[i.instanceType]?.vcpus ?? 1;
					capacity += capacityOf(s, i);
				}

				const q = queueWait(vcpus, poolRate, capacity / Math.max(1, vcpus), s.config.app.cv, 1);
				pooledWait = q.meanWaitSeconds;
				pooledPWait = q.pWait;
			}

			const ca2 = s.loadBalancer.algorithm === 'round-robin' ? 1 / pool.members.length : 1;
			for (let k = 0; k < pool.members.length; k++) {
				const share = pool.weights[k]! / pool.weightSum / pools.length;
				cumulative += offered * share;
				const upto = Math.min(offered, Math.floor(cumulative + u));
				const count = Math.max(0, upto - assigned);
				assigned += count;
				offers.set(pool.members[k]!, {count, ratePerSecond: rate * share, arrivalCv2: ca2, pooledWaitSeconds: pooledWait, pooledPWait, hasSurgeQueue});
			}
		}

		if (assigned < offered) {
			const last = offers.get(cands.at(-1)!)!;
			last.count += offered - assigned;
		}

		routed = offered;
	}

	const none: Offer = {count: 0, ratePerSecond: 0, arrivalCv2: 1, pooledWaitSeconds: -1, pooledPWait: 0, hasSurgeQueue};
	let inFlight = 0;
	for (const i of list) {
		serveInstance(s, i, offers.get(i) ?? none, flow);
		inFlight += i.inFlight ?? 0;
	}

	if (flow.refused > 0) {
		const room = Math.max(0, lb.surgeQueueLength - s.loadBalancer.surgeQueue);
		const queued = Math.min(room, flow.refused);
		s.loadBalancer.surgeQueue += queued;
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
	for (const [cause, count] of Object.entries(flow.causes)) s.failureCauses[cause as keyof typeof flow.causes] += count;
	addCompleted(s.latency, flow.completed, flow.sumLatencyMs);
	addCompleted(s.recentLatency, flow.completed, flow.sumLatencyMs);
	const f = s.flow;
	f.completed = flow.completed;
	f.failed = failed;
	f.errors['502'] = flow.e502;
	f.errors['503'] = flow.e503;
	f.errors['504'] = flow.e504;
	f.routed = routed;
	f.inFlight = inFlight;
	f.cpuAvgPercent = flow.running > 0 ? flow.cpuSum / flow.running : 0;
	f.latencyMeanMs = flow.completed > 0 ? flow.sumLatencyMs / flow.completed : 0;
	f.capacityPerSecond = flow.capacityRouted;
}

/** Start deregistration (draining) of a target for the LB's delay; ends early when nothing is in flight. */
export function startDraining(s: Working, id: string): void {
	const i = s.instances[id];
	if (!i || !i.isBehindLoadBalancer || i.target.health === 'unused' || i.target.health === 'draining') return;
	i.target.health = 'draining';
	i.target.drainUntilTick = s.clock.tick + Math.ceil(s.config.loadBalancer.deregistrationDelaySeconds / s.config.tickSeconds);
}
