/**
 * Display width of text in terminal columns, by `string-width` (the library Ink itself measures
 * with, so our columns and Ink's agree): a CJK character or an emoji takes two columns, a
 * combining mark none. Plain ASCII, and text made of characters that each stand alone (the
 * dashboard's own glyphs), take a fast path whose result equals string-width's (a property
 * test holds them equal); anything with marks, joiners, variation selectors or characters
 * outside the Basic Multilingual Plane goes to string-width whole.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

const printableAscii = /^[\u0020-\u007E]*$/;
/** Code units that may join with a neighbour into one grapheme, or are not characters of their own. */
const joining = /[\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0900-\u0DFF\u0E31-\u0E4E\u0EB1-\u0ECE\u0F18-\u0FC6\u1000-\u109F\u1100-\u11FF\u135D-\u135F\u1712-\u1734\u17B4-\u17D3\u180B-\u180F\u1A00-\u1AFF\u1B00-\u1BFF\u1DC0-\u1DFF\u200B-\u200F\u2028-\u202E\u2060-\u206F\u20D0-\u20FF\u2CEF-\u2CF1\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\uA66F-\uA69F\uA8E0-\uA8F1\uA960-\uA97F\uAC00-\uD7FF\uD800-\uDFFF\uFE00-\uFE0F\uFE20-\uFE2F\uFEFF\uFFF9-\uFFFB]/;

const charWidths = new Map<string, number>();

function charWidth(char: string): number {
	let width = charWidths.get(char);
	if (width === undefined) {
		width = stringWidth(char);
		charWidths.set(char, width);
	}

	return width;
}

/** Columns `text` takes on a terminal (no escape codes expected). */
export function textWidth(text: string): number {
	if (printableAscii.test(text)) return text.length;
	if (joining.test(text)) return stringWidth(text);
	let width = 0;
	for (let i = 0; i < text.length; i++) width += charWidth(text[i]);
	return width;
}

const segmenter = new Intl.Segmenter();

/** The graphemes of `text` (what a terminal draws as one character), each with its width. */
function graphemes(text: string): Array<{readonly text: string; readonly width: number}> {
	if (!joining.test(text)) return [...text].map(char => ({text: char, width: charWidth(char)}));
	return [...segmenter.segment(text)].map(({segment}) => ({text: segment, width: stringWidth(segment)}));
}

/**
 * The longest start of `text` that fits `width` columns, and its width. A wide character that
 * would straddle the edge is left out (the caller pads the column it leaves).
 */
export function sliceToWidth(text: string, width: number): {readonly text: string; readonly width: number} {
	if (width <= 0) return {text: '', width: 0};
	if (printableAscii.test(text)) return text.length <= width ? {text, width: text.length} : {text: text.slice(0, width), width};
	let out = '';
	let used = 0;
	for (const g of graphemes(text)) {
		if (used + g.width > width) break;
		out += g.text;
		used += g.width;
	}

	return {text: out, width: used};
}

/** `text` cut to `width` columns with `…` marking the cut, or as it is when it fits. */
export function truncateToWidth(text: string, width: number): string {
	if (textWidth(text) <= width) return text;
	if (width <= 1) return sliceToWidth(text, width).text;
	return `${sliceToWidth(text, width - 1).text}…`;
}

/** `text` cut or right-padded with spaces to exactly `width` columns (an ellipsis marks a cut). */
export function padToWidth(text: string, width: number): string {
	if (width <= 0) return '';
	const cut = truncateToWidth(text, width);
	const used = textWidth(cut);
	return used < width ? cut + ' '.repeat(width - used) : cut;
}

/** `text` left-padded to `width` columns (numbers), cut like `padToWidth` when too long. */
export function padStartToWidth(text: string, width: number): string {
	const used = textWidth(text);
	return used >= width ? padToWidth(text, width) : ' '.repeat(width - used) + text;
}

/** Wrapped texts by width and text: the log's entries and the caption are wrapped again for every frame. */
const wrapped = new Map<string, readonly string[]>();
/** Entries kept before the cache starts afresh (a day's log at several widths fits many times). */
const wrappedLimit = 4096;

/**
 * `text` wrapped at word boundaries into lines of at most `width` columns (a word longer than
 * a line is broken), by `wrap-ansi` — the wrapper Ink itself uses, measuring with string-width.
 * Remembered: wrap-ansi takes a fraction of a millisecond per entry, which for every entry of
 * the log in every frame was most of a recording's time.
 */
export function wrapToWidth(text: string, width: number): readonly string[] {
	if (width <= 0) return [];
	if (textWidth(text) <= width) return [text];
	const key = `${width} ${text}`;
	let lines = wrapped.get(key);
	if (lines === undefined) {
		if (wrapped.size >= wrappedLimit) wrapped.clear();
		lines = wrapAnsi(text, width, {hard: true, trim: true}).split('\n');
		wrapped.set(key, lines);
	}

	return lines;
}
