import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {EventLineVm} from '../view-models/to-event-lines.js';

/** The log's lines: a title, then `HH:MM:SS message. Cause: …`, newest first. */
export function eventLogLines(events: readonly EventLineVm[], width: number): Line[] {
	const lines: Line[] = [titleLine('Activity', width)];
	for (const e of events) lines.push([seg(`${e.time} `, 'dim'), seg(e.text, e.tone)]);
	if (events.length === 0) lines.push([seg('no activity yet', 'dim')]);
	return lines;
}
