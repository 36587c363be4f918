/**
 * One instance's queue for one tick (part of tick step 4): c = vCPUs servers of μ = 1000 /
 * cpuMs req/s each (× the t2 throttle), fed λ req/s (expected) and `a` routed requests (count).
 *
 * Model (docs/model.md, simulation.md §5 "fluid + formula"):
 * - Below capacity the queue is in steady state: mean response W = Wq + S from Erlang C /
 *   Pollaczek–Khinchine (./queueing.ts), in flight L = λW (Little's law).
 * - Above capacity a fluid backlog B (requests) grows at λ − cμ and drains at cμ − λ, with
 *   fractional service, so no capacity is lost to tick rounding; it adds B / cμ of waiting.
 * - The backlog is limited: beyond `backlogPerVcpu × c` arrivals are refused (503, or the
 *   classic surge queue), and a wait past min(app timeout, ELB idle timeout) fails (504).
 * - A request routed to an instance that is not running fails with 502; to a hung one, 504 once
 *   it has waited the ELB's idle timeout (60 s); to one in a zone outage, 504 after the 10 s
 *   connect timeout.
 * Whole requests are conserved: completions = in flight before + routed − failed − in flight after.
 */
import type {InstanceTypeSpec} from '../catalog.js';
import {hash32, nextExponential, nextServiceTime, nextUnit, roundStochastic, streamKey, streams} from '../rng.js';
import type {FailureCause} from '../types.js';
import type {Working} from '../working.js';
import {creditFloor} from './fleet.js';
import {addSample} from './histogram.js';
import {queueWait} from './queueing.js';

type MutableInstance = Working['instances'][string];

/** Per-tick accumulators shared by every instance's queue. */
export type TickFlow = {
	/** The data plane's random stream for this tick (sequential within the tick, seeded from (seed, tick): ../rng.ts). */
	readonly rng: number[];
	completed: number;
	sumLatencyMs: number;
	e502: number;
	e503: number;
	e504: number;
	causes: Record<FailureCause, number>;
	/** Refused requests a classic ELB may hold in its surge queue instead of failing. */
	refused: number;
	cpuSum: number;
	running: number;
	capacityRouted: number;
	/** Systematic latency sampling: one sample per `sampleStep` completions. */
	sampleStep: number;
	samples: number;
	nextSampleAt: number;
	/**
	 * Queue-wait memo, one slot per pool (`Offer.memoSlot`): instances of a zone usually share
	 * λ/μ, c and Ca², so the formula runs about once per zone per tick, not once per instance.
	 */
	memoKey: Float64Array;
	memoC: Float64Array;
	memoCa2: Float64Array;
	memoPWait: Float64Array;
	memoWaitSeconds: Float64Array;
	/** λ and μ of each slot's entry: the same pair is a hit without working out λ/μ again. */
	memoLambda: Float64Array;
	memoMu: Float64Array;
	/** Per-tick constants, read once. */
	tick: number;
	dt: number;
	/** Service rate of one unthrottled vCPU, req/s. */
	muPerVcpu: number;
	cv: number;
	backlogPerVcpu: number;
	maxWaitSeconds: number;
	closedResponseSeconds: number;
	slowSeconds: number;
	/** Ticks a hung instance holds a request before the ELB's idle timeout fails it (504). */
	holdTicks: number;
	/** Ticks before the ELB gives up connecting to an unreachable instance (zone outage; 504). */
	connectHoldTicks: number;
};

/** How requests reach this instance this tick (filled by the routing pass; one object reused). */
export type Offer = {
	count: number;
	ratePerSecond: number;
	/** Squared coefficient of variation of its arrivals (1 Poisson, 1/n round-robin over n). */
	arrivalCv2: number;
	/** Pooled wait (least outstanding requests), seconds, or -1 to use the instance's own queue. */
	pooledWaitSeconds: number;
	pooledPWait: number;
	/** Is the classic ELB's surge queue available for refused requests? */
	hasSurgeQueue: boolean;
	/** Which queue-wait memo slot to use (the pool's number). */
	memoSlot: number;
};

/** Count `count` failed requests under `cause` (and its 502/503/504 class). */
export function countFailure(flow: TickFlow, count: number, cause: FailureCause): void {
	if (count <= 0) return;
	flow.causes[cause] += count;
	if (cause === 'backend-down' || cause === 'app-starting') flow.e502 += count;
	else if (cause === 'hung' || cause === 'timeout') flow.e504 += count;
	else flow.e503 += count;
}

/** Serve one instance for one tick (`spec`: its catalog entry; `isZoneDown`: its zone is out). */
export function serveInstance(s: Working, i: MutableInstance, spec: InstanceTypeSpec, isZoneDown: boolean, offer: Offer, flow: TickFlow): void {
	const dt = flow.dt;
	const a = offer.count;
	const inFlight = i.inFlight ?? 0;
	i.target.routedLastTick = a;
	i.target.routedTotal += a;
	if (i.ec2State !== 'running') {
		countFailure(flow, a + inFlight, 'backend-down');
		idle(i);
		return;
	}

	flow.running += 1;
	if (i.isHung || isZoneDown) {
		// Hung: the connection is accepted and never answered (idle timeout). Zone outage: the
		// backend cannot be reached at all (the ELB's 10 s connect timeout).
		holdSilently(i, a, inFlight, flow, isZoneDown || i.isHungByOutage === true ? flow.connectHoldTicks : flow.holdTicks);
		return;
	}

	const held = i.heldByTick;
	if (held !== undefined && held.length > 0) {
		// Answering again: what it held is still in flight and now waits in its queue.
		for (const count of held) i.backlog += count;
		held.length = 0;
	}

	if (i.appReadyTick < 0 || flow.tick < i.appReadyTick) {
		countFailure(flow, a, 'app-starting');
		idle(i);
		i.inFlight = inFlight;
		return;
	}

	const c = spec.vcpus;
	const throttle = spec.burst && i.cpuCredits < creditFloor ? spec.burst.baselinePercentPerVcpu / 100 : 1;
	const mu = flow.muPerVcpu * throttle;
	const capacity = c * mu;
	const lambda = offer.ratePerSecond;
	if (a > 0 || lambda > 0) flow.capacityRouted += capacity;

	// Fluid backlog: grows at λ − cμ, drains at cμ − λ. (None in a closed loop: its clients
	// wait instead, and R = N / X − Z already holds their queueing.)
	const before = i.backlog;
	let backlog = before + ((lambda - capacity) * dt);
	if (backlog < 0 || flow.closedResponseSeconds >= 0) backlog = 0;
	const servedPerSecond = Math.min(capacity, lambda + ((before - backlog) / dt));
	let n503 = 0;
	let n504 = 0;
	const maxBacklog = flow.backlogPerVcpu * c;
	if (backlog > maxBacklog) {
		n503 = Math.min(a, roundStochastic(flow.rng, backlog - maxBacklog));
		backlog = maxBacklog;
	}

	const maxWaitSeconds = flow.maxWaitSeconds;
	if (backlog > capacity * maxWaitSeconds) {
		n504 = Math.min(inFlight + a - n503, roundStochastic(flow.rng, backlog - (capacity * maxWaitSeconds)));
		backlog = capacity * maxWaitSeconds;
	}

	if (n503 > 0) {
		if (offer.hasSurgeQueue) {
			// Back to the classic ELB's surge queue: not routed after all (they will be offered again).
			flow.refused += n503;
			i.target.routedLastTick -= n503;
			i.target.routedTotal -= n503;
		} else {
			countFailure(flow, n503, 'backlog-full');
		}
	}

	countFailure(flow, n504, 'timeout');
	i.backlog = backlog;

	// Steady-state response time (or the closed loop's R) plus the backlog's wait.
	const serviceSeconds = 1 / mu;
	let pWait: number;
	let waitSeconds: number;
	const closedR = flow.closedResponseSeconds;
	if (closedR >= 0) {
		pWait = 1;
		waitSeconds = Math.max(0, closedR - serviceSeconds);
	} else if (offer.pooledWaitSeconds >= 0) {
		pWait = offer.pooledPWait;
		waitSeconds = offer.pooledWaitSeconds;
	} else {
		const slot = offer.memoSlot & 7;
		// The same λ and μ give the same λ/μ: a hit without the division (the usual case, every
		// instance of a zone); otherwise the key comparison decides, as it always has.
		const isSamePair = flow.memoLambda[slot] === lambda && flow.memoMu[slot] === mu;
		if ((!isSamePair && flow.memoKey[slot] !== lambda / mu) || flow.memoC[slot] !== c || flow.memoCa2[slot] !== offer.arrivalCv2) {
			const q = queueWait(c, lambda, mu, flow.cv, offer.arrivalCv2);
			flow.memoLambda[slot] = lambda;
			flow.memoMu[slot] = mu;
			flow.memoKey[slot] = lambda / mu;
			flow.memoC[slot] = c;
			flow.memoCa2[slot] = offer.arrivalCv2;
			flow.memoPWait[slot] = q.pWait;
			flow.memoWaitSeconds[slot] = q.meanWaitSeconds;
		}

		pWait = flow.memoPWait[slot]!;
		waitSeconds = flow.memoWaitSeconds[slot]!;
	}

	const slowSeconds = flow.slowSeconds;
	const backlogWaitSeconds = (before + backlog) / 2 / capacity;
	const responseSeconds = waitSeconds + serviceSeconds + slowSeconds;
	const target = roundStochastic(flow.rng, (lambda * responseSeconds) + backlog);
	const available = inFlight + a - n503 - n504;
	const next = target < available ? target : available;
	const completed = available - next;
	i.inFlight = next;
	const latencyMs = (responseSeconds + backlogWaitSeconds) * 1000;
	i.completedLastTick = completed;
	i.latencyMs = completed > 0 ? latencyMs : 0;
	const cpuPercent = capacity > 0 ? 100 * (servedPerSecond / capacity) * throttle : 0;
	i.cpuPercent = cpuPercent;
	flow.cpuSum += cpuPercent;
	if (spec.burst) {
		const credits = i.cpuCredits + (((spec.burst.creditsPerHour / 3600) - (c * cpuPercent / 100 / 60)) * dt);
		i.cpuCredits = credits < 0 ? 0 : Math.min(credits, Math.max(spec.burst.maxCredits, i.cpuCredits));
	}

	if (completed <= 0) return;
	flow.completed += completed;
	flow.sumLatencyMs += completed * latencyMs;
	// Percentile samples, systematic over completions (O(1) per tick on average).
	const end = flow.completed;
	while (flow.nextSampleAt < end) {
		// A backlog draining in one tick can complete far more than expected: widen the step
		// (each sample still stands for the completions it covers) so the work stays bounded.
		if (++flow.samples > 4 * latencySamplesPerTick) flow.sampleStep *= 2;
		let ms = (nextServiceTime(flow.rng, serviceSeconds, flow.cv) + backlogWaitSeconds + slowSeconds) * 1000;
		if (waitSeconds > 0 && pWait > 0 && nextUnit(flow.rng) < pWait) ms += nextExponential(flow.rng, waitSeconds / pWait) * 1000;
		addSample(s.latency, ms, flow.sampleStep);
		addSample(s.recentLatency, ms, flow.sampleStep);
		flow.nextSampleAt += flow.sampleStep;
	}
}

/**
 * A silent instance (hung, or its zone is out) never answers: what is routed to it waits
 * `holdTicks` (the ELB's idle timeout for a hung instance, its connect timeout for an
 * unreachable one), then fails with 504. Requests are held in one bucket per tick of arrival,
 * so each fails exactly that long after it came.
 */
function holdSilently(i: MutableInstance, a: number, inFlight: number, flow: TickFlow, holdTicks: number): void {
	const held = i.heldByTick ?? [];
	if (i.heldByTick === undefined) i.heldByTick = held;
	let sum = 0;
	for (const count of held) sum += count;
	if (inFlight > sum) held.push(inFlight - sum);
	held.push(a);
	let expired = 0;
	while (held.length > holdTicks) expired += held.shift()!;
	countFailure(flow, expired, 'hung');
	i.inFlight = inFlight + a - expired;
	i.backlog = 0;
	i.completedLastTick = 0;
	i.cpuPercent = 0;
	i.latencyMs = 0;
}

function idle(i: MutableInstance): void {
	if (i.heldByTick !== undefined) i.heldByTick.length = 0;
	i.inFlight = 0;
	i.backlog = 0;
	i.completedLastTick = 0;
	i.cpuPercent = 0;
	i.latencyMs = 0;
}

/** The ELB's timeout for connecting to a backend, seconds (ALB: 10 s, then 504; aws-behaviour.md §5.5). */
export const backendConnectTimeoutSeconds = 10;

/** Latency samples per tick for the percentile histograms (more only while a backlog drains). */
export const latencySamplesPerTick = 16;

/** Every failure cause, in a fixed order. */
export const failureCauseNames: readonly FailureCause[] = ['backend-down', 'app-starting', 'hung', 'timeout', 'backlog-full', 'surge-queue-full', 'no-healthy-targets'];

/** The queue-wait memo's arrays (eight slots each), reused tick after tick (`newTickFlow` clears them). */
export type QueueMemo = {
	readonly key: Float64Array;
	readonly c: Float64Array;
	readonly ca2: Float64Array;
	readonly pWait: Float64Array;
	readonly waitSeconds: Float64Array;
	readonly lambda: Float64Array;
	readonly mu: Float64Array;
};

/** Empty memo arrays. */
export function newQueueMemo(): QueueMemo {
	return {key: new Float64Array(8), c: new Float64Array(8), ca2: new Float64Array(8), pWait: new Float64Array(8), waitSeconds: new Float64Array(8), lambda: new Float64Array(8), mu: new Float64Array(8)};
}

/** A fresh accumulator for one tick (`memo`: arrays to reuse, cleared here). */
export function newTickFlow(s: Working, expectedCompletions: number, memo: QueueMemo = newQueueMemo()): TickFlow {
	const sampleStep = Math.max(1, expectedCompletions / latencySamplesPerTick);
	const app = s.config.app;
	const rng = [hash32(streamKey(s.config.seed, streams.dataPlane), s.clock.tick)];
	return {
		rng,
		completed: 0,
		sumLatencyMs: 0,
		e502: 0,
		e503: 0,
		e504: 0,
		causes: {'backend-down': 0, 'app-starting': 0, hung: 0, timeout: 0, 'backlog-full': 0, 'surge-queue-full': 0, 'no-healthy-targets': 0},
		refused: 0,
		cpuSum: 0,
		running: 0,
		capacityRouted: 0,
		sampleStep,
		samples: 0,
		nextSampleAt: nextUnit(rng) * sampleStep,
		memoKey: memo.key.fill(-1),
		memoC: memo.c.fill(-1),
		memoCa2: memo.ca2.fill(-1),
		memoPWait: memo.pWait.fill(0),
		memoWaitSeconds: memo.waitSeconds.fill(0),
		memoLambda: memo.lambda.fill(Number.NaN),
		memoMu: memo.mu.fill(Number.NaN),
		tick: s.clock.tick,
		dt: s.config.tickSeconds,
		muPerVcpu: 1000 / app.cpuMs,
		cv: app.cv,
		backlogPerVcpu: app.backlogPerVcpu,
		maxWaitSeconds: Math.min(app.timeoutMs / 1000, s.config.loadBalancer.idleTimeoutSeconds),
		closedResponseSeconds: s.flow.closedResponseSeconds,
		slowSeconds: s.traffic.slowdownMs / 1000,
		holdTicks: Math.max(1, Math.ceil(s.config.loadBalancer.idleTimeoutSeconds / s.config.tickSeconds)),
		connectHoldTicks: Math.max(1, Math.ceil(backendConnectTimeoutSeconds / s.config.tickSeconds)),
	};
}
