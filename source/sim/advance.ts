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

const canonical = new Map<string, string>();
for (const value of ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated', 'Pending', 'InService', 'Terminating', 'Terminated', 'Standby', 'Standalone', 'Healthy', 'Unhealthy', 'initial', 'healthy', 'unhealthy', 'draining', 'unused', 'on-demand', 'spot', 'reserved']) {
	canonical.set(value, value);
}

/**
 * A structured clone holds fresh copies of every string; comparing them with literals
 * (`ec2State !== 'running'`) then goes through a slow runtime path on every tick. Swapping the
 * enum-like fields back to the literals' own (internalized) strings once per clone makes those
 * comparisons pointer checks. Values are unchanged.
 */
function internEnums(s: Working): void {
	for (const id of s.instanceOrder) {
		const i = s.instances[id];
		if (!i) continue;
		i.ec2State = (canonical.get(i.ec2State) ?? i.ec2State) as typeof i.ec2State;
		i.asgLifecycle = (canonical.get(i.asgLifecycle) ?? i.asgLifecycle) as typeof i.asgLifecycle;
		i.asgHealth = (canonical.get(i.asgHealth) ?? i.asgHealth) as typeof i.asgHealth;
		i.purchaseOption = (canonical.get(i.purchaseOption) ?? i.purchaseOption) as typeof i.purchaseOption;
		i.target.health = (canonical.get(i.target.health) ?? i.target.health) as typeof i.target.health;
	}
}

/**
 * Deep copy of plain JSON data: strings are shared, and arrays of primitives are sliced (a
 * memcpy). The state's arrays are homogeneous (numbers or null, strings, or objects), so the
 * first non-null element decides.
 */
function cloneJson(value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		for (const item of value) {
			if (item === null) continue;
			return typeof item === 'object' ? value.map(element => cloneJson(element)) : value.slice();
		}

		return value.slice();
	}

	// Spread copies the source's shape as it is (V8's object-clone fast path); adding 30-odd
	// properties one by one with keyed stores would turn each instance into a slow dictionary.
	const out: Record<string, unknown> = {...value};
	for (const key in out) {
		const field = out[key];
		if (typeof field === 'object' && field !== null) out[key] = cloneJson(field);
	}

	return out;
}

/**
 * A private, mutable copy of a state for the hot loop. The config is shared, not copied: no
 * system writes to it (it is the run's input). Much cheaper than structuredClone, which matters
 * to callers that advance one tick at a time (the headless runner, the dashboard).
 */
function workingCopy(state: SimState): Working {
	const copy: Record<string, unknown> = {...state};
	for (const key in copy) {
		const field = copy[key];
		if (key !== 'config' && typeof field === 'object' && field !== null) copy[key] = cloneJson(field);
	}

	const s = copy as Working;
	internEnums(s);
	return s;
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
	const end = s.clock.tick + ticks;
	let k = 0;
	while (k < due.length && due[k]! < s.clock.tick) k++;
	while (s.clock.tick < end) {
		if (k < due.length && due[k] === s.clock.tick) {
			s = workingCopy(applyDue(s as SimState, s.clock.tick));
			k++;
		}

		const stop = k < due.length ? Math.min(end, due[k]!) : end;
		while (s.clock.tick < stop) runTick(s);
	}

	return s as SimState;
}
