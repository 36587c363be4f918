/**
 * Lines of segments → painted strings of an exact width. The one place where text is cut to
 * its box, by display width (./text-width.ts), so no row ever wraps (a wrapped row would make
 * the frame taller than planned).
 */
import {textWidth, sliceToWidth} from './text-width.js';
import {toAscii, type Line, type Segment, type Theme, type Tone} from './theme.js';

/** Plain text of a line (no escape codes). */
export function lineText(line: Line): string {
	let text = '';
	for (const s of line) text += s.text;
	return text;
}

/** Display width of a line. */
export function lineWidth(line: Line): number {
	let width = 0;
	for (const s of line) width += textWidth(s.text);
	return width;
}

/** Is `text` only spaces (or empty)? */
function isBlank(text: string): boolean {
	return /^ *$/.test(text);
}

/**
 * The segments cut to `width` columns and padded with spaces to exactly `width`. A line whose
 * text does not fit ends in `…` in its last column (in the tone of the text cut), so a cut is
 * never silent; spaces past the edge are dropped without one. Widths by string-width
 * (./text-width.ts): a wide character that would straddle the edge is left out.
 */
export function fitLine(line: Line, width: number): Line {
	if (width <= 0) return [];
	const out: Segment[] = [];
	let used = 0;
	for (const [index, s] of line.entries()) {
		const cut = sliceToWidth(s.text, width - used);
		if (cut.text === s.text) {
			if (s.text !== '') out.push(s);
			used += cut.width;
			continue;
		}

		if (isBlank(s.text.slice(cut.text.length)) && line.slice(index + 1).every(rest => isBlank(rest.text))) {
			if (cut.text !== '') out.push({...s, text: cut.text});
			used += cut.width;
			break;
		}

		return cutWithEllipsis(line, width);
	}

	if (used < width) out.push({text: ' '.repeat(width - used)});
	return out;
}

/** `line` (known not to fit) cut to `width − 1` columns, then `…`, padded to exactly `width`. */
function cutWithEllipsis(line: Line, width: number): Line {
	const out: Segment[] = [];
	let used = 0;
	for (const s of line) {
		const cut = sliceToWidth(s.text, width - 1 - used);
		if (cut.text === s.text) {
			if (s.text !== '') out.push(s);
			used += cut.width;
			continue;
		}

		if (cut.text !== '') out.push({...s, text: cut.text});
		used += cut.width;
		out.push({text: '…', tone: s.tone});
		used++;
		break;
	}

	if (used < width) out.push({text: ' '.repeat(width - used)});
	return out;
}

/**
 * One line painted for the terminal: exactly `width` columns, escape codes per tone (ASCII only
 * with an `ascii` theme). A selected line is in reverse video, except its gauges.
 */
export function paintLine(line: Line, width: number, theme: Theme, isSelected = false): string {
	let out = '';
	const isAscii = theme.charset === 'ascii';
	let run = '';
	for (const s of fitLine(line, width)) {
		const painted = theme.paint(s.tone ?? 'normal', isAscii ? toAscii(s.text) : s.text);
		if (isSelected && s.isGauge) {
			out += (run === '' ? '' : theme.select(run)) + painted;
			run = '';
		} else if (isSelected) {
			run += painted;
		} else {
			out += painted;
		}
	}

	return run === '' ? out : out + theme.select(run);
}

/** Shorthand for a segment. */
export function seg(text: string, tone?: Tone): Segment {
	return tone ? {text, tone} : {text};
}

/** A section rule with a title: `Load ─────────`; `isFocused` marks the panel the keys act on. */
export function titleLine(title: string, width: number, extra: Line = [], isFocused = false): Line {
	const head: Line = [seg(isFocused ? `▸${title}` : title, isFocused ? 'accent' : 'title'), ...(extra.length > 0 ? [seg(' '), ...extra] : [])];
	const used = lineWidth(head) + 1;
	return [...head, seg(' '), seg('─'.repeat(Math.max(0, width - used)), 'dim')];
}
