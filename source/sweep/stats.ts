/**
 * The figures a sweep reports per run and their statistics across seeds: median and spread
 * (the lowest and highest seed). Pure.
 */
import type {RunSummary} from '../sim/index.js';

/** The figures of one run that a sweep compares. */
export type SweepFigures = {
	/** Failed requests answered 5xx (502 + 503 + 504). */
	readonly errors5xx: number;
	/** 99th percentile latency of the run, ms. */
	readonly p99Ms: number;
	/** Total cost of the run, USD. */
	readonly costUsd: number;
	/** Scaling activities (launches and terminations by the group). */
	readonly activities: number;
};

/** The figures of a summary. */
export function figuresOf(summary: RunSummary): SweepFigures {
	return {
		errors5xx: summary.errors['500'] + summary.errors['502'] + summary.errors['503'] + summary.errors['504'],
		p99Ms: summary.latencyMs.p99,
		costUsd: summary.cost.totalUsd,
		activities: summary.scalingActivities,
	};
}

/** Median, lowest and highest of some numbers. */
export type Spread = {readonly median: number; readonly min: number; readonly max: number};

/** The median (mean of the two middle values for an even count), min and max. */
export function spreadOf(values: readonly number[]): Spread {
	if (values.length === 0) return {median: Number.NaN, min: Number.NaN, max: Number.NaN};
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
	return {median, min: sorted[0]!, max: sorted.at(-1)!};
}
