/**
 * Puts frames on the terminal: draws each frame (lines from composeFrame) in the alternate
 * screen with absolute cursor positions, rewriting only the lines that changed, wrapped in a
 * synchronized update.
 *
 * Why not Ink's own log-update: in Ink 6.8 `incrementalRendering` puts every update one row
 * too low when the frame is shorter than the terminal (ghost rows, seen in tmux), the default
 * mode rewrites every line of every frame, and with `CI` set in the environment Ink writes no
 * frames at all. Absolute positions also make resizes clean: after a resize the screen is
 * cleared and redrawn until a frame that fits the new size is on it.
 */

/** Begin / end synchronized update (DEC 2026): supporting terminals paint the frame at once. */
export const beginSync = '\u001B[?2026h';
export const endSync = '\u001B[?2026l';

const ansiPattern = /\u001B\[[0-9;?]*[A-Za-z]/g;

/** Columns a line occupies (escape codes removed; every glyph we draw is one column). */
export function visibleWidth(line: string): number {
	return line.replace(ansiPattern, '').length;
}

/**
 * The bytes that turn screen `previous` into `next` (arrays of lines, row 1 first). Without a
 * previous screen, clears and draws everything. Returns '' when nothing changed.
 */
export function diffScreen(previous: readonly string[] | undefined, next: readonly string[]): string {
	let out = '';
	if (previous === undefined) {
		out = '\u001B[H\u001B[2J';
		for (let i = 0; i < next.length; i++) if (next[i] !== '') out += `\u001B[${i + 1};1H${next[i]}`;
	} else {
		const rows = Math.max(previous.length, next.length);
		for (let i = 0; i < rows; i++) {
			if (previous[i] === next[i]) continue;
			out += `\u001B[${i + 1};1H${next[i] ?? ''}\u001B[K`;
		}
	}
	return out === '' ? '' : beginSync + out + '\u001B[0m' + endSync;
}

export type ScreenWriter = {
	/** Draw a frame. */
	readonly frame: (lines: readonly string[]) => void;
	/** The terminal changed size: redraw in full until a frame fits it. */
	readonly invalidate: () => void;
};

/** A writer that sends its bytes to `write` for a terminal whose size `size()` tells. */
export function createScreenWriter(write: (chunk: string) => void, size: () => {readonly columns: number; readonly rows: number}): ScreenWriter {
	let previous: readonly string[] | undefined;
	let isDirty = true;
	return {
		frame(lines) {
			const chunk = diffScreen(isDirty ? undefined : previous, lines);
			if (isDirty) {
				const {columns, rows} = size();
				isDirty = lines.length > rows || lines.some((line) => visibleWidth(line) > columns);
			}
			previous = lines;
			if (chunk !== '') write(chunk);
		},
		invalidate() {
			isDirty = true;
		},
	};
}
