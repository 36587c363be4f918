/**
 * The CDN (CloudFront) in front of the load balancer (docs/tiers.md "CDN"): `staticShare` of the
 * requests arriving in a tick are static files answered at the edge. They are served (counted
 * as completed that tick, at `cdnEdgeLatencyMs`) and never reach the load balancer or the
 * fleet; each is billed as CloudFront bills, per GB out and per request (`cdnUsdPerRequest`).
 *
 * Which requests: each arriving request independently with probability `staticShare` (a
 * binomial thinning of the tick's arrivals, so the fleet still sees Poisson arrivals at
 * (1 − share) of the rate).
 */
import {cdnUsdPerRequest} from '../catalog.js';
import {hash32, normalFromUnit, unitOf} from '../rng.js';
import type {SimState} from '../types.js';
import type {Working} from '../working.js';

/** The share of the arriving requests the edge answers now (0 without a CDN). */
export function edgeShareOf(s: Pick<SimState, 'cdn'>): number {
	return s.cdn?.staticShare ?? 0;
}

/** Binomial(n, p) from the counter-based stream `key`: exact below 32 trials, the normal approximation (continuity-corrected, clamped) above. */
export function binomialOf(n: number, p: number, key: number): number {
	if (n <= 0 || p <= 0) return 0;
	if (p >= 1) return n;
	if (n < 32) {
		let k = 0;
		for (let j = 0; j < n; j++) k += Number(unitOf(hash32(key, j)) < p);
		return k;
	}

	const z = normalFromUnit(unitOf(hash32(key, 0xB1_40)));
	return Math.min(n, Math.max(0, Math.round((n * p) + (Math.sqrt(n * p * (1 - p)) * z))));
}

/** This tick's requests answered at the edge, out of `arrived`; counts them and their bill into `s.cdn`. Returns the count. */
export function serveAtEdge(s: Working, arrived: number, tickKey: number): number {
	const cdn = s.cdn;
	if (!cdn) return 0;
	const edge = binomialOf(arrived, cdn.staticShare, hash32(tickKey, 0xCD_4E_ED_6E));
	cdn.servedLastTick = edge;
	cdn.served += edge;
	cdn.costUsd += edge * cdnUsdPerRequest;
	return edge;
}

/** What the edge costs per hour at the rate expected now, USD/h (the run rate's CDN part). */
export function cdnUsdPerHour(s: Pick<SimState, 'cdn' | 'flow'>): number {
	return edgeShareOf(s) * s.flow.expectedRatePerSecond * 3600 * cdnUsdPerRequest;
}
