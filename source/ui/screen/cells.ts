/**
 * Pure: a line of text with SGR escape codes as terminal cells (one character and its style per
 * column), so a repaint can rewrite only the columns that changed, and the style to draw them
 * with. Styles are canonical: two ways of writing the same colours give the same style.
 *
 * Only SGR (`CSI … m`) is understood. A line with any other escape sequence, or with an SGR
 * parameter not listed here, is not parsed (`undefined`) and is repainted whole instead.
 */
import {textWidth} from '../text-width.js';

/**
 * A line as cells: `chars[i]` is shown in column i with style `styles[i]`. A wide character (CJK,
 * emoji: two columns by string-width) takes its column and the next, which holds '' (as in
 * Ink's own output grid); a combining mark joins the character before it.
 */
export type Cells = {readonly chars: readonly string[]; readonly styles: readonly string[]};

type Style = {
	fg: string;
	bg: string;
	flags: number;
};

/** Flag bits by the SGR parameter that sets them, and the parameter that clears them. */
const flagOf: Readonly<Record<number, number>> = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16, 7: 32, 8: 64, 9: 128};
const clearOf: Readonly<Record<number, number>> = {22: 1 | 2, 23: 4, 24: 8, 25: 16, 27: 32, 28: 64, 29: 128};
const flagParameters = [1, 2, 3, 4, 5, 7, 8, 9];

/** The SGR sequence that sets `style` from any state (starting with a reset). */
export function styleCode(style: string): string {
	return style === '' ? '\u001B[0m' : `\u001B[0;${style}m`;
}

/** Canonical text of a style: the parameters that set it after a reset ('' = default). */
function canonical({fg, bg, flags}: Style): string {
	const parts: string[] = [];
	for (const parameter of flagParameters) if (flags & flagOf[parameter]) parts.push(String(parameter));
	if (fg) parts.push(fg);
	if (bg) parts.push(bg);
	return parts.join(';');
}

/** Apply one SGR parameter list to `style`; false when a parameter is not understood. */
function applySgr(style: Style, parameterText: string): boolean {
	const parameters = parameterText === '' ? [0] : parameterText.split(';').map(Number);
	for (let index = 0; index < parameters.length; index++) {
		const parameter = parameters[index];
		if (parameter === 0) Object.assign(style, {fg: '', bg: '', flags: 0});
		else if (flagOf[parameter]) style.flags |= flagOf[parameter];
		else if (clearOf[parameter]) style.flags &= ~clearOf[parameter];
		else if ((parameter >= 30 && parameter <= 37) || (parameter >= 90 && parameter <= 97)) style.fg = String(parameter);
		else if ((parameter >= 40 && parameter <= 47) || (parameter >= 100 && parameter <= 107)) style.bg = String(parameter);
		else if (parameter === 39) style.fg = '';
		else if (parameter === 49) style.bg = '';
		else if (parameter === 38 || parameter === 48) {
			const length = parameters[index + 1] === 5 ? 3 : parameters[index + 1] === 2 ? 5 : 0;
			if (length === 0 || index + length > parameters.length) return false;
			const code = parameters.slice(index, index + length).join(';');
			if (parameter === 38) style.fg = code;
			else style.bg = code;
			index += length - 1;
		} else return false;
	}

	return true;
}

const sgrAtStart = /^\u001B\[([\d;]*)m/;

/** The cells of a line, or undefined when it holds escape codes other than known SGR. */
export function parseCells(line: string): Cells | undefined {
	const chars: string[] = [];
	const styles: string[] = [];
	const style: Style = {fg: '', bg: '', flags: 0};
	let current = '';
	let index = 0;
	while (index < line.length) {
		if (line.charCodeAt(index) === 0x1B) {
			const match = sgrAtStart.exec(line.slice(index, index + 40));
			if (!match || !applySgr(style, match[1])) return undefined;
			current = canonical(style);
			index += match[0].length;
			continue;
		}

		const character = String.fromCodePoint(line.codePointAt(index)!);
		if (character < ' ' || character === '\u007F') return undefined;
		index += character.length;
		const width = character.charCodeAt(0) < 0x7F ? 1 : textWidth(character);
		if (width === 0 && chars.length > 0) {
			chars[chars.length - 1] += character;
			continue;
		}

		chars.push(character);
		styles.push(current);
		if (width === 2) {
			chars.push('');
			styles.push(current);
		}
	}

	return {chars, styles};
}

/** Cells `from` up to (not including) `to`, with a style code wherever the style changes (`from` must not be the second column of a wide character). */
export function drawCells(cells: Cells, from: number, to: number): string {
	let out = '';
	let style: string | undefined;
	for (let index = from; index < to; index++) {
		if (cells.styles[index] !== style) {
			style = cells.styles[index];
			out += styleCode(style);
		}

		out += cells.chars[index];
	}

	return out;
}

/** The first and last column (inclusive) where two lines differ, or undefined when they are equal. */
export function changedSpan(before: Cells, after: Cells): {readonly first: number; readonly last: number} | undefined {
	const width = Math.max(before.chars.length, after.chars.length);
	const same = (column: number) => before.chars[column] === after.chars[column] && before.styles[column] === after.styles[column];
	let first = 0;
	while (first < width && same(first)) first++;
	if (first === width) return undefined;
	let last = width - 1;
	while (last > first && same(last)) last--;
	// A change never starts or ends inside a wide character: it is redrawn whole.
	if (first > 0 && (after.chars[first] === '' || before.chars[first] === '')) first--;
	if (after.chars[last + 1] === '' || before.chars[last + 1] === '') last++;
	return {first, last};
}
