/**
 * Fixed-size ring buffers of numbers (sparkline history, CloudWatch datapoints): memory is
 * bounded whatever the run length.
 */
import type {Ring} from '../types.js';

type MutableRing = {values: number[]; start: number; length: number};

/** An empty ring holding at most `capacity` values. */
export function emptyRing(capacity: number): Ring {
	return {values: Array.from({length: capacity}, () => 0), start: 0, length: 0};
}

/** Appends a value, dropping the oldest when full. */
export function pushRing(r: MutableRing, value: number): void {
	const capacity = r.values.length;
	if (r.length < capacity) {
		r.values[(r.start + r.length) % capacity] = value;
		r.length += 1;
	} else {
		r.values[r.start] = value;
		r.start = (r.start + 1) % capacity;
	}
}

/** The newest `count` values (all when omitted), oldest first. */
export function ringValues(r: Ring, count = r.length): number[] {
	const n = Math.min(count, r.length);
	const capacity = r.values.length;
	const out: number[] = [];
	for (let i = r.length - n; i < r.length; i++) out.push(r.values[(r.start + i) % capacity]!);
	return out;
}

/** The newest value, or `fallback` when empty. */
export function ringLast(r: Ring | undefined, fallback = 0): number {
	if (!r || r.length === 0) return fallback;
	return r.values[(r.start + r.length - 1) % r.values.length]!;
}
