/**
 * Seeded draws for the control plane, over its own stream in ../rng.ts (its state lives in
 * `SimState.rng`); nothing under source/sim calls Math.random.
 */
import {nextInt, nextUnit} from '../rng.js';
import type {Working} from '../working.js';

/** A uniform draw in [0, 1); advances `s.rng`. */
export function drawUnit(s: Working): number {
	return nextUnit(s.rng);
}

/** A uniform integer in [min, max] (inclusive). */
export function drawInt(s: Working, min: number, max: number): number {
	return nextInt(s.rng, min, max);
}

/** One element of a non-empty list. */
export function drawPick<T>(s: Working, items: readonly T[]): T {
	return items[Math.floor(nextUnit(s.rng) * items.length)]!;
}

/** Seconds → ticks (at least one tick for a positive duration). */
export function secondsToTicks(s: Working, seconds: number): number {
	return seconds <= 0 ? 0 : Math.max(1, Math.ceil(seconds / s.config.tickSeconds));
}
