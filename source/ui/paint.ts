/**
 * Lines of segments → painted strings of an exact width. The one place where text is cut to
 * the screen, so no row ever wraps (a wrapped row would make the frame taller than planned).
 */
import {toAscii, type Line, type Segment, type Theme, type Tone} from './theme.js';

/** Plain text of a line (no escape codes). */
export function lineText(line: Line): string {
	let text = '';
	for (const s of line) text += s.text;
	return text;
}

/** The segments cut to `width` columns and padded with spaces to exactly `width`. */
export function fitLine(line: Line, width: number): Line {
	const out: Segment[] = [];
	let used = 0;
	for (const s of line) {
		if (used >= width) break;
		const room = width - used;
		const text = s.text.length > room ? s.text.slice(0, room) : s.text;
		if (text !== '') out.push(s.tone ? {text, tone: s.tone} : {text});
		used += text.length;
	}
	if (used < width) out.push({text: ' '.repeat(width - used)});
	return out;
}

/** One line painted for the terminal: exactly `width` columns, escape codes per tone (ASCII only with an `ascii` theme). */
export function paintLine(line: Line, width: number, theme: Theme, isSelected = false): string {
	let out = '';
	const isAscii = theme.charset === 'ascii';
	for (const s of fitLine(line, width)) out += theme.paint(s.tone ?? 'normal', isAscii ? toAscii(s.text) : s.text);
	return isSelected ? theme.select(out) : out;
}

/** Shorthand for a segment. */
export function seg(text: string, tone?: Tone): Segment {
	return tone ? {text, tone} : {text};
}

/** A section rule with a title: `Load ─────────`. */
export function titleLine(title: string, width: number, extra: Line = []): Line {
	const head: Line = [seg(title, 'title'), ...(extra.length > 0 ? [seg(' '), ...extra] : [])];
	const used = lineText(head).length + 1;
	return [...head, seg(' '), seg('─'.repeat(Math.max(0, width - used)), 'dim')];
}
