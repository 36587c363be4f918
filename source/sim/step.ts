import type {SimAction} from './actions.js';
import type {SimState} from './types.js';

/** Apply one discrete action (TODO: sim helper replaces this stub). */
export function step(state: SimState, _action: SimAction): SimState {
	return state;
}
