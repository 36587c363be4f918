/**
 * Deterministic instance ids from the counter `SimState.nextInstanceNumber`: `i-0001`, `i-0002` …
 * (four digits, more when needed). Short ids fit the instance table and read well in captions.
 * The format lives in systems/instances.ts (`launchInstance` takes ids from it); this module
 * is the data plane's door to it.
 */
import {instanceId} from './systems/instances.js';
import type {Working} from './working.js';

export {instanceId};

/** Takes the next id from the state's counter. */
export function nextInstanceId(s: Working): string {
	const id = instanceId(s.nextInstanceNumber);
	s.nextInstanceNumber += 1;
	return id;
}
