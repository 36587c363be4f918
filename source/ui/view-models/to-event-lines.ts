/** Activity log lines: newest first, AWS-style messages with their cause and simulated time. */
import type {SimEvent} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatClock} from './format.js';

export type EventLineVm = {readonly time: string; readonly text: string; readonly tone: Tone};

const toneOfKind: Readonly<Record<SimEvent['kind'], Tone>> = {
	activity: 'normal',
	alarm: 'warn',
	elb: 'normal',
	fault: 'alarm',
	user: 'accent',
	caption: 'title',
	marker: 'title',
	refused: 'warn',
	info: 'dim',
};

/**
 * Log lines from events given newest first; `tickSeconds` turns ticks into the clock shown.
 * A preset's `marker` entries are left out: a marker names a chapter of the story for
 * recordings, and the log already shows the action it names (each timeline event once).
 */
export function toEventLines(events: readonly SimEvent[], tickSeconds: number): readonly EventLineVm[] {
	return events.filter((e) => e.kind !== 'marker').map((e) => ({
		time: formatClock(e.tick * tickSeconds),
		text: e.cause ? `${e.message} Cause: ${e.cause}` : e.message,
		tone: toneOfKind[e.kind] ?? 'normal',
	}));
}
