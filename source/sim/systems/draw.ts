/**
 * Seeded draws for the control plane. Randomness lives in `SimState.rng` and is advanced here;
 * nothing under source/sim calls Math.random.
 *
 * TODO(rng): a local mulberry32 step on `rng[0]` until the data plane's rng.ts lands; then
 * these become thin wrappers over it.
 */
import type {Working} from '../working.js';

/** A uniform draw in [0, 1); advances `s.rng`. */
export function drawUnit(s: Working): number {
	let a = ((s.rng[0] ?? 0) + 0x6D_2B_79_F5) >>> 0;
	s.rng[0] = a;
	a = Math.imul(a ^ (a >>> 15), a | 1);
	a ^= a + Math.imul(a ^ (a >>> 7), a | 61);
	return ((a ^ (a >>> 14)) >>> 0) / 4_294_967_296;
}

/** A uniform integer in [min, max] (inclusive). */
export function drawInt(s: Working, min: number, max: number): number {
	return min + Math.floor(drawUnit(s) * (max - min + 1));
}

/** One element of a non-empty list. */
export function drawPick<T>(s: Working, items: readonly T[]): T {
	return items[Math.floor(drawUnit(s) * items.length)]!;
}

/** Seconds → ticks (at least one tick for a positive duration). */
export function secondsToTicks(s: Working, seconds: number): number {
	return seconds <= 0 ? 0 : Math.max(1, Math.ceil(seconds / s.config.tickSeconds));
}
