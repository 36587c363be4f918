/**
 * Latency histograms with log-spaced buckets (8 % wide, 0.1 ms … ~17 min), so percentiles
 * cost O(buckets) and memory is fixed whatever the request count — requests are never stored.
 *
 * `counts` are weights (a sampled latency may stand for many requests); `total` counts the
 * completed requests and `sumMs` their exact latency sum, so the mean is exact while the
 * percentiles are read from the bucket weights.
 */
import type {Histogram} from '../types.js';

type MutableHistogram = {counts: number[]; total: number; sumMs: number; maxMs: number};

/** Lower edge of bucket 0, ms. */
export const histogramMinMs = 0.1;
/** Ratio between consecutive bucket edges. */
export const histogramGrowth = 1.08;
/** Number of buckets. */
export const histogramBuckets = 210;

const logGrowth = Math.log(histogramGrowth);

/** An empty histogram. */
export function emptyHistogram(): Histogram {
	return {counts: Array.from({length: histogramBuckets}, () => 0), total: 0, sumMs: 0, maxMs: 0};
}

/** Bucket index for a latency. */
export function bucketOf(ms: number): number {
	if (ms <= histogramMinMs) return 0;
	const i = Math.floor(Math.log(ms / histogramMinMs) / logGrowth);
	return i >= histogramBuckets ? histogramBuckets - 1 : i;
}

/** Adds `weight` requests of latency `ms` to the bucket weights (not to total/sumMs). */
export function addSample(h: MutableHistogram, ms: number, weight: number): void {
	h.counts[bucketOf(ms)] += weight;
	if (ms > h.maxMs) h.maxMs = ms;
}

/** Records `count` completed requests whose latencies sum to `sumMs` (exact mean). */
export function addCompleted(h: MutableHistogram, count: number, sumMs: number): void {
	h.total += count;
	h.sumMs += sumMs;
}

/**
 * Multiplies every weight by `factor` (an exponentially fading "recent" window). `maxMs` stays
 * the largest latency seen, so it only caps the top bucket's interpolation.
 */
export function decay(h: MutableHistogram, factor: number): void {
	const c = h.counts;
	for (let i = 0; i < c.length; i++) c[i] *= factor;
	h.total *= factor;
	h.sumMs *= factor;
}

/** Latency at quantile q (0–1), ms, interpolated geometrically inside the bucket; 0 when empty. */
export function quantileMs(h: Histogram, q: number): number {
	const c = h.counts;
	let weight = 0;
	for (let i = 0; i < c.length; i++) weight += c[i]!;
	if (weight <= 0) return 0;
	if (q >= 1) return h.maxMs;
	const goal = q * weight;
	let cumulative = 0;
	for (let i = 0; i < c.length; i++) {
		const w = c[i]!;
		if (w > 0 && cumulative + w >= goal) {
			const within = (goal - cumulative) / w;
			const value = histogramMinMs * Math.exp((i + within) * logGrowth);
			return Math.min(value, h.maxMs);
		}

		cumulative += w;
	}

	return h.maxMs;
}

/** Mean latency of the completed requests, ms; 0 when none. */
export function meanMs(h: Histogram): number {
	return h.total > 0 ? h.sumMs / h.total : 0;
}
