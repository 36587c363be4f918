/**
 * A queueing node (docs/data-plane.md, "The queue model"): c servers of μ req/s each behind one
 * FIFO queue, stepped once per tick in O(1) whatever the request rate, driven by the requests
 * that really arrived this tick. Today every web instance is one; the tiers add more kinds
 * (./network.ts).
 *
 * The node's state (its columns in `SimState.dataPlane`):
 * - `queue`: Z, a reflected diffusion in "requests' worth of queue", whose stationary law is
 *   calibrated (./calibration.ts) so that the number in system N emitted from Z has the real
 *   queue's law, and whose variance rate near saturation is the heavy-traffic limit's, so that
 *   transients (a minute to settle at ρ 0.95) take the time they take.
 * - `served`: N itself, the requests admitted and not completed; completions are
 *   N before + admitted − N after, so requests are conserved exactly.
 * - the FIFO cohorts of admitted requests (count, arrival tick, the state they saw), which give
 *   each completion its latency, timed at completion;
 * - the failing ring: requests that gave up (504 at arrival + timeout) or sit on a silent node
 *   (504 when the ELB's timeout expires), counted in flight until then.
 *
 * One tick: the free path X_T = Z_0 + A − cμT + √(σ²T − λCa²T)·ξ (the realised arrivals A carry
 * their own share of the variance), reflected at 0 through the exact Brownian-bridge minimum
 * (the reflection is the servers' idle time: CPU), and above the level where a new arrival would
 * wait past the timeout (or find the backlog full) the arrivals the bridge's maximum pushes over
 * it give up (or are refused).
 */
import {nextServiceTime, nextUnit, normalFromUnit, type RngState} from '../rng.js';
import type {QueueNodes} from '../types.js';
import type {Calibration} from './calibration.js';

/** Cohort slots per member; when full, the two adjacent cohorts with the fewest requests merge. */
export const cohortSlots = 8;
/** Failing-request slots per member; when full, two entries of one cause merge (`addFailing`). */
export const failingSlots = 12;

/** Cause codes in the failing ring. */
export const failingCause = {timeout: 0, hung: 1} as const;

type Mutable<T> = {-readonly [K in keyof T]: T[K] extends readonly number[] ? number[] : Mutable<T[K]>};
/** A node set's columns, writable (inside a tick). */
export type NodeColumns = Mutable<QueueNodes>;

/** The parameters of one pool of alike members for this tick. */
export type PoolParams = {
	/** The calibration for the members' expected arrival rate. */
	readonly cal: Calibration;
	readonly servers: number;
	/** Service rate of one server, req/s. */
	readonly mu: number;
	/** Seconds a request may wait before it gives up (504), Infinity for none. */
	readonly timeoutSeconds: number;
	/** Requests that may wait (not yet in service) before new ones are refused (503). */
	readonly backlogLimit: number;
	/** Service-time coefficient of variation (the app's). */
	readonly cv: number;
};

/** Per-tick constants and scratch shared by every member served this tick. */
export type NodeTick = {
	readonly tick: number;
	readonly dt: number;
	/** Extra latency of every request (a network slowdown), seconds. */
	readonly slowSeconds: number;
	/** The member's random stream for this tick (one uint32, re-seeded per member). */
	readonly rng: RngState;
	/** Percentile samples taken as completions go by (fleet-wide, systematic). */
	readonly sampler: LatencySampler;
};

/** Systematic latency sampling over the tick's completions, fleet-wide. */
export type LatencySampler = {
	/** Completions per sample. */
	step: number;
	/** Position (in completions this tick) of the next sample. */
	nextAt: number;
	/** Completions so far this tick. */
	done: number;
	samples: number;
	/** Its own stream (sequential within the tick). */
	readonly rng: RngState;
	/** Where samples go (weight = `step`). */
	add(ms: number, weight: number): void;
};

/** What one member did this tick (one object, reused). */
export type MemberTick = {
	completed: number;
	/** Gave up waiting (504 timeout) and held by a silent node (504 hung), failing now. */
	timedOut: number;
	hung: number;
	/** Refused at the backlog limit this tick (503, or back to a classic ELB's surge queue). */
	refused: number;
	latencySumMs: number;
	/** Busy fraction of the servers, 0–1. */
	busy: number;
};

/** A zeroed `MemberTick`. */
export function emptyMemberTick(): MemberTick {
	return {completed: 0, timedOut: 0, hung: 0, refused: 0, latencySumMs: 0, busy: 0};
}

function clearTick(out: MemberTick): void {
	out.completed = 0;
	out.timedOut = 0;
	out.hung = 0;
	out.refused = 0;
	out.latencySumMs = 0;
	out.busy = 0;
}

/** Requests on member k that are failing (given up, or held by a silent node). */
export function heldCount(w: NodeColumns, k: number): number {
	const size = w.failing.size[k]!;
	if (size === 0) return 0;
	let sum = 0;
	const base = k * failingSlots;
	for (let j = 0; j < size; j++) sum += w.failing.count[base + j]!;
	return sum;
}

/** Requests on member k in all (admitted and failing). */
export function inFlightOf(w: NodeColumns | QueueNodes, k: number): number {
	return (w.served[k] ?? 0) + heldCount(w as NodeColumns, k);
}

/** Failures of member k due by `tick` leave the ring, counted into `out` by cause. */
function failDue(w: NodeColumns, k: number, tick: number, out: MemberTick): void {
	const f = w.failing;
	const size = f.size[k]!;
	if (size === 0) return;
	const base = k * failingSlots;
	let kept = 0;
	for (let j = 0; j < size; j++) {
		const at = base + j;
		const count = f.count[at]!;
		if (f.tick[at]! <= tick) {
			if (f.cause[at] === failingCause.hung) out.hung += count;
			else out.timedOut += count;
			continue;
		}

		const to = base + kept;
		f.count[to] = count;
		f.tick[to] = f.tick[at]!;
		f.cause[to] = f.cause[at]!;
		kept++;
	}

	f.size[k] = kept;
}

/** `count` requests of member k will fail at `failTick` with `cause`. */
function addFailing(w: NodeColumns, k: number, count: number, failTick: number, cause: number): void {
	if (count <= 0) return;
	const f = w.failing;
	const base = k * failingSlots;
	let size = f.size[k]!;
	for (let j = 0; j < size; j++) {
		if (f.tick[base + j] === failTick && f.cause[base + j] === cause) {
			f.count[base + j] += count;
			return;
		}
	}

	if (size === failingSlots) {
		// Merge the two entries of one cause whose merge moves requests the least (count-weighted
		// |Δtick|), at their count-weighted mean tick: unbiased, and no entry is pushed along tick
		// after tick (merging at the later tick delayed a silent node's 504s without bound).
		let best = -1;
		let other = -1;
		let cost = Number.POSITIVE_INFINITY;
		for (let a = 0; a < size; a++) {
			for (let b = a + 1; b < size; b++) {
				if (f.cause[base + a] !== f.cause[base + b]) continue;
				const na = f.count[base + a]!;
				const nb = f.count[base + b]!;
				const c = na * nb / (na + nb) * Math.abs(f.tick[base + a]! - f.tick[base + b]!);
				if (c < cost) {
					cost = c;
					best = a;
					other = b;
				}
			}
		}

		const na = f.count[base + best]!;
		const nb = f.count[base + other]!;
		f.tick[base + best] = Math.round(((f.tick[base + best]! * na) + (f.tick[base + other]! * nb)) / (na + nb));
		f.count[base + best] = na + nb;
		size--;
		for (let j = other; j < size; j++) {
			f.count[base + j] = f.count[base + j + 1]!;
			f.tick[base + j] = f.tick[base + j + 1]!;
			f.cause[base + j] = f.cause[base + j + 1]!;
		}
	}

	f.count[base + size] = count;
	f.tick[base + size] = failTick;
	f.cause[base + size] = cause;
	f.size[k] = size + 1;
}

/** Append a cohort of `count` admitted requests to member k's FIFO. */
function addCohort(w: NodeColumns, k: number, count: number, tick: number, seen: number, band: number): void {
	const q = w.cohorts;
	const base = k * cohortSlots;
	let size = q.size[k]!;
	if (size === cohortSlots) {
		// Merge the adjacent pair with the fewest requests (count-weighted tick and state).
		let best = 0;
		let least = Number.POSITIVE_INFINITY;
		for (let j = 0; j + 1 < size; j++) {
			const both = q.count[base + j]! + q.count[base + j + 1]!;
			if (both < least) {
				least = both;
				best = j;
			}
		}

		const a = base + best;
		const b = a + 1;
		const na = q.count[a]!;
		const nb = q.count[b]!;
		const total = na + nb;
		q.tick[a] = ((q.tick[a]! * na) + (q.tick[b]! * nb)) / total;
		q.seen[a] = ((q.seen[a]! * na) + (q.seen[b]! * nb)) / total;
		q.band[a] = ((q.band[a]! * na) + (q.band[b]! * nb)) / total;
		q.count[a] = total;
		size--;
		for (let j = best + 1; j < size; j++) {
			q.count[base + j] = q.count[base + j + 1]!;
			q.tick[base + j] = q.tick[base + j + 1]!;
			q.seen[base + j] = q.seen[base + j + 1]!;
			q.band[base + j] = q.band[base + j + 1]!;
		}
	}

	const at = base + size;
	q.count[at] = count;
	q.tick[at] = tick;
	q.seen[at] = seen;
	q.band[at] = band;
	q.size[k] = size + 1;
}

/** Drop member k's first `n` cohorts (they completed). */
function shiftCohorts(w: NodeColumns, k: number, n: number): void {
	if (n === 0) return;
	const q = w.cohorts;
	const base = k * cohortSlots;
	const size = q.size[k]!;
	for (let j = n; j < size; j++) {
		q.count[base + j - n] = q.count[base + j]!;
		q.tick[base + j - n] = q.tick[base + j]!;
		q.seen[base + j - n] = q.seen[base + j]!;
		q.band[base + j - n] = q.band[base + j]!;
	}

	q.size[k] = size - n;
}

/**
 * The mean response time, seconds, of a request that saw the queue at `seen` (Z − z1Seen) with
 * `band` (z1Seen − z0Seen): no wait below the band, then the first departure's residual plus one
 * service at the node's full rate per request ahead (docs/data-plane.md), plus its own service.
 */
function expectedResponseSeconds(seen: number, band: number, p: PoolParams, cmu: number): number {
	const service = 1 / p.mu;
	if (seen < -band) return service;
	const ahead = seen < 0 ? 0 : 1 + Math.floor(seen);
	return ((ahead + p.cal.residual) / cmu) + service;
}

/** A gamma draw of shape `shape`, scale 1 (Marsaglia–Tsang; shape < 1 by the boost). */
function nextGamma(rng: RngState, shape: number): number {
	if (shape < 1) return nextGamma(rng, shape + 1) * (nextUnit(rng) ** (1 / shape));
	const d = shape - (1 / 3);
	const c = 1 / Math.sqrt(9 * d);
	for (let tries = 0; tries < 64; tries++) {
		const x = normalFromUnit(unitOpen(rng));
		const v0 = 1 + (c * x);
		if (v0 <= 0) continue;
		const v = v0 * v0 * v0;
		const u = unitOpen(rng);
		if (Math.log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.log(v))) return d * v;
	}

	return shape;
}

/** A uniform in (0, 1), never 0. */
function unitOpen(rng: RngState): number {
	return nextUnit(rng) + (0.5 / 4_294_967_296);
}

/**
 * One latency, seconds, for a request of a cohort that saw (`seen`, `band`) and completes
 * `age` ticks after the tick it arrived in: drawn from the state's law of the response time
 * (the wait: a gamma with the mean and variance of "the residual plus `ahead` services"; then
 * its own service), conditioned on the age by importance weights (arrival and completion are
 * each uniform within their tick, so the response time given the age has a triangular kernel
 * around it). Waits are capped at the timeout (a longer one gave up instead).
 */
function sampleResponseSeconds(rng: RngState, seen: number, band: number, age: number, p: PoolParams, cmu: number, dt: number): number {
	const candidates = 12;
	const cs2 = p.cal.cs2;
	const waits = seen >= -band;
	const ahead = seen < 0 ? 0 : 1 + Math.floor(seen);
	const meanK = ahead + p.cal.residual;
	const varK = (ahead * cs2) + p.cal.residualVariance;
	const shape = varK > 0 ? (meanK * meanK) / varK : 0;
	const scale = varK > 0 ? varK / meanK : meanK;
	let total = 0;
	let pick = -1;
	let fallback = 0;
	for (let j = 0; j < candidates; j++) {
		let wait = 0;
		if (waits) wait = (shape > 0 ? nextGamma(rng, shape) * scale : meanK) / cmu;
		if (wait > p.timeoutSeconds) wait = p.timeoutSeconds;
		const latency = wait + nextServiceTime(rng, 1 / p.mu, p.cv);
		const weight = 1 - Math.abs((latency / dt) - age);
		fallback = latency;
		if (weight <= 0) continue;
		total += weight;
		// Reservoir choice in proportion to the weights (one pass, one draw per candidate).
		if (nextUnit(rng) * total < weight) pick = latency;
	}

	if (pick >= 0) return pick;
	// No candidate fits the age (the capacity changed under the cohort): its age says it all.
	const lo = Math.max(0, age - 1) * dt;
	const jitter = (age + nextUnit(rng) - nextUnit(rng)) * dt;
	return Math.max(lo, Math.min((age + 1) * dt, jitter > 0 ? jitter : fallback));
}

/** Pop `completed` requests off member k's FIFO: their latency sum into `out`, samples into the sampler. */
function completeCohorts(w: NodeColumns, k: number, completed: number, p: PoolParams, cmu: number, nt: NodeTick, out: MemberTick): void {
	const q = w.cohorts;
	const base = k * cohortSlots;
	const size = q.size[k]!;
	const dt = nt.dt;
	const sampler = nt.sampler;
	let left = completed;
	let gone = 0;
	let sumSeconds = 0;
	for (let j = 0; j < size && left > 0; j++) {
		const at = base + j;
		const count = q.count[at]!;
		const take = count < left ? count : left;
		const age = nt.tick - q.tick[at]!;
		const seen = q.seen[at]!;
		const band = q.band[at]!;
		let seconds = expectedResponseSeconds(seen, band, p, cmu);
		const lo = age > 1 ? (age - 1) * dt : 0;
		const hi = (age + 1) * dt;
		if (seconds < lo) seconds = lo;
		else if (seconds > hi) seconds = hi;
		sumSeconds += take * seconds;
		const end = sampler.done + take;
		while (sampler.nextAt < end) {
			if (++sampler.samples > 64) sampler.step *= 2;
			const ms = (sampleResponseSeconds(sampler.rng, seen, band, age, p, cmu, dt) + nt.slowSeconds) * 1000;
			sampler.add(ms, sampler.step);
			sampler.nextAt += sampler.step;
		}

		sampler.done = end;
		left -= take;
		if (take === count) gone++;
		else q.count[at] = count - take;
	}

	shiftCohorts(w, k, gone);
	out.latencySumMs += ((sumSeconds) + (completed * nt.slowSeconds)) * 1000;
}

/**
 * Member k, running and answering, for one tick: `arrivals` requests reach it; `p` its pool's
 * parameters, `cmu` its capacity (req/s). Conserves: served after = served before + admitted −
 * completed, every arrival admitted, refused or given up.
 */
export function serveMember(w: NodeColumns, k: number, arrivals: number, p: PoolParams, cmu: number, nt: NodeTick, out: MemberTick): void {
	clearTick(out);
	failDue(w, k, nt.tick, out);
	const dt = nt.dt;
	const cal = p.cal;
	const rng = nt.rng;
	const z0 = w.queue[k]!;
	const n0 = w.served[k]!;
	if (arrivals === 0 && n0 === 0 && z0 === 0) {
		out.busy = 0;
		w.completed[k] = 0;
		return;
	}

	const capacity = cmu * dt;
	const sigma2 = cal.sigma2;
	const spread = (sigma2 - cal.arrivalVariance) * dt;
	let y = z0 + arrivals - capacity;
	if (spread > 0) y += Math.sqrt(spread) * normalFromUnit(unitOpen(rng));
	// The exact minimum of the Brownian bridge from z0 to y: reflection at 0 is idle time.
	const s2t = sigma2 * dt;
	const d = y - z0;
	const low = (z0 + y - Math.sqrt((d * d) - (2 * s2t * Math.log(unitOpen(rng))))) / 2;
	let z1 = low < 0 ? y - low : y;
	const idle = low < 0 ? -low : 0;
	// Above the level where an arrival would wait past the timeout (or find the backlog full),
	// the arrivals the bridge's maximum pushes over it give up (or are refused).
	const zTimeout = cal.z1Seen + (cmu * p.timeoutSeconds) - cal.residual;
	const zBacklog = cal.z1Seen + p.backlogLimit - 1;
	const top = zTimeout < zBacklog ? zTimeout : zBacklog;
	let pushed = 0;
	if (arrivals > 0 && (z1 > z0 ? z1 : z0) + (4 * Math.sqrt(s2t)) + 1 > top) {
		const e = z1 - z0;
		const high = (z0 + z1 + Math.sqrt((e * e) - (2 * s2t * Math.log(unitOpen(rng))))) / 2;
		if (high > top) {
			const over = high - top;
			pushed = Math.min(arrivals, Math.floor(over + nextUnit(rng)));
			z1 = z1 > pushed ? z1 - pushed : 0;
		}
	}

	let admitted = arrivals - pushed;
	if (pushed > 0) {
		if (zTimeout <= zBacklog) addFailing(w, k, pushed, nt.tick + Math.max(1, Math.ceil(p.timeoutSeconds / dt)), failingCause.timeout);
		else out.refused = pushed;
	}

	// The number in system emitted from Z (./calibration.ts): X ≥ 1 above z0, ≥ 2 above z1, one
	// more per unit beyond; below z0 the busy servers of an idle M/M/c (truncated Poisson).
	const c = p.servers;
	let n1: number;
	if (z1 >= cal.z1) n1 = c + 1 + Math.floor(z1 - cal.z1);
	else if (z1 > cal.z0) n1 = c;
	else n1 = c === 1 ? 0 : truncatedPoisson(cal.a, c - 1, nextUnit(rng));
	const available = n0 + admitted;
	if (n1 > available) n1 = available;
	const completed = available - n1;
	w.queue[k] = z1;
	w.served[k] = n1;
	w.completed[k] = completed;
	if (admitted > 0) addCohort(w, k, admitted, nt.tick, z0 - cal.z1Seen, cal.z1Seen - cal.z0Seen);
	else admitted = 0;
	if (completed > 0) completeCohorts(w, k, completed, p, cmu, nt, out);
	out.completed = completed;
	const busy = 1 - (idle / capacity);
	out.busy = busy < 0 ? 0 : busy > 1 ? 1 : busy;
}

/**
 * Member k in a closed loop (clients wait for their answers, so the queue is bounded by them):
 * the response time R comes from the response-time law (../systems/traffic.ts); in flight is
 * λR by Little's law, and completions are what is left.
 */
export function serveClosedMember(w: NodeColumns, k: number, arrivals: number, lambda: number, responseSeconds: number, p: PoolParams, cmu: number, nt: NodeTick, out: MemberTick): void {
	clearTick(out);
	failDue(w, k, nt.tick, out);
	const expected = lambda * responseSeconds;
	const whole = Math.floor(expected);
	const n1Target = whole + Number(nextUnit(nt.rng) < expected - whole);
	const available = w.served[k]! + arrivals;
	const n1 = n1Target < available ? n1Target : available;
	const completed = available - n1;
	w.queue[k] = 0;
	w.served[k] = n1;
	w.completed[k] = completed;
	w.cohorts.size[k] = 0;
	out.completed = completed;
	out.latencySumMs = completed * (responseSeconds + nt.slowSeconds) * 1000;
	const sampler = nt.sampler;
	const end = sampler.done + completed;
	while (sampler.nextAt < end) {
		if (++sampler.samples > 64) sampler.step *= 2;
		const wait = Math.max(0, responseSeconds - (1 / p.mu));
		const ms = (wait + nextServiceTime(sampler.rng, 1 / p.mu, p.cv) + nt.slowSeconds) * 1000;
		sampler.add(ms, sampler.step);
		sampler.nextAt += sampler.step;
	}

	sampler.done = end;
	const busy = cmu > 0 ? lambda / cmu : 0;
	out.busy = busy > 1 ? 1 : busy;
}

/**
 * Member k is silent (hung, or its zone is unreachable): what reaches it, and what it held,
 * waits for the ELB's timeout (`failTick`) and then fails with 504.
 */
export function holdMember(w: NodeColumns, k: number, arrivals: number, failTick: number, nt: NodeTick, out: MemberTick): void {
	clearTick(out);
	failDue(w, k, nt.tick, out);
	const held = w.served[k]!;
	if (held > 0) addFailing(w, k, held, failTick, failingCause.hung);
	addFailing(w, k, arrivals, failTick, failingCause.hung);
	w.served[k] = 0;
	w.queue[k] = 0;
	w.cohorts.size[k] = 0;
	w.completed[k] = 0;
}

/** Member k stopped answering for good (not running): everything on it is lost; returns how many (502). */
export function resetMember(w: NodeColumns, k: number): number {
	const lost = w.served[k]! + heldCount(w, k);
	w.served[k] = 0;
	w.queue[k] = 0;
	w.cohorts.size[k] = 0;
	w.failing.size[k] = 0;
	w.completed[k] = 0;
	return lost;
}

/** Member k answers nothing yet and holds nothing (its app is starting): failures due still fall due. */
export function idleMember(w: NodeColumns, k: number, nt: NodeTick, out: MemberTick): void {
	clearTick(out);
	failDue(w, k, nt.tick, out);
	w.completed[k] = 0;
}

/** The idle servers of an M/M/c queue that is not full: Poisson(a) truncated to [0, max], by inversion of `u`. */
function truncatedPoisson(a: number, max: number, u: number): number {
	let p = 1;
	let total = 1;
	for (let k = 1; k <= max; k++) {
		p *= a / k;
		total += p;
	}

	let cumulative = 1 / total;
	let pk = 1 / total;
	let k = 0;
	while (u > cumulative && k < max) {
		k++;
		pk *= a / k;
		cumulative += pk;
	}

	return k;
}

/** The wait, seconds, a request joining member k's queue now would see on average (health checks ask this). */
export function queueWaitSeconds(w: NodeColumns | QueueNodes, k: number, servers: number, cmu: number): number {
	const waiting = (w.served[k] ?? 0) - servers + 1;
	return waiting > 0 && cmu > 0 ? waiting / cmu : 0;
}
