import type {SimState} from './types.js';

/** Advance time by `ticks` (TODO: sim helper replaces this stub). */
export function advance(state: SimState, ticks: number): SimState {
	return {...state, clock: {tick: state.clock.tick + ticks}};
}
