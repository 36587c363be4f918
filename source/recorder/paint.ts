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

/** The lines a frame shows: split on newlines, at most `rows` of them (extra rows are cut off). */
export function frameLines(frame: string, rows: number): string[] {
	const lines = frame.split(/\r?\n/);
	if (lines.length > 1 && lines.at(-1) === '') lines.pop();
	return lines.slice(0, rows);
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
