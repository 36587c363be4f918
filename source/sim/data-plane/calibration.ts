/**
 * Calibration of one queueing node for its arrival rate: the parameters that make the node's
 * state (a reflected diffusion Z, see ./queue-node.ts) reproduce the stationary law of the
 * real queue, and the node's dynamics those of its heavy-traffic limit
 * (docs/data-plane.md, "The queue model").
 *
 * The number in system N is emitted from Z through three thresholds. With Z ~ Exp(m) in steady
 * state and X the requests beyond c − 1 (X ≥ 1 when all c servers are busy):
 *
 *   P(X ≥ 1) = C        (Z ≥ z0: the probability that all servers are busy)
 *   P(X ≥ 2) = p2       (Z ≥ z1)
 *   P(X ≥ k) = p2·r^(k−2), r = e^(−1/m)  (one request per unit of Z beyond z1)
 *
 * C is Erlang C (ρ for one server); r the tail ratio of the queue (the Cramér–Lundberg root of
 * M/G/1 at the node's full rate, ρ for exponential service); p2 makes the mean number queued
 * λ·Wq (Pollaczek–Khinchine, Erlang C, Allen–Cunneen). All three are exact for M/M/c, and the
 * mean is exact for M/G/1. The diffusion's variance σ² = 2(cμ − λ)·m gives Z that stationary
 * mean; near saturation it tends to the natural λ·Ca² + cμ·Cs² of the heavy-traffic limit, so
 * transients (a minute to settle at ρ 0.95) come out right. Arrivals see the same law (PASTA),
 * except under round-robin (Erlang-n gaps: GI/M/c's σ) and least outstanding requests (a
 * join-the-shortest-queue pool; see `calibrate`).
 */

/** A node's calibration for this tick (one object per pool, reused). */
export type Calibration = {
	/** Offered load λ/μ (busy servers on average). */
	a: number;
	/** Time-average emission thresholds (X ≥ 1 at z0, X ≥ 2 at z1). */
	z0: number;
	z1: number;
	/** What an arrival sees: the same thresholds for Poisson arrivals. */
	z0Seen: number;
	z1Seen: number;
	/** Variance rate of Z, requests² per second. */
	sigma2: number;
	/** Variance rate of the arrival count alone (λ·Ca²), so the realised count's share can be taken off. */
	arrivalVariance: number;
	/** Mean residual of the first departure, in service times of the node's full rate ((1 + Cs²)/2). */
	residual: number;
	/** Its variance, same units. */
	residualVariance: number;
	/** Squared coefficient of variation of the service time (of the shape drawn: Erlang-k rounds it). */
	cs2: number;
};

/** What a calibration depends on. `lorMembers` > 0: a least-outstanding-requests pool of that many members, routed by `lorNodes` ELB nodes. */
export type CalibrationKey = {
	lambda: number;
	servers: number;
	mu: number;
	cv: number;
	arrivalCv2: number;
	lorMembers: number;
	lorNodes: number;
};

/** Utilisation at which the stationary law is evaluated when the node is at or past capacity. */
export const maxCalibratedUtilisation = 0.99;

/** A calibration object to fill. */
export function emptyCalibration(): Calibration {
	return {a: 0, z0: 0, z1: 1, z0Seen: 0, z1Seen: 1, sigma2: 0, arrivalVariance: 0, residual: 1, residualVariance: 1, cs2: 1};
}

/** Erlang C: probability that an arrival waits, c servers, offered load a = λ/μ (a < c); Erlang B recursion. */
export function erlangC(c: number, a: number): number {
	if (a <= 0) return 0;
	const rho = a / c;
	if (rho >= 1) return 1;
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + (a * b));
	return b / (1 - (rho * (1 - b)));
}

/** The squared cv of the service time as `nextServiceTime` draws it (Erlang-k for 0 < cv < 1: k = round(1/cv²)). */
export function drawnCs2(cv: number): number {
	if (cv <= 0) return 0;
	if (cv < 1) return 1 / Math.max(1, Math.round(1 / (cv * cv)));
	return cv * cv;
}

/** ln M_S(s), the log moment generating function of the service time (mean `es`, the shapes of ../rng.ts). */
function logMgf(s: number, es: number, cv: number): number {
	if (cv <= 0) return s * es;
	if (cv === 1) return s * es < 1 ? -Math.log(1 - (s * es)) : Number.POSITIVE_INFINITY;
	if (cv < 1) {
		const k = Math.max(1, Math.round(1 / (cv * cv)));
		return s * es / k < 1 ? -k * Math.log(1 - (s * es / k)) : Number.POSITIVE_INFINITY;
	}

	const c2 = cv * cv;
	const p = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)));
	const m1 = es / (2 * p);
	const m2 = es / (2 * (1 - p));
	if (s * Math.max(m1, m2) >= 1) return Number.POSITIVE_INFINITY;
	return Math.log((p / (1 - (s * m1))) + ((1 - p) / (1 - (s * m2))));
}

/**
 * The tail ratio of the number in an M/G/1 queue (rate λ, mean service `es`): 1/z* with z* > 1
 * the root of z = M_S(λ(z − 1)). ρ for exponential service. Bisection: 60 steps.
 */
export function tailRatio(lambda: number, es: number, cv: number): number {
	if (cv === 1) return lambda * es;
	const g = (z: number): number => logMgf(lambda * (z - 1), es, cv) - Math.log(z);
	let lo = 1;
	let hi = 2;
	while (g(hi) < 0 && hi < 1e9) {
		lo = hi;
		hi *= 2;
	}

	for (let k = 0; k < 60; k++) {
		const mid = (lo + hi) / 2;
		if (g(mid) < 0) lo = mid;
		else hi = mid;
	}

	return 2 / (lo + hi);
}

/**
 * GI/M/c's σ for Erlang-n inter-arrival gaps (round-robin over n targets): the root in (0, 1) of
 * σ = A*(cμ(1 − σ)), A*(s) = (nλ / (nλ + s))^n. An arrival finds all servers busy with a
 * probability proportional to it, and then waits Exp(cμ(1 − σ)).
 */
export function erlangArrivalSigma(n: number, lambda: number, cmu: number): number {
	let sigma = Math.min(0.999_999, lambda / cmu);
	for (let k = 0; k < 200; k++) {
		const next = (n * lambda / ((n * lambda) + (cmu * (1 - sigma)))) ** n;
		if (Math.abs(next - sigma) < 1e-12) return next;
		sigma = next;
	}

	return sigma;
}

/**
 * The least-outstanding-requests correction: how much longer a join-the-shortest-queue pool of
 * n members waits than one pooled queue of all their servers, with `nodes` ELB nodes that each
 * know only their own outstanding requests. A fit to the oracle (test/helpers/des) over n = 2–8,
 * 1–3 nodes, ρ 0.5–0.95: 1 + 0.45 (n − 1)(1 − ρ)(1 + 1.2 (nodes − 1)).
 */
export function lorWaitFactor(members: number, nodes: number, rho: number): number {
	return 1 + (0.45 * (members - 1) * Math.max(0, 1 - rho) * (1 + (1.2 * Math.max(0, nodes - 1))));
}

/** Fill `out` for `key`. */
export function calibrate(out: Calibration, key: CalibrationKey): void {
	const {servers: c, mu, cv, arrivalCv2: ca2} = key;
	const cs2 = drawnCs2(cv);
	const cmu = c * mu;
	out.cs2 = cs2;
	out.residual = (1 + cs2) / 2;
	out.residualVariance = (1 / 12) + ((11 / 12) * cs2);
	const raw = (key.lambda * ca2) + (cmu * cs2);
	// The realised count's own variance: λCa² (round-robin's Erlang-n gaps: λ/n); least outstanding
	// requests deals requests in turn like round-robin (λ/n), whatever its queueing law.
	out.arrivalVariance = key.lorMembers > 1 ? key.lambda / key.lorMembers : key.lambda * ca2;
	if (!(key.lambda > 1e-9) || !(cmu > 0)) {
		// No arrivals expected (a draining target, an idle one): the limit λ → 0 of the law below
		// (M/M/1's thresholds, m → 0, σ² → 0), so what is left drains deterministically at cμ.
		out.a = 0;
		out.z0 = 1;
		out.z1 = 2;
		out.z0Seen = 1;
		out.z1Seen = 2;
		out.sigma2 = 0;
		return;
	}

	const lambda = Math.min(key.lambda, maxCalibratedUtilisation * cmu);
	const rho = lambda / cmu;
	out.a = lambda / mu;
	let busy: number;
	let ratio: number;
	let waiting: number;
	let busySeen: number;
	let ratioSeen: number;
	if (key.lorMembers > 1) {
		// One member of a join-the-shortest-queue pool: the pool's wait is the pooled queue's ×
		// lorWaitFactor; its tail decays like the pool's (rate n·cμ − λ_pool), i.e. per request on
		// this member by e^(−n(1 − ρ)); each member is busy a fraction ρ of the time.
		const n = key.lorMembers;
		const poolC = erlangC(n * c, n * out.a);
		const poolWait = poolC / (n * (cmu - lambda)) * ((ca2 + cs2) / 2) * lorWaitFactor(n, key.lorNodes, rho);
		// e^(−n(1 − ρ)) underflows to 0 past n(1 − ρ) ≈ 745 (thin load over ~1,000 targets in one
		// pool), which would make m = 0 and the thresholds 0 (every request stuck) or 0/0; floored
		// like round-robin's σ, where it no longer changes any figure.
		ratio = Math.min(0.999_999, Math.max(1e-300, Math.exp(-n * (1 - rho))));
		ratioSeen = ratio;
		busySeen = Math.min(0.999_999, poolWait * cmu / ((ratio / (1 - ratio)) + out.residual));
		busy = c === 1 ? rho : Math.max(busySeen, erlangC(c, out.a));
		waiting = lambda * poolWait;
	} else if (ca2 < 1 && cs2 === 1) {
		// Round-robin: Erlang-n gaps at each target (GI/M/c): arrivals see all busy with a
		// probability ∝ σ and then a geometric queue of ratio σ; the time-average law has ratio σ too.
		const n = ca2 > 0 ? Math.min(1000, Math.max(1, Math.round(1 / ca2))) : 1000;
		// σ underflows to 0 at thin load over many targets ((1/(1 + cμ/nλ))^n); a ratio of 0 would make
		// the thresholds below 0/0, so it is floored where it no longer changes any figure.
		const sigma = Math.max(1e-300, erlangArrivalSigma(n, lambda, cmu));
		const erlang = c === 1 ? rho : erlangC(c, out.a);
		busySeen = Math.min(0.999_999, erlang * sigma / rho);
		ratioSeen = sigma;
		ratio = sigma;
		busy = erlang;
		waiting = lambda * busySeen / (cmu * (1 - sigma));
	} else {
		busy = c === 1 ? rho : erlangC(c, out.a);
		const wait = busy / (cmu - lambda) * ((ca2 + cs2) / 2);
		waiting = lambda * wait;
		ratio = ca2 === 1 ? tailRatio(lambda, 1 / cmu, cv) : waiting / (busy + waiting);
		if (!(ratio > 0 && ratio < 1)) ratio = waiting / (busy + waiting);
		// 0 for uniform arrivals and a constant service time (D/D/c: nobody waits), 0/0 when Erlang C
		// underflows (36 vCPUs at 10⁻⁶ req/s); m = 0 would put both thresholds at 0 (every server
		// busy for ever), so floored like the others.
		if (!(ratio > 0)) ratio = 1e-300;
		busySeen = busy;
		ratioSeen = ratio;
	}

	// Time-average thresholds from (C, p2, r); the arrival-seen ones from the waits arrivals see.
	const m = -1 / Math.log(ratio);
	const p2 = Math.min(busy, waiting * (1 - ratio));
	// P(all busy) underflows to 0 for many servers at thin load (Erlang C of a pool of 500, or of c
	// servers, at ρ 10⁻⁵): floored too, so the band z1Seen − z0Seen is never ∞ − ∞ (an arrival at an
	// idle server was charged a wait) and a probability of 10⁻³⁰⁰ changes no figure.
	out.z0 = m * Math.log(1 / Math.max(1e-300, busy));
	out.z1 = Math.max(out.z0, m * Math.log(1 / Math.max(1e-300, p2)));
	if (busySeen === busy && ratioSeen === ratio) {
		out.z0Seen = out.z0;
		out.z1Seen = out.z1;
	} else {
		const mSeen = -1 / Math.log(ratioSeen);
		// Arrivals' X: P(X ≥ 1) = busySeen, then geometric of ratio `ratioSeen` from 1 on.
		out.z0Seen = m * Math.log(1 / Math.max(1e-300, busySeen));
		out.z1Seen = out.z0Seen + (m / mSeen);
	}

	let sigma2 = 2 * (cmu - lambda) * m;
	if (key.lambda >= maxCalibratedUtilisation * cmu) sigma2 = Math.max(sigma2, raw);
	out.sigma2 = sigma2;
}

/** Do two keys give the same calibration? */
export function sameKey(a: CalibrationKey, b: CalibrationKey): boolean {
	return a.lambda === b.lambda && a.servers === b.servers && a.mu === b.mu && a.cv === b.cv && a.arrivalCv2 === b.arrivalCv2 && a.lorMembers === b.lorMembers && a.lorNodes === b.lorNodes;
}
