/**
 * `Working`: a mutable view of SimState. Systems mutate a Working; `step` gets one from immer
 * (a draft), `advance` from a private deep copy (no immer in the hot loop). The same system
 * functions serve both.
 */
import type {Draft} from 'immer';
import type {SimState} from './types.js';

export type Working = Draft<SimState>;
