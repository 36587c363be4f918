/**
 * The one painter of scaletop's screens, live and recorded. Pure: turns successive frames
 * (the lines Ink rendered from the component tree, live; the lines of `renderFrame`, in a
 * headless recording) into the bytes that paint them on a terminal of a fixed size, so that
 * after each event the screen holds exactly that frame.
 *
 * Every line is placed with an absolute cursor move (`CSI row;1 H`) and never followed by a
 * newline, so nothing scrolls and a full-width line cannot wrap into the next one. The first
 * frame clears the screen and hides the cursor; later frames rewrite only the cells that
 * changed in each changed line (from the first changed column to the last, with its colours),
 * which keeps casts small: a dashboard whose clock and a few numbers change rewrites a few
 * dozen characters per frame, not the whole screen.
 */
import {textWidth} from '../text-width.js';
import {changedSpan, drawCells, parseCells} from './cells.js';

const esc = '\u001B[';
/** Reset attributes, home, clear the screen and hide the cursor. */
const firstFrame = `${esc}0m${esc}H${esc}2J${esc}?25l`;

/** An escape sequence at the start of a string: CSI (colours, cursor) or a two-byte ESC x. */
const escapeAtStart = /^\u001B(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/;

/**
 * A line cut to `columns` columns (escape sequences kept, each character as wide as string-width
 * says). A line wider than the terminal would wrap, and on the last row scroll the whole screen.
 */
export function clipLine(line: string, columns: number): string {
	if (line.length <= columns && !/[^\u0000-\u00FF]/.test(line)) return line;
	let out = '';
	let width = 0;
	let index = 0;
	while (index < line.length) {
		const escape = line.charCodeAt(index) === 0x1B ? escapeAtStart.exec(line.slice(index, index + 64)) : null;
		if (escape) {
			out += escape[0];
			index += escape[0].length;
			continue;
		}

		const character = String.fromCodePoint(line.codePointAt(index)!);
		index += character.length;
		const size = character.charCodeAt(0) < 0x7F ? 1 : textWidth(character);
		if (width + size <= columns) out += character;
		width += size;
	}

	return out;
}

/** The lines a frame shows: split on newlines, at most `rows` of them, each at most `columns` wide. */
export function frameLines(frame: string, rows: number, columns = Number.POSITIVE_INFINITY): string[] {
	const lines = frame.split(/\r?\n/);
	if (lines.length > 1 && lines.at(-1) === '') lines.pop();
	return lines.slice(0, rows).map(line => clipLine(line, columns));
}

/** Move to screen row `index`, column `column` (both 0-based). */
function moveTo(index: number, column = 0): string {
	return `${esc}${index + 1};${column + 1}H`;
}

/**
 * The bytes that turn a screen showing `previous` (undefined: an unknown screen) into one
 * showing `next`. Returns '' when nothing changed (the caller skips the frame).
 */
export function paintFrame(previous: readonly string[] | undefined, next: readonly string[]): string {
	if (previous === undefined) {
		let out = firstFrame;
		for (const [index, line] of next.entries()) {
			if (line !== '') out += moveTo(index) + line;
		}

		return out + `${esc}0m`;
	}

	let out = '';
	const height = Math.max(previous.length, next.length);
	for (let index = 0; index < height; index++) {
		const line = next[index] ?? '';
		const before = previous[index] ?? '';
		if (line !== before) out += repaintLine(index, before, line);
	}

	return out === '' ? '' : out + `${esc}0m`;
}

/**
 * Rewrite row `index` from `before` to `after`: only the columns that changed when both lines
 * are plain text with SGR colours (./cells.ts), else the whole line after erasing it.
 */
function repaintLine(index: number, before: string, after: string): string {
	const old = parseCells(before);
	const cells = old && parseCells(after);
	if (!old || !cells) return `${moveTo(index)}${esc}0m${esc}2K${after}`;
	const span = changedSpan(old, cells);
	if (!span) return '';
	const end = Math.min(span.last + 1, cells.chars.length);
	const erase = span.last >= cells.chars.length ? `${esc}0m${esc}K` : '';
	return moveTo(index, span.first) + drawCells(cells, span.first, end) + erase;
}

/**
 * The last event of a recording: put the cursor below the frame and show it again, so a
 * player that hands the terminal back leaves the prompt under the picture. Changes no cell.
 */
export function finishPainting(lineCount: number, rows: number): string {
	return `${moveTo(Math.min(lineCount, rows - 1))}${esc}?25h`;
}
