/**
 * Which targets get this tick's requests, and with what weights (part of tick step 4; see
 * ./load-balancer.ts for the rules): healthy targets, else fail-open (application) or none
 * (classic), or straight to standalone instances when nothing is registered; weights equal
 * (round-robin) or by capacity, with slow start; sums per pool (zone, or one pool cross-zone).
 */
import type {Working} from '../working.js';
import {creditFloor, type Fleet} from './fleet.js';

type MutableInstance = Working['instances'][string];

/** Routing class of each instance this tick: 0 none, 1 healthy target, 2 registered (fail-open), 3 direct. */
function classify(i: MutableInstance): number {
	if (!i.isBehindLoadBalancer) return i.ec2State === 'terminated' ? 0 : 3;
	const h = i.target.health;
	if (h === 'healthy') return 1;
	return h === 'initial' || h === 'unhealthy' ? 2 : 0;
}

function slowStartFactor(s: Working, i: MutableInstance): number {
	if (i.target.healthySinceTick < 0) return 1;
	const seconds = s.config.loadBalancer.slowStartSeconds;
	const elapsed = (s.clock.tick - i.target.healthySinceTick) * s.config.tickSeconds;
	return elapsed >= seconds ? 1 : Math.max(0.05, elapsed / seconds);
}

/**
 * Marks this tick's candidates in `f.isCandidate` (1) and their weights in `f.weight`; returns
 * the number of pools (zones with candidates when cross-zone is off, else 1) and fills the
 * per-pool sums. One pass in the usual case (some target healthy, no slow start).
 */
export function pickCandidates(s: Working, f: Fleet): number {
	const n = f.length;
	const lb = s.config.loadBalancer;
	const {zoneWeight, zoneVcpus, zoneCapacity, zoneMembers} = f;
	zoneWeight.fill(0);
	zoneVcpus.fill(0);
	zoneCapacity.fill(0);
	zoneMembers.fill(0);
	const isRoundRobin = s.loadBalancer.algorithm === 'round-robin';
	const muPerVcpu = 1000 / s.config.app.cpuMs;
	const byZone = !lb.crossZone;
	let healthy = 0;
	let registered = 0;
	let hasLbTargets = false;
	let direct = 0;
	let last = -1;
	const {list, routeClass, isCandidate, zoneOf} = f;
	for (let k = 0; k < n; k++) {
		const i = list[k]!;
		const c = classify(i);
		routeClass[k] = c;
		if (i.isBehindLoadBalancer) hasLbTargets = true;
		if (c === 1) {
			isCandidate[k] = 1;
			last = k;
			healthy++;
			addWeight(f, k, i, muPerVcpu, isRoundRobin, byZone ? zoneOf[k]! : 0);
		} else {
			isCandidate[k] = 0;
			if (c === 2) registered++;
			else if (c === 3) direct++;
		}
	}

	let wanted = 1;
	if (healthy === 0) {
		// No healthy target: fail open to every registered target (application), or straight to
		// standalone instances, or nobody.
		if (registered > 0) wanted = lb.kind === 'application' ? 2 : -1;
		else wanted = !hasLbTargets && direct > 0 ? 3 : -1;
		for (let k = 0; k < n; k++) {
			if (routeClass[k] !== wanted) continue;
			isCandidate[k] = 1;
			last = k;
			addWeight(f, k, list[k]!, muPerVcpu, isRoundRobin, byZone && wanted !== 3 ? zoneOf[k]! : 0);
		}
	}

	f.lastCandidate = last;
	if (lb.kind === 'application' && lb.slowStartSeconds > 0 && s.loadBalancer.algorithm !== 'least-outstanding-requests' && wanted === 1) applySlowStart(s, f, byZone);
	let pools = 0;
	for (let z = 0; z < zoneMembers.length; z++) if (zoneMembers[z]! > 0) pools++;
	return pools;
}

function addWeight(f: Fleet, k: number, i: MutableInstance, muPerVcpu: number, isRoundRobin: boolean, z: number): void {
	const spec = f.specs[k]!;
	const cpuCredits = f.hot.valid ? f.hot.cpuCredits[k]! : i.cpuCredits;
	const capacity = spec.vcpus * muPerVcpu * (spec.burst && cpuCredits < creditFloor ? spec.burst.baselinePercentPerVcpu / 100 : 1);
	const w = isRoundRobin ? 1 : Math.max(1e-9, capacity);
	f.weight[k] = w;
	f.zoneWeight[z] += w;
	f.zoneVcpus[z] += spec.vcpus;
	f.zoneCapacity[z] += capacity;
	f.zoneMembers[z] += 1;
}

/** Slow start: when some target is past its ramp, new ones get a linearly growing share. */
function applySlowStart(s: Working, f: Fleet, byZone: boolean): void {
	let settled = false;
	for (let k = 0; k < f.length; k++) if (f.isCandidate[k] === 1 && slowStartFactor(s, f.list[k]!) >= 1) settled = true;
	if (!settled) return;
	f.zoneWeight.fill(0);
	for (let k = 0; k < f.length; k++) {
		if (f.isCandidate[k] !== 1) continue;
		f.weight[k] = f.weight[k]! * slowStartFactor(s, f.list[k]!);
		f.zoneWeight[byZone ? f.zoneOf[k]! : 0] += f.weight[k]!;
	}
}
