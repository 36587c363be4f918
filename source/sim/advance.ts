/**
 * `advance(state, ticks)`: simulated time. Pure at the boundary — the input is never touched;
 * the state is copied once, the hot loop mutates the private copy (no immer inside), and the
 * copy is returned. Timeline entries (`config.timeline`) due at a tick are applied through
 * `step` just before that tick runs; the hot loop is left at those ticks only. Chunking does
 * not matter: advance(advance(s, a), b) equals advance(s, a + b).
 */
import {step} from './step.js';
import {runTick, type TickCarry} from './tick.js';
import type {SimState} from './types.js';
import type {Working} from './working.js';

const canonical = new Map<string, string>();
for (const value of ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated', 'Pending', 'InService', 'Terminating', 'Terminated', 'Standby', 'Standalone', 'Healthy', 'Unhealthy', 'initial', 'healthy', 'unhealthy', 'draining', 'unused', 'on-demand', 'spot', 'reserved']) {
	canonical.set(value, value);
}

/**
 * A copied string is a fresh string; comparing it with a literal (`ec2State !== 'running'`)
 * then goes through a slow runtime path every tick. The lifecycle and health words are swapped
 * for the literals' own (internalized) strings as they are copied. Values are unchanged.
 */
function intern(value: string): string {
	return canonical.get(value) ?? value;
}

/**
 * Deep copy of plain JSON data, written for V8 and for any shape of state (no list of field
 * names to keep in step with the types):
 * - objects are rebuilt by adding their keys in order to a fresh literal, so copies of
 *   like-shaped objects share one hidden class, call after call (a spread copy of a spread copy
 *   gets a new one each time, and the systems' reads go megamorphic);
 * - arrays of numbers are rebuilt element by element, so V8 keeps them unboxed (a `slice()` of a
 *   frozen array keeps tagged elements, and every fraction stored into it allocates);
 * - strings are shared (lifecycle words interned).
 */
function cloneJson(value: unknown): unknown {
	if (typeof value === 'string') return intern(value);
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		const out: unknown[] = [];
		for (const item of value) out.push(typeof item === 'object' && item !== null ? cloneJson(item) : item);
		return out;
	}

	const out: Record<string, unknown> = {};
	for (const key in value) out[key] = cloneJson((value as Record<string, unknown>)[key]);
	return out;
}

/**
 * A private, mutable copy of a state for the hot loop. The config is shared, not copied: no
 * system writes to it (it is the run's input).
 */
function workingCopy(state: SimState): Working {
	const copy: Record<string, unknown> = {};
	for (const key in state) {
		const field = (state as Record<string, unknown>)[key];
		copy[key] = key === 'config' ? field : cloneJson(field);
	}

	return copy as Working;
}

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
	let s = workingCopy(state);
	let carry: TickCarry = {};
	const end = s.clock.tick + ticks;
	let k = 0;
	while (k < due.length && due[k]! < s.clock.tick) k++;
	while (s.clock.tick < end) {
		if (k < due.length && due[k] === s.clock.tick) {
			s = workingCopy(applyDue(s as SimState, s.clock.tick));
			carry = {};
			k++;
		}

		const stop = k < due.length ? Math.min(end, due[k]!) : end;
		while (s.clock.tick < stop) runTick(s, carry);
	}

	return s as SimState;
}
