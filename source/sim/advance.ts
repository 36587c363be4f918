import type {SimState} from './types.js';
import type {Working} from './working.js';
import {runTick} from './tick.js';

/**
 * Advance time by `ticks`. Pure at the boundary: copies the state once, runs the hot loop on
 * the private copy, returns it. (Stub: the sim owner adds timeline entries and performance work.)
 */
export function advance(state: SimState, ticks: number): SimState {
	const s = structuredClone(state) as Working;
	for (let i = 0; i < ticks; i++) runTick(s);
	return s as SimState;
}
