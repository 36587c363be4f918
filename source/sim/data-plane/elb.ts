/**
 * The Elastic Load Balancer's routing for one tick (aws-behaviour.md §5): which targets get
 * requests, in which pools, with what shares, and how many each. Pure in the state; the counts'
 * noise comes from the data-plane stream.
 *
 * - Candidates: registered targets that are `healthy` (InService) and not being deregistered
 *   (an instance the group is terminating drains first: no new requests). When none is healthy,
 *   an application LB fails open to all its registered targets (`unhealthy` and `initial`), a
 *   classic LB answers 503. Targets of instances in the group's Pending or Terminating state get nothing.
 * - No target registered at all (standalone instances not behind the LB, or a run without a load
 *   balancer): requests go straight to the instances (an Elastic IP, DNS), round-robin.
 * - Cross-zone off: each zone's LB node gets an equal share of the traffic, split among that zone's
 *   candidates (AWS's 2 + 8 example: 25 % vs 6.25 % per target). On: one pool.
 * - Shares: equal (round-robin) or by capacity (weighted, least outstanding requests); slow start
 *   (application, not with least outstanding requests) ramps a new target's weight linearly over
 *   `slowStartSeconds` while some other target is past its ramp.
 * - Counts: round-robin and least outstanding requests deal requests in turn, so each target's
 *   count is within one of its share (systematic split; round-robin's Erlang-n gaps); weighted
 *   routing picks targets at random, so its counts are multinomial.
 */
import {hash32, nextUnit, normalFromUnit, type RngState} from '../rng.js';
import type {SimConfig} from '../config.js';
import type {Working} from '../working.js';
import {capacityWith, type FleetView} from '../systems/fleet.js';

type MutableInstance = Working['instances'][string];

/** What routing decided this tick, fleet-wide (one object per data-plane pass). */
export type RoutePlan = {
	/** Pools with candidates (0: nobody to route to). */
	pools: number;
	/** Candidates per pool and the sum of their weights (indexed by pool). */
	readonly members: Int32Array;
	readonly weightSum: Float64Array;
	/** Number of ELB nodes (enabled zones): each knows only its own outstanding requests. */
	elbNodes: number;
};

/** A fresh plan with room for `zones` pools. */
export function emptyRoutePlan(zones: number): RoutePlan {
	return {pools: 0, members: new Int32Array(Math.max(1, zones)), weightSum: new Float64Array(Math.max(1, zones)), elbNodes: 1};
}

/** Does the run have a load balancer at all (a group, or a standalone instance registered with it; never with DNS round-robin)? */
export function hasLoadBalancer(s: {readonly config: SimConfig}): boolean {
	if (s.config.loadBalancer.kind === 'dns') return false; // DNS round-robin: no ELB to route, check or bill
	return s.config.autoScaling !== undefined || s.config.instances.some(i => i.behindLoadBalancer);
}

/**
 * 1: a candidate target; 2: registered, a fail-open candidate (unhealthy, or still in its initial
 * checks: when no target is healthy an ALB routes to all of them); 3: direct (not registered);
 * 0: none (draining, or an instance the group is launching, or deregistering before it terminates it).
 */
function classify(i: MutableInstance): number {
	if (!i.isBehindLoadBalancer) return i.ec2State === 'terminated' ? 0 : 3;
	const h = i.target.health;
	// The group registers an instance when it leaves Pending, and deregisters (drains) a running
	// one before terminating it; an instance killed under it is dead to the ELB only once its
	// checks fail (it keeps its target state, and its requests fail, until then).
	if (i.asgLifecycle === 'Pending' || (i.asgLifecycle === 'Terminating' && i.ec2State === 'running')) return 0;
	if (h === 'healthy') return 1;
	return h === 'unhealthy' || h === 'initial' ? 2 : 0;
}

function slowStartFactor(s: Working, i: MutableInstance): number {
	if (i.target.healthySinceTick < 0) return 1;
	const seconds = s.config.loadBalancer.slowStartSeconds;
	const elapsed = (s.clock.tick - i.target.healthySinceTick) * s.config.tickSeconds;
	return elapsed >= seconds ? 1 : Math.max(0.05, elapsed / seconds);
}

/**
 * Marks this tick's candidates (`v.pool[k]` ≥ 0, their weights in `v.weight`) and fills `plan`.
 * `credits`: the instances' CPU credit balances (a throttled t2 weighs less by capacity).
 */
export function pickTargets(s: Working, v: FleetView, credits: readonly number[], plan: RoutePlan): void {
	const n = v.length;
	const lb = s.config.loadBalancer;
	const algorithm = s.loadBalancer.algorithm;
	const isEqual = algorithm === 'round-robin';
	const byZone = !lb.crossZone;
	plan.members.fill(0);
	plan.weightSum.fill(0);
	let healthy = 0;
	let failOpen = 0;
	let direct = 0;
	let registered = false;
	const {list, pool, weight, zoneOf} = v;
	for (let k = 0; k < n; k++) {
		const i = list[k]!;
		pool[k] = -1;
		if (i.isBehindLoadBalancer) registered = true;
		const c = classify(i);
		if (c === 1) healthy++;
		else if (c === 2) failOpen++;
		else if (c === 3) direct++;
	}

	let wanted = 1;
	if (healthy === 0) {
		if (failOpen > 0) wanted = lb.kind === 'application' ? 2 : -1;
		else wanted = !registered && direct > 0 ? 3 : -1;
	}

	if (wanted > 0) {
		for (let k = 0; k < n; k++) {
			const i = list[k]!;
			if (classify(i) !== wanted) continue;
			const z = byZone && wanted !== 3 ? zoneOf[k]! : 0;
			const w = isEqual || wanted === 3 ? 1 : Math.max(1e-9, capacityWith(s, i.instanceType, credits[k]!));
			pool[k] = z;
			weight[k] = w;
			plan.members[z] += 1;
			plan.weightSum[z] += w;
		}
	}

	if (wanted === 1 && lb.kind === 'application' && lb.slowStartSeconds > 0 && algorithm !== 'least-outstanding-requests') applySlowStart(s, v, plan);
	let pools = 0;
	for (let z = 0; z < plan.members.length; z++) if (plan.members[z]! > 0) pools++;
	plan.pools = pools;
	plan.elbNodes = Math.max(1, s.config.autoScaling?.zones.length ?? 1);
}

/** Slow start: when some target is past its ramp, new ones get a linearly growing weight. */
function applySlowStart(s: Working, v: FleetView, plan: RoutePlan): void {
	let settled = false;
	for (let k = 0; k < v.length; k++) if (v.pool[k]! >= 0 && slowStartFactor(s, v.list[k]!) >= 1) settled = true;
	if (!settled) return;
	plan.weightSum.fill(0);
	for (let k = 0; k < v.length; k++) {
		const z = v.pool[k]!;
		if (z < 0) continue;
		v.weight[k] = v.weight[k]! * slowStartFactor(s, v.list[k]!);
		plan.weightSum[z] += v.weight[k]!;
	}
}

/** Member k's share of the tick's traffic (0 when not a candidate). */
export function shareOf(v: FleetView, plan: RoutePlan, k: number): number {
	const z = v.pool[k]!;
	return z < 0 ? 0 : v.weight[k]! / plan.weightSum[z]! / plan.pools;
}

/**
 * Deal `offered` requests to the candidates (`v.count[k]`): in turn (systematic split; counts add
 * up to `offered` and each is within one of its share) or, for `isRandom`, at random
 * (multinomial: sequential binomials). `rng`: the routing stream of this tick. `cursor`
 * (round-robin): the load balancer's cursor, carried from tick to tick when one pool of equal
 * weights is dealt.
 */
export function dealRequests(v: FleetView, plan: RoutePlan, offered: number, isRandom: boolean, rng: RngState, cursor?: {cursor: number}): void {
	const n = v.length;
	const count = v.count;
	count.fill(0);
	if (plan.pools === 0 || offered <= 0) return;
	let last = -1;
	let equal = true;
	let firstWeight = -1;
	for (let k = 0; k < n; k++) {
		if (v.pool[k]! < 0) continue;
		last = k;
		if (firstWeight < 0) firstWeight = v.weight[k]!;
		else if (v.weight[k] !== firstWeight) equal = false;
	}

	if (cursor && plan.pools === 1 && equal) {
		// Round-robin in one pool: request j of the tick goes to candidate (cursor + j) mod n, and
		// the cursor carries over, as the ELB's does: cumulative counts stay within one of each other.
		const members = plan.members[v.pool[last]!]!;
		const start = ((cursor.cursor % members) + members) % members;
		const base = Math.floor(offered / members);
		const extra = offered - (base * members);
		let p = 0;
		for (let k = 0; k < n; k++) {
			if (v.pool[k]! < 0) continue;
			count[k] = base + (((p - start + members) % members) < extra ? 1 : 0);
			p++;
		}

		cursor.cursor = (start + offered) % members;
		return;
	}

	if (isRandom) {
		let left = offered;
		let shareLeft = 1;
		for (let k = 0; k < n && left > 0; k++) {
			if (v.pool[k]! < 0) continue;
			const share = shareOf(v, plan, k);
			const p = k === last || shareLeft <= share ? 1 : share / shareLeft;
			const a = binomialFromUnit(left, p, nextUnit(rng));
			count[k] = a;
			left -= a;
			shareLeft -= share;
		}

		return;
	}

	const u = nextUnit(rng);
	let cumulative = 0;
	let assigned = 0;
	for (let k = 0; k < n; k++) {
		if (v.pool[k]! < 0) continue;
		cumulative += offered * shareOf(v, plan, k);
		const upto = k === last ? offered : Math.min(offered, Math.floor(cumulative + u));
		const a = upto > assigned ? upto - assigned : 0;
		count[k] = a;
		assigned += a;
	}
}

/** The routing stream of a tick: its own key, so the split's draws do not move the queues' noise. */
export function routingRng(tickKey: number, rng: RngState): RngState {
	rng[0] = hash32(tickKey, 0x52_4F_55_54);
	return rng;
}

/**
 * A Binomial(n, p) count from one uniform: inversion (exact) while the mean or its complement is
 * below 30, else the normal quantile with a continuity correction. Monotone in `u`.
 */
export function binomialFromUnit(n: number, p: number, u: number): number {
	if (n <= 0 || p <= 0) return 0;
	if (p >= 1) return n;
	const flip = p > 0.5;
	const q = flip ? 1 - p : p;
	const mean = n * q;
	let k: number;
	if (mean < 30) {
		let pk = Math.exp(n * Math.log1p(-q));
		let cumulative = pk;
		k = 0;
		const ratio = q / (1 - q);
		const v = flip ? 1 - u : u;
		while (v > cumulative && k < n) {
			pk *= ((n - k) / (k + 1)) * ratio;
			k++;
			cumulative += pk;
			if (pk < 1e-300 && cumulative < v) break;
		}
	} else {
		const z = normalFromUnit(flip ? 1 - u : u);
		k = Math.floor(mean + (z * Math.sqrt(mean * (1 - q))) + 0.5);
		k = k < 0 ? 0 : k > n ? n : k;
	}

	return flip ? n - k : k;
}
