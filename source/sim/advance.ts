/**
 * `advance(state, ticks)`: simulated time. Pure at the boundary — the input is never touched;
 * the state is copied once, the hot loop mutates the private copy (no immer inside), and the
 * copy is returned. Timeline entries (`config.timeline`) due at a tick are applied through
 * `step` just before that tick runs; the hot loop is left at those ticks only. Chunking does
 * not matter: advance(advance(s, a), b) equals advance(s, a + b).
 */
import {step} from './step.js';
import {runTick} from './tick.js';
import type {SimState} from './types.js';
import type {Working} from './working.js';

/** Ticks at which the timeline has entries, ascending and unique. */
function timelineTicks(state: SimState): number[] {
	const ticks = new Set<number>();
	for (const entry of state.config.timeline) ticks.add(entry.atTick);
	return [...ticks].sort((a, b) => a - b);
}

function applyDue(state: SimState, tick: number): SimState {
	let next = state;
	for (const entry of state.config.timeline) if (entry.atTick === tick) next = step(next, entry.action);
	return next;
}

/** Advance time by `ticks` (a whole number ≥ 0). */
export function advance(state: SimState, ticks: number): SimState {
	if (!Number.isInteger(ticks) || ticks < 0) throw new RangeError(`advance: ticks must be a whole number ≥ 0, got ${ticks}.`);
	if (ticks === 0) return state;
	const due = timelineTicks(state);
	let s = structuredClone(state) as Working;
	const end = s.clock.tick + ticks;
	let k = 0;
	while (k < due.length && due[k]! < s.clock.tick) k++;
	while (s.clock.tick < end) {
		if (k < due.length && due[k] === s.clock.tick) {
			s = structuredClone(applyDue(s as SimState, s.clock.tick)) as Working;
			k++;
		}

		const stop = k < due.length ? Math.min(end, due[k]!) : end;
		while (s.clock.tick < stop) runTick(s);
	}

	return s as SimState;
}
