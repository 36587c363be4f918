/** Small statistics for the oracle comparisons: means, quantiles, spreads, correlations. */

export function mean(xs: ArrayLike<number>): number {
	let s = 0;
	for (let k = 0; k < xs.length; k++) s += xs[k]!;
	return xs.length > 0 ? s / xs.length : 0;
}

export function sd(xs: ArrayLike<number>): number {
	const m = mean(xs);
	let s = 0;
	for (let k = 0; k < xs.length; k++) s += (xs[k]! - m) ** 2;
	return xs.length > 1 ? Math.sqrt(s / (xs.length - 1)) : 0;
}

/** Quantile q (0–1) of sorted values (type 7, linear interpolation). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	if (sorted.length === 0) return 0;
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(sorted.length - 1, lo + 1);
	return sorted[lo]! + ((h - lo) * (sorted[hi]! - sorted[lo]!));
}

/** Quantile q (0–1), sorting a copy. */
export function quantile(xs: ArrayLike<number>, q: number): number {
	return quantileSorted(Float64Array.from(xs).sort(), q);
}

/** Several quantiles with one sort. */
export function quantiles(xs: ArrayLike<number>, qs: readonly number[]): number[] {
	const sorted = Float64Array.from(xs).sort();
	return qs.map(q => quantileSorted(sorted, q));
}

export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
	const mx = mean(xs);
	const my = mean(ys);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let k = 0; k < xs.length; k++) {
		sxy += (xs[k]! - mx) * (ys[k]! - my);
		sxx += (xs[k]! - mx) ** 2;
		syy += (ys[k]! - my) ** 2;
	}

	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Sums of consecutive blocks of `size` (e.g. per-minute figures from per-tick ones). */
export function blockSums(xs: ArrayLike<number>, size: number, from = 0): number[] {
	const out: number[] = [];
	for (let k = from; k + size <= xs.length; k += size) {
		let s = 0;
		for (let j = k; j < k + size; j++) s += xs[j]!;
		out.push(s);
	}

	return out;
}

/** Every `step`-th value from `from` on (e.g. a per-tick series read once a minute). */
export function everyNth(xs: ArrayLike<number>, step: number, from = 0): number[] {
	const out: number[] = [];
	for (let k = from; k < xs.length; k += step) out.push(xs[k]!);
	return out;
}

/** |a / b − 1|. */
export function relativeError(a: number, b: number): number {
	return Math.abs((a / b) - 1);
}
