import type {Working} from '../working.js';

/** Last system of a tick: per-tick series for sparklines, then the clock advances. (Stub.) */
export function recordHistory(s: Working): void {
	s.clock.tick += 1;
}
