/**
 * One NDJSON metrics line for an interval of simulated time: the core's metrics line (CPU,
 * latency percentiles, fleet counts, cost at the end of the interval) with the rates and error
 * counts taken over the whole interval instead of its last tick, so that a line per minute
 * says what happened in that minute (arrivals are Poisson: one tick is a noisy sample).
 */
import {selectMetricsLine, type MetricsLine, type RunSummary, type SimState} from '../sim/index.js';

/** The metrics line for the interval that ends at `state`; `previous` is the summary at its start. */
export function intervalMetricsLine(state: SimState, current: RunSummary, previous: RunSummary): MetricsLine {
	const line = selectMetricsLine(state);
	const seconds = current.simulatedSeconds - previous.simulatedSeconds;
	if (seconds <= 0) return line;
	const rate = (now: number, before: number) => Math.round(((now - before) / seconds) * 1000) / 1000;
	const count = (now: number, before: number) => Math.round((now - before) * 1000) / 1000;
	return {
		...line,
		arrivalRate: rate(current.requests.arrived, previous.requests.arrived),
		completedRate: rate(current.requests.completed, previous.requests.completed),
		errors: {
			'500': count(current.errors['500'], previous.errors['500']),
			'502': count(current.errors['502'], previous.errors['502']),
			'503': count(current.errors['503'], previous.errors['503']),
			'504': count(current.errors['504'], previous.errors['504']),
		},		inconsistentReads: rate(current.consistency.inconsistentReads, previous.consistency.inconsistentReads),
		lostSessions: rate(current.consistency.lostSessions, previous.consistency.lostSessions),
		...(line.cacheHitRate === undefined ? {} : {cacheHitRate: intervalHitRate(current, previous)}),
	};
}

/** The cache's hit rate over the interval, percent (0 when it was asked nothing). */
function intervalHitRate(current: RunSummary, previous: RunSummary): number {
	const now = current.tiers.cache;
	const lookups = (now?.lookups ?? 0) - (previous.tiers.cache?.lookups ?? 0);
	const hits = (now?.hits ?? 0) - (previous.tiers.cache?.hits ?? 0);
	return lookups > 0 ? Math.round(10_000 * hits / lookups) / 100 : 0;
}
