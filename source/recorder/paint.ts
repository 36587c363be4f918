/**
 * Pure: turns successive frames (what `renderFrame` returns) into the bytes that paint them on
 * a terminal of a fixed size, so that after each event the screen holds exactly that frame.
 *
 * Every line is placed with an absolute cursor move (`CSI row;1 H`) and never followed by a
 * newline, so nothing scrolls and a full-width line cannot wrap into the next one. The first
 * frame clears the screen and hides the cursor; later frames rewrite only the lines that
 * changed (erasing each first), which keeps casts small: a dashboard whose clock and a few
 * numbers change redraws a handful of lines per frame, not the whole screen.
 */

const esc = '\u001B[';
/** Reset attributes, home, clear the screen and hide the cursor. */
const firstFrame = `${esc}0m${esc}H${esc}2J${esc}?25l`;

/** An escape sequence at the start of a string: CSI (colours, cursor) or a two-byte ESC x. */
const escapeAtStart = /^\u001B(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/;

/**
 * A line cut to `columns` visible characters (escape sequences kept, every code point counted
 * as one column, as the dashboard draws). A line wider than the terminal would wrap, and on the
 * last row scroll the whole screen.
 */
export function clipLine(line: string, columns: number): string {
	if (line.length <= columns) return line;
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
		if (width < columns) out += character;
		width++;
	}

	return out;
}

/** The lines a frame shows: split on newlines, at most `rows` of them, each at most `columns` wide. */
export function frameLines(frame: string, rows: number, columns = Number.POSITIVE_INFINITY): string[] {
	const lines = frame.split(/\r?\n/);
	if (lines.length > 1 && lines.at(-1) === '') lines.pop();
	return lines.slice(0, rows).map(line => clipLine(line, columns));
}

/** Move to the start of screen row `index` (0-based). */
function moveTo(index: number): string {
	return `${esc}${index + 1};1H`;
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
		if (line === (previous[index] ?? '')) continue;
		out += `${moveTo(index)}${esc}0m${esc}2K${line}`;
	}

	return out === '' ? '' : out + `${esc}0m`;
}

/**
 * The last event of a recording: put the cursor below the frame and show it again, so a
 * player that hands the terminal back leaves the prompt under the picture. Changes no cell.
 */
export function finishPainting(lineCount: number, rows: number): string {
	return `${moveTo(Math.min(lineCount, rows - 1))}${esc}?25h`;
}
