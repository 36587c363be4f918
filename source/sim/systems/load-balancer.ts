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
import {nextExponential, nextServiceTime, nextUnit, roundStochastic} from '../rng.js';
import type {TargetHealth} from '../types.js';
import type {Working} from '../working.js';
import {billContext, billFleet, billInstanceIn, minimumBilledSeconds, type BillContext} from './cost.js';
import {creditFloor, fleet, flushHot, flushHotAt, isHotScope, healthCodes, loadHot, loadHotAt, refreshModes, refreshModesAt, touchFleet, type Fleet} from './fleet.js';
import {checkContext, checkTargetIn, setHealth, type CheckContext} from './health-checks.js';
import {addCompleted, addSample, decay} from './histogram.js';
import {countFailure, failureCauseNames, latencySamplesPerTick, newTickFlow, serveInstance, type Offer, type TickFlow} from './instance-queue.js';
import {queueWait} from './queueing.js';
import {pickCandidates} from './routing.js';

export {capacityOf} from './fleet.js';

/** Per-tick fade of the "recent" latency histogram (half-life ≈ 10 ticks). */
export const recentDecay = 0.933;

/**
 * When true, every instance takes the reference path and the candidates are worked out again
 * every tick: the data plane as written in ./instance-queue.ts, ./health-checks.ts and
 * ./cost.ts, without the fast path's caches. Tests compare the two (they must agree exactly).
 */
let isReferenceOnly = false;

/** Run the data plane on its reference path only (tests); returns the previous setting. */
export function useReferenceDataPlane(on: boolean): boolean {
	const was = isReferenceOnly;
	isReferenceOnly = on;
	return was;
}

/** What the reference path adds to the fleet's sums for one instance (one object reused per tick). */
type InstanceSums = {inFlight: number; usd: number; running: number; runningUsdPerHour: number; inService: number; hasTarget: boolean};

/**
 * Tick steps 4–6 fused in one pass over the fleet (same results as running them one after
 * another, since each instance's check and bill depend only on that instance): route this
 * tick's arrivals, serve every instance's queue, run its health check, bill it.
 *
 * Two paths give the same results, operation for operation. Instances that are starting,
 * stopped, hung, unreachable, holding requests or draining take the reference path on their
 * records (`serveByReference`). A running instance that answers — nearly every instance of a
 * fleet, nearly every tick — takes the fast path below, on the hot arrays (fleet.ts
 * `HotFields`) with its inputs from `Fleet.modes`, so the pass reads no record at all except on
 * the ticks its health check runs. Candidates are picked again only when a writer touched the
 * fleet (or slow start is on).
 */
export function routeAndServe(s: Working): void {
	const dt = s.config.tickSeconds;
	const lb = s.config.loadBalancer;
	const f = fleet(s);
	if (!f.hot.valid) loadHot(f);
	const modes = f.modes;
	const isSlowStart = lb.kind === 'application' && lb.slowStartSeconds > 0 && s.loadBalancer.algorithm !== 'least-outstanding-requests';
	if (modes.dirty || isReferenceOnly || isSlowStart) {
		refreshModes(f);
		f.pools = pickCandidates(s, f);
	}

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
	const pools = f.pools;
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
	const u = nextUnit(flow.rng);
	let cumulative = 0;
	let assigned = 0;
	const offer: Offer = {count: 0, ratePerSecond: 0, arrivalCv2: 1, pooledWaitSeconds: -1, pooledPWait: 0, hasSurgeQueue, memoSlot: 0};
	const isRoundRobin = s.loadBalancer.algorithm === 'round-robin';
	const bill = billContext(s);
	const check = checkContext(s);
	const {zoneOf, isCandidate, weight, specs, hourlyUsd, zoneShare, zoneShareWeight} = f;
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
	const sums: InstanceSums = {inFlight: 0, usd: 0, running: 0, runningUsdPerHour: 0, inService: 0, hasTarget: false};
	// The fast path's inputs, constants and accumulators, as locals (the accumulators go back to
	// `flow` around the reference path and at the end).
	const {isPlain, health, appReadyTick, ec2StateSinceTick, launchedTick, hasElasticIp, isBehindLoadBalancer, isKnownType} = modes;
	const hot = f.hot;
	const hBacklog = hot.backlog;
	const hInFlight = hot.inFlight;
	const hCompleted = hot.completed;
	const hCpu = hot.cpuPercent;
	const hLatency = hot.latencyMs;
	const hCredits = hot.cpuCredits;
	const hBilled = hot.billedSeconds;
	const hCost = hot.costUsd;
	const hRoutedLast = hot.routedLast;
	const hRoutedTotal = hot.routedTotal;
	const hPasses = hot.passes;
	const hFailures = hot.failures;
	const {healthyThreshold, unhealthyThreshold} = lb.healthCheck;
	const tick = flow.tick;
	const muPerVcpu = flow.muPerVcpu;
	const closedR = flow.closedResponseSeconds;
	const isClosed = closedR >= 0;
	const backlogPerVcpu = flow.backlogPerVcpu;
	const maxWaitSeconds = flow.maxWaitSeconds;
	const slowSeconds = flow.slowSeconds;
	const cv = flow.cv;
	const checkTimeoutSeconds = lb.healthCheck.timeoutSeconds;
	const intervalTicks = check.intervalTicks | 0;
	const totals = s.totals;
	const eipUsdPerTick = bill.elasticIpUsdPerTick;
	const startBilledSeconds = bill.startBilledSeconds;
	const {memoKey, memoC, memoCa2, memoPWait, memoWaitSeconds, memoLambda, memoMu} = flow;
	const rng = flow.rng;
	// The PRNG state as an int32 inside this loop; rng[0] holds it as a uint32 (../rng.ts).
	let r = rng[0]! | 0;
	let fCompleted = flow.completed;
	let fSumLatencyMs = flow.sumLatencyMs;
	let fCpuSum = flow.cpuSum;
	let fRunning = flow.running;
	let fCapacityRouted = flow.capacityRouted;
	let nextSampleAt = flow.nextSampleAt;
	// The queue-wait memo slot of the last candidate (non-candidates keep it, as the reference path does).
	let slot = 0;
	for (let k = 0; k < n; k++) {
		const zone = zoneOf[k]!;
		const z = byZone ? zone : 0;
		let count = 0;
		let lambda = 0;
		let arrivalCv2 = 1;
		let pooledWaitSeconds = -1;
		let pooledPWait = 0;
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
			count = upto > assigned ? upto - assigned : 0;
			assigned += count;
			lambda = rate * share;
			arrivalCv2 = zoneArrivalCv2[z]!;
			pooledWaitSeconds = isPooled ? zoneWait[z]! : -1;
			pooledPWait = zonePWait[z]!;
			slot = z;
		}

		const readyTick = appReadyTick[k]!;
		if (isReferenceOnly || isPlain[k] === 0 || zoneDown[zone] === 1 || readyTick < 0 || tick < readyTick) {
			offer.count = count;
			offer.ratePerSecond = lambda;
			offer.arrivalCv2 = arrivalCv2;
			offer.pooledWaitSeconds = pooledWaitSeconds;
			offer.pooledPWait = pooledPWait;
			offer.memoSlot = slot;
			flow.completed = fCompleted;
			flow.sumLatencyMs = fSumLatencyMs;
			flow.cpuSum = fCpuSum;
			flow.running = fRunning;
			flow.capacityRouted = fCapacityRouted;
			flow.nextSampleAt = nextSampleAt;
			rng[0] = r >>> 0;
			serveByReference(s, f, k, offer, flow, check, bill, sums);
			r = rng[0]! | 0;
			fCompleted = flow.completed;
			fSumLatencyMs = flow.sumLatencyMs;
			fCpuSum = flow.cpuSum;
			fRunning = flow.running;
			fCapacityRouted = flow.capacityRouted;
			nextSampleAt = flow.nextSampleAt;
			inFlight += sums.inFlight;
			usd += sums.usd;
			running += sums.running;
			runningUsdPerHour += sums.runningUsdPerHour;
			inService += sums.inService;
			if (sums.hasTarget) hasTargets = true;
			continue;
		}

		// The fast path: the same arithmetic, in the same order, as serveInstance, checkTargetIn
		// and billInstanceIn for a running instance that answers and is not draining.
		const spec = specs[k]!;
		const a = count;
		const inFlightBefore = hInFlight[k]!;
		hRoutedLast[k] = a;
		hRoutedTotal[k] += a;
		fRunning += 1;
		const c = spec.vcpus;
		const burst = spec.burst;
		const creditsBefore = hCredits[k]!;
		const throttle = burst && creditsBefore < creditFloor ? burst.baselinePercentPerVcpu / 100 : 1;
		const mu = muPerVcpu * throttle;
		const capacity = c * mu;
		if (a > 0 || lambda > 0) fCapacityRouted += capacity;
		// Fluid backlog: grows at λ − cμ, drains at cμ − λ (none in a closed loop).
		const before = hBacklog[k]!;
		let backlog = before + ((lambda - capacity) * dt);
		if (backlog < 0 || isClosed) backlog = 0;
		const servedPerSecond = Math.min(capacity, lambda + ((before - backlog) / dt));
		let n503 = 0;
		let n504 = 0;
		const maxBacklog = backlogPerVcpu * c;
		if (backlog > maxBacklog) {
			rng[0] = r >>> 0;
			n503 = Math.min(a, roundStochastic(rng, backlog - maxBacklog));
			r = rng[0]! | 0;
			backlog = maxBacklog;
		}

		if (backlog > capacity * maxWaitSeconds) {
			rng[0] = r >>> 0;
			n504 = Math.min(inFlightBefore + a - n503, roundStochastic(rng, backlog - (capacity * maxWaitSeconds)));
			r = rng[0]! | 0;
			backlog = capacity * maxWaitSeconds;
		}

		if (n503 > 0) {
			if (hasSurgeQueue) {
				flow.refused += n503;
				hRoutedLast[k] -= n503;
				hRoutedTotal[k] -= n503;
			} else {
				countFailure(flow, n503, 'backlog-full');
			}
		}

		if (n504 > 0) countFailure(flow, n504, 'timeout');
		hBacklog[k] = backlog;
		const serviceSeconds = 1 / mu;
		let pWait: number;
		let waitSeconds: number;
		if (isClosed) {
			pWait = 1;
			waitSeconds = Math.max(0, closedR - serviceSeconds);
		} else if (pooledWaitSeconds >= 0) {
			pWait = pooledPWait;
			waitSeconds = pooledWaitSeconds;
		} else {
			const m = slot & 7;
			const isSamePair = memoLambda[m] === lambda && memoMu[m] === mu;
			if ((!isSamePair && memoKey[m] !== lambda / mu) || memoC[m] !== c || memoCa2[m] !== arrivalCv2) {
				const q = queueWait(c, lambda, mu, cv, arrivalCv2);
				memoLambda[m] = lambda;
				memoMu[m] = mu;
				memoKey[m] = lambda / mu;
				memoC[m] = c;
				memoCa2[m] = arrivalCv2;
				memoPWait[m] = q.pWait;
				memoWaitSeconds[m] = q.meanWaitSeconds;
			}

			pWait = memoPWait[m]!;
			waitSeconds = memoWaitSeconds[m]!;
		}

		const backlogWaitSeconds = (before + backlog) / 2 / capacity;
		const responseSeconds = waitSeconds + serviceSeconds + slowSeconds;
		const latencyMs = (responseSeconds + backlogWaitSeconds) * 1000;
		const cpuPercent = capacity > 0 ? 100 * (servedPerSecond / capacity) * throttle : 0;
		// roundStochastic(rng, λR + backlog), with mulberry32 (../rng.ts) on the local state.
		const expected = (lambda * responseSeconds) + backlog;
		const whole = Math.floor(expected);
		const fraction = expected - whole;
		let target = whole;
		if (fraction > 0) {
			// The same bits as nextUint32, with the state kept as an int32 (`| 0`, not `>>> 0`):
			// a uint32 above 2^31 is a double, and every bit operation on it converts it back.
			r = (r + 0x6D_2B_79_F5) | 0;
			let x = Math.imul(r ^ (r >>> 15), r | 1);
			x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
			target = whole + Number((((x ^ (x >>> 14)) >>> 0) / 4_294_967_296) < fraction);
		}

		const available = inFlightBefore + a - n503 - n504;
		const next = target < available ? target : available;
		const completed = available - next;
		hInFlight[k] = next;
		hCompleted[k] = completed;
		hLatency[k] = completed > 0 ? latencyMs : 0;
		hCpu[k] = cpuPercent;
		fCpuSum += cpuPercent;
		let credits = creditsBefore;
		if (burst) {
			const earned = creditsBefore + (((burst.creditsPerHour / 3600) - (c * cpuPercent / 100 / 60)) * dt);
			credits = earned < 0 ? 0 : Math.min(earned, Math.max(burst.maxCredits, creditsBefore));
			hCredits[k] = credits;
			// Crossing the credit floor changes its capacity, hence its routing weight.
			if ((credits < creditFloor) !== (creditsBefore < creditFloor)) modes.dirty = true;
		}

		if (completed > 0) {
			fCompleted += completed;
			fSumLatencyMs += completed * latencyMs;
			if (nextSampleAt < fCompleted) {
				rng[0] = r >>> 0;
				flow.nextSampleAt = nextSampleAt;
				takeSamples(s, flow, fCompleted, serviceSeconds, backlogWaitSeconds, waitSeconds, pWait);
				nextSampleAt = flow.nextSampleAt;
				r = rng[0]! | 0;
			}
		}

		inFlight += next;
		if (isBehindLoadBalancer[k] === 1) {
			// Whole numbers as int32: a `%` of doubles is a call into the runtime.
			const since = (tick | 0) - launchedTick[k]!;
			if (health[k] !== 2 && since !== 0 && since % intervalTicks === 0) {
				// passesHealthCheck: running, answering and reachable, so only the queue decides
				// (capacityOf, with this tick's credits; 0 for a type the catalog does not know).
				const checkThrottle = burst && credits < creditFloor ? burst.baselinePercentPerVcpu / 100 : 1;
				const checkCapacity = isKnownType[k] === 1 ? c * muPerVcpu * checkThrottle : 0;
				// recordCheck on the hot counters; the record is touched only when the target's health changes.
				const code = health[k]!;
				if (checkCapacity > 0 && hBacklog[k]! / checkCapacity < checkTimeoutSeconds) {
					hPasses[k] += 1;
					hFailures[k] = 0;
					if (code !== 1 && hPasses[k]! >= healthyThreshold) setHealthAt(s, f, k, 'healthy');
				} else {
					hFailures[k] += 1;
					hPasses[k] = 0;
					if ((code === 1 || code === 0) && hFailures[k]! >= unhealthyThreshold) setHealthAt(s, f, k, 'unhealthy');
				}

				if (health[k] === 1) inService++;
			} else if (health[k] === 1) {
				inService++;
			}

			hasTargets = true;
		}

		running++;
		runningUsdPerHour += hourlyUsd[k]!;
		// billInstanceIn for a running instance.
		let eipUsd = 0;
		if (hasElasticIp[k] === 1) {
			totals.elasticIpSeconds += dt;
			eipUsd = eipUsdPerTick;
		}

		const sinceStartSeconds = (tick - ec2StateSinceTick[k]!) * dt;
		let billed = 0;
		if (sinceStartSeconds === 0) billed = startBilledSeconds;
		else if (sinceStartSeconds >= minimumBilledSeconds || sinceStartSeconds < 0) billed = dt;
		if (billed === 0) {
			usd += eipUsd;
		} else {
			const instanceUsd = hourlyUsd[k]! * billed / 3600;
			hBilled[k] += billed;
			hCost[k] += instanceUsd;
			totals.instanceSeconds += billed;
			usd += eipUsd + instanceUsd;
		}
	}

	rng[0] = r >>> 0;
	flow.completed = fCompleted;
	flow.sumLatencyMs = fSumLatencyMs;
	flow.cpuSum = fCpuSum;
	flow.running = fRunning;
	flow.capacityRouted = fCapacityRouted;
	flow.nextSampleAt = nextSampleAt;
	if (!isHotScope(s)) flushHot(f);
	finishTick(s, flow, offered, pools, {inFlight, usd, running, runningUsdPerHour, inService, hasTarget: hasTargets});
}


/**
 * The tick's fleet-level results from the pass's sums: the bill, the surge queue, totals, the
 * latency histograms and `s.flow`. A function of its own: the pass's loop may run as on-stack-
 * replacement code, and a map check after the loop that fails (an object whose hidden class
 * changed) threw that code away on every tick.
 */
function finishTick(s: Working, flow: TickFlow, offered: number, pools: number, sums: InstanceSums): void {
	const lb = s.config.loadBalancer;
	const totals = s.totals;
	const {usd, running, runningUsdPerHour, inService} = sums;
	let {inFlight} = sums;
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
	out.inService = sums.hasTarget ? inService : running;
}

/**
 * Percentile samples, systematic over completions, up to `completed` (serveInstance's loop, on
 * `flow`). A function of its own, called a few times a tick: inlined, its draws and histogram
 * updates made the fast path's loop slower for every instance.
 */
function takeSamples(s: Working, flow: TickFlow, completed: number, serviceSeconds: number, backlogWaitSeconds: number, waitSeconds: number, pWait: number): void {
	const rng = flow.rng;
	const slowSeconds = flow.slowSeconds;
	while (flow.nextSampleAt < completed) {
		if (++flow.samples > 4 * latencySamplesPerTick) flow.sampleStep *= 2;
		let ms = (nextServiceTime(rng, serviceSeconds, flow.cv) + backlogWaitSeconds + slowSeconds) * 1000;
		if (waitSeconds > 0 && pWait > 0 && nextUnit(rng) < pWait) ms += nextExponential(rng, waitSeconds / pWait) * 1000;
		addSample(s.latency, ms, flow.sampleStep);
		addSample(s.recentLatency, ms, flow.sampleStep);
		flow.nextSampleAt += flow.sampleStep;
	}
}

/** A target's health changes (./health-checks.ts `setHealth` on its record), and its mode with it. */
function setHealthAt(s: Working, f: Fleet, k: number, to: TargetHealth): void {
	setHealth(s, f.list[k]!, to);
	f.modes.health[k] = healthCodes[to]!;
}

/**
 * The reference path for instance `k`: its record is brought up to date from the hot arrays,
 * served (./instance-queue.ts), checked (./health-checks.ts) and billed (./cost.ts), and its
 * fields go back to the hot arrays. Its contributions to the fleet's sums go to `sums`.
 */
function serveByReference(s: Working, f: Fleet, k: number, offer: Offer, flow: TickFlow, check: CheckContext, bill: BillContext, sums: InstanceSums): void {
	const i = f.list[k]!;
	const creditsBefore = f.hot.cpuCredits[k]!;
	flushHotAt(f, k);
	serveInstance(s, i, f.specs[k]!, f.zoneDown[f.zoneOf[k]!] === 1, offer, flow);
	sums.inFlight = i.inFlight ?? 0;
	sums.inService = 0;
	sums.hasTarget = false;
	if (i.isBehindLoadBalancer) {
		checkTargetIn(s, check, i);
		sums.hasTarget = true;
		if (i.target.health === 'healthy') sums.inService = 1;
	}

	const isRunning = i.ec2State === 'running';
	sums.running = isRunning ? 1 : 0;
	sums.runningUsdPerHour = isRunning ? f.hourlyUsd[k]! : 0;
	sums.usd = billInstanceIn(bill, i, f.hourlyUsd[k]!);
	loadHotAt(f, k);
	refreshModesAt(f, k);
	// Crossing the credit floor changes its capacity, hence its routing weight.
	if ((i.cpuCredits < creditFloor) !== (creditsBefore < creditFloor)) f.modes.dirty = true;
}

/** Start deregistration (draining) of a target for the LB's delay; ends early when nothing is in flight. */
export function startDraining(s: Working, id: string): void {
	const i = s.instances[id];
	if (!i || !i.isBehindLoadBalancer || i.target.health === 'unused' || i.target.health === 'draining') return;
	i.target.health = 'draining';
	touchFleet(s);
	i.target.drainUntilTick = s.clock.tick + Math.ceil(s.config.loadBalancer.deregistrationDelaySeconds / s.config.tickSeconds);
}
