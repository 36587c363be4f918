/**
 * Steady-state queueing formulas for one instance (c servers = vCPUs), used per tick so the
 * cost is O(1) per instance whatever the request rate (shared/reference/simulation.md §2):
 *
 * - Erlang C for the probability of waiting in M/M/c, through the numerically stable Erlang B
 *   recursion (B₀ = 1, B_k = aB/(k + aB); C = B / (1 − ρ(1 − B))).
 * - Mean wait Wq = C / (cμ − λ) × (Ca² + Cs²) / 2: exact for M/M/c (Ca² = Cs² = 1) and for
 *   M/G/1 (Pollaczek–Khinchine, so M/D/1 with Cs² = 0); the Allen–Cunneen approximation for
 *   G/G/c otherwise (e.g. round-robin arrivals, Ca² = 1/n).
 *
 * Above `maxUtilisation` the steady state does not exist; the caller's fluid backlog carries
 * the overload and the formula is evaluated at the cap.
 */

/** Utilisation at which the steady-state formula is capped (beyond it the backlog grows). */
export const maxUtilisation = 0.98;

/** Erlang C: probability that an arrival waits, c servers, offered load a = λ/μ (a < c). */
export function erlangC(c: number, a: number): number {
	if (a <= 0) return 0;
	const rho = a / c;
	if (rho >= 1) return 1;
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + (a * b));
	return b / (1 - (rho * (1 - b)));
}

/** Result of `queueWait`: probability of waiting and the mean wait, seconds. */
export type QueueWait = {pWait: number; meanWaitSeconds: number};

/**
 * Mean queueing delay (excluding service) for λ req/s on c servers of μ req/s each, with
 * service-time variability `cv` and arrival variability `arrivalCv2` (1 = Poisson).
 */
export function queueWait(c: number, lambda: number, mu: number, cv: number, arrivalCv2 = 1): QueueWait {
	if (lambda <= 0 || mu <= 0 || c <= 0) return {pWait: 0, meanWaitSeconds: 0};
	const capped = Math.min(lambda, maxUtilisation * c * mu);
	const pWait = erlangC(c, capped / mu);
	const meanWaitSeconds = (pWait / ((c * mu) - capped)) * ((arrivalCv2 + (cv * cv)) / 2);
	return {pWait, meanWaitSeconds};
}

/** Mean response time (wait + service), seconds. */
export function meanResponseSeconds(c: number, lambda: number, mu: number, cv: number, arrivalCv2 = 1): number {
	return queueWait(c, lambda, mu, cv, arrivalCv2).meanWaitSeconds + (1 / mu);
}
