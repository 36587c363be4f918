/** Activity log lines: newest first, AWS-style messages with their cause and simulated time. */
import type {SimEvent} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatClock} from './format.js';

export type EventLineVm = {
	/** The event's number in the run (0 = the first): the log's scroll position is anchored to it. */
	readonly number: number;
	readonly time: string;
	/** The whole message and its cause (`… Cause: At … changing the desired capacity from 2 to 4.`). */
	readonly text: string;
	readonly tone: Tone;
};

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

/** An event as one log entry's text: the message, then AWS's `Cause:`. */
export function eventText(e: SimEvent): string {
	return e.cause ? `${e.message} Cause: ${e.cause}` : e.message;
}

/**
 * Log lines from events given newest first, the newest being event number `newestNumber`;
 * `tickSeconds` turns ticks into the clock shown. A preset's `marker` entries are left out: a
 * marker names a chapter of the story for recordings, and the log already shows the action it
 * names (each timeline event once).
 */
export function toEventLines(events: readonly SimEvent[], tickSeconds: number, newestNumber = events.length - 1): readonly EventLineVm[] {
	const lines: EventLineVm[] = [];
	for (const [index, e] of events.entries()) {
		if (e.kind === 'marker') continue;
		lines.push({number: newestNumber - index, time: formatClock(e.tick * tickSeconds), text: eventText(e), tone: toneOfKind[e.kind] ?? 'normal'});
	}

	return lines;
}
