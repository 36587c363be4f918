import type {Working} from '../working.js';

/** Stub: see tick.ts for where this runs in the tick. */
export function advanceLifecycles(_s: Working): void {}
