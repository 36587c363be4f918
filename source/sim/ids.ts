/**
 * Deterministic instance ids from the counter `SimState.nextInstanceNumber`: `i-0001`, `i-0002` …
 * (four digits, more when needed). Short ids fit the instance table and read well in captions.
 */
import type {Working} from './working.js';

/** The id for instance number `n` (1-based). */
export function instanceId(n: number): string {
	return `i-${String(n).padStart(4, '0')}`;
}

/** Takes the next id from the state's counter. */
export function nextInstanceId(s: Working): string {
	const id = instanceId(s.nextInstanceNumber);
	s.nextInstanceNumber += 1;
	return id;
}
