/**
 * The activity log: `HH:MM:SS message. Cause: …` in AWS's own words, newest first, each entry
 * whole — wrapped onto as many lines as it needs; only the last one on screen may be cut,
 * and then it ends in `…` — and scrollable (Tab focuses it,
 * ↑↓ PgUp PgDn move, Home returns to the newest). Scrolled back, the view stays on the same
 * entries while new ones arrive, and the title says how many are newer.
 */
import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {textWidth, truncateToWidth, wrapToWidth} from '../text-width.js';
import type {EventLineVm} from '../view-models/to-event-lines.js';
import {linesPanel, type PanelContent} from './lines.js';

/** What the log shows: entries newest first, the top entry's number (undefined: follow the newest), the focus. */
export type EventLogInput = {readonly events: readonly EventLineVm[]; readonly top: number | undefined; readonly isFocused: boolean};

/** Columns of the time and the space after it; continuation lines are indented as far. */
const timeWidth = 9;

/** An entry's lines at `width`. */
export function entryLines(event: EventLineVm, width: number): Line[] {
	const wrapped = wrapToWidth(event.text, Math.max(1, width - timeWidth));
	return wrapped.map((text, i) => [seg(i === 0 ? `${event.time} ` : ' '.repeat(timeWidth), 'dim'), seg(text, event.tone)]);
}

/** The first `rows` lines of an entry, the last ending in `…` to say that the entry goes on. */
function cutEntry(entry: readonly Line[], rows: number, width: number): Line[] {
	const shown = entry.slice(0, rows);
	const [time, text] = shown[rows - 1];
	const room = Math.max(1, width - timeWidth);
	const words = text.text.trimEnd();
	const ended = textWidth(words) + 2 <= room ? `${words} …` : truncateToWidth(words + '  ', room);
	shown[rows - 1] = [time, {...text, text: ended}];
	return shown;
}

/** Rows all the entries take at `width` (the layout gives the log what it has to show). */
export function logRowsWanted(events: readonly EventLineVm[], width: number, limit: number): number {
	let rows = 0;
	for (const e of events) {
		rows += wrapToWidth(e.text, Math.max(1, width - timeWidth)).length;
		if (rows >= limit) return limit;
	}

	return Math.max(1, rows);
}

/**
 * The number of the entry at the top of the last page: the newest entry from which the entries
 * down to the oldest fit the box. Scrolling stops there, so the last page is full (it showed the
 * oldest entry alone above empty rows).
 */
export function lastPageTop(events: readonly EventLineVm[], box: PanelBox): number | undefined {
	const room = Math.max(1, box.height - 1);
	let rows = 0;
	let top = events.at(-1)?.number;
	for (let index = events.length - 1; index >= 0; index--) {
		rows += entryLines(events[index], box.width).length;
		if (rows > room) break;
		top = events[index].number;
	}

	return top;
}

/** The log's lines for its box. */
export function eventLogLines(input: EventLogInput, box: PanelBox): PanelContent {
	const {events, top, isFocused} = input;
	const {width, height} = box;
	const start = top === undefined ? 0 : Math.max(0, events.findIndex(e => e.number <= top));
	const newer = start;
	const extra = newer > 0 ? [seg(`${newer} newer above (Home)`, 'warn')] : isFocused ? [seg('↑↓ PgUp PgDn scroll, Home newest', 'dim')] : [];
	const lines: Line[] = [titleLine('Activity', width, extra, isFocused)];
	const room = Math.max(0, height - 1);
	const body: Line[] = [];
	let index = start;
	while (index < events.length) {
		const entry = entryLines(events[index], width);
		const after = events.length - index - 1;
		if (body.length + entry.length + (after > 0 ? 1 : 0) <= room) {
			body.push(...entry);
			index++;
			continue;
		}

		// It does not fit whole: its first lines fill the rows left, the last one ending in `…`
		// (scrolling brings it up whole), then the count of the older ones; no row is left empty
		// above the caption.
		const rows = Math.max(0, room - body.length - (after > 0 ? 1 : 0));
		if (rows > 0) body.push(...cutEntry(entry, rows, width));
		const older = rows > 0 ? after : after + 1;
		if (older > 0 && body.length < room) body.push([seg(`+${older} older`, 'dim')]);
		break;
	}

	if (events.length === 0) body.push([seg('no activity yet', 'dim')]);
	return {lines: [...lines, ...body].slice(0, Math.max(1, height))};
}

/** The activity log. */
export const EventLog = linesPanel<EventLogInput>('EventLog', eventLogLines);
