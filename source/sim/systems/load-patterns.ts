/**
 * Open-loop load patterns: the arrival rate (req/s) at a simulated second. Pure functions of
 * the config and the time, so a preset's curve is the same on every run.
 */
import type {OpenLoadPattern} from '../config.js';

/** Rate of the pattern at `seconds` into the run, req/s (never negative). */
export function patternRate(p: OpenLoadPattern, seconds: number): number {
	switch (p.pattern) {
		case 'constant': {
			return Math.max(0, p.ratePerSecond);
		}

		case 'ramp': {
			const f = p.overSeconds > 0 ? Math.min(1, Math.max(0, seconds / p.overSeconds)) : 1;
			return Math.max(0, p.fromPerSecond + ((p.toPerSecond - p.fromPerSecond) * f));
		}

		case 'spike': {
			const isOn = seconds >= p.atSeconds && seconds < p.atSeconds + p.forSeconds;
			return Math.max(0, p.ratePerSecond * (isOn ? p.factor : 1));
		}

		case 'steps': {
			let rate = p.steps[0]?.ratePerSecond ?? 0;
			for (const step of p.steps) if (step.atSeconds <= seconds) rate = step.ratePerSecond;
			return Math.max(0, rate);
		}

		case 'daily':
		case 'sine': {
			const period = p.periodSeconds > 0 ? p.periodSeconds : 86_400;
			const phase = (2 * Math.PI * (seconds - p.peakAtSeconds)) / period;
			return Math.max(0, p.troughPerSecond + ((p.ratePerSecond - p.troughPerSecond) * (1 + Math.cos(phase)) / 2));
		}

		case 'trace': {
			return Math.max(0, traceRate(p.points, seconds));
		}

		case 'recorded': {
			const bin = Math.floor(seconds / p.binSeconds);
			return bin >= 0 && bin < p.counts.length ? p.counts[bin]! / p.binSeconds : 0;
		}
	}
}

/**
 * Requests of a recorded pattern in [fromSeconds, toSeconds): whole bins plus the covered
 * share of the bins at either end (a bin's requests spread evenly within it).
 */
export function recordedCount(p: {readonly binSeconds: number; readonly counts: readonly number[]}, fromSeconds: number, toSeconds: number): number {
	const first = Math.max(0, Math.floor(fromSeconds / p.binSeconds));
	const last = Math.min(p.counts.length - 1, Math.ceil(toSeconds / p.binSeconds) - 1);
	let total = 0;
	for (let bin = first; bin <= last; bin++) {
		const start = bin * p.binSeconds;
		const overlap = Math.min(toSeconds, start + p.binSeconds) - Math.max(fromSeconds, start);
		if (overlap <= 0) continue;
		total += overlap >= p.binSeconds ? p.counts[bin]! : p.counts[bin]! * (overlap / p.binSeconds);
	}

	return total;
}

/** The trace's rate at `seconds`: interpolated between the points around it, found by bisection (a day at 1 s is 86,400 points, and this runs every tick). */
function traceRate(points: readonly {readonly atSeconds: number; readonly ratePerSecond: number}[], seconds: number): number {
	if (points.length === 0) return 0;
	if (seconds <= points[0]!.atSeconds) return points[0]!.ratePerSecond;
	if (seconds >= points.at(-1)!.atSeconds) return points.at(-1)!.ratePerSecond;
	// The first point at or after `seconds`: points[low - 1] < seconds <= points[low].
	let low = 1;
	let high = points.length - 1;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (points[middle]!.atSeconds < seconds) low = middle + 1;
		else high = middle;
	}

	const a = points[low - 1]!;
	const b = points[low]!;
	const span = b.atSeconds - a.atSeconds;
	return span > 0 ? a.ratePerSecond + ((b.ratePerSecond - a.ratePerSecond) * (seconds - a.atSeconds) / span) : b.ratePerSecond;
}

/**
 * The pattern's nominal rate, req/s: what `traffic/base-rate-set` replaces. The constant rate,
 * the ramp's end, the spike's base, the daily peak, the highest step or trace point, the
 * busiest bin of a recording.
 */
export function nominalRate(p: OpenLoadPattern): number {
	switch (p.pattern) {
		case 'constant':
		case 'spike':
		case 'daily':
		case 'sine': {
			return p.ratePerSecond;
		}

		case 'ramp': {
			return Math.max(p.fromPerSecond, p.toPerSecond);
		}

		case 'steps': {
			let peak = 0;
			for (const step of p.steps) peak = Math.max(peak, step.ratePerSecond);
			return peak;
		}

		case 'trace':
		case 'recorded': {
			// Given, not computed: this runs every tick, and a day at 1 s is 86,400 points or bins.
			return p.peakPerSecond;
		}
	}
}
