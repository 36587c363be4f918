/**
 * Where Ink's frames go in the live dashboard: Ink renders the component tree into this stream
 * (in `debug` mode, so it hands over each whole frame once, unthrottled, and does none of its
 * own cursor work), and each frame is put on the terminal by the one painter
 * (../ui/screen/paint-screen.ts): only the cells that changed, with absolute cursor positions,
 * inside a synchronized update (DEC 2026), in the alternate screen. What reaches the terminal
 * is exactly what Ink rendered from the tree.
 *
 * Why not Ink's own terminal writer, measured in Ink 6.8: `incrementalRendering` put every
 * update one row too low when the frame was shorter than the terminal (ghost rows, seen in
 * tmux); the default writer erases and rewrites every line of every frame, and clears the whole
 * screen (and scrollback) when the frame is as tall as the terminal; and with `CI` set in the
 * environment it writes no frames at all until exit. Debug mode skips all three.
 */
import {EventEmitter} from 'node:events';
import {paintFrame} from '../ui/screen/paint-screen.js';
import {textWidth} from '../ui/text-width.js';

/** Begin / end synchronized update (DEC 2026): supporting terminals paint the frame at once. */
export const beginSync = '\u001B[?2026h';
export const endSync = '\u001B[?2026l';

/** The terminal's size, as the real stdout tells it. */
export type ScreenSize = {readonly columns: number; readonly rows: number};

const ansi = /\u001B\[[0-9;?]*[A-Za-z]/g;
const onlyControls = /^(?:\u001B\[[0-9;?]*[A-Za-z])+$/;

/**
 * The stdout Ink is given: it reports the real terminal's size, emits `resize` when told to, and
 * paints every frame Ink writes. After a resize the screen is cleared and painted whole until a
 * frame that fits the new size is on it (Ink renders once at the old layout first).
 */
export class InkScreen extends EventEmitter {
	readonly isTTY = true;
	/** Frames painted (tests and the benchmark count them). */
	framesPainted = 0;
	private previous: readonly string[] | undefined;
	private isClosed = false;

	constructor(private readonly output: (chunk: string) => void, private readonly size: () => ScreenSize) {
		super();
	}

	get columns(): number {
		return this.size().columns;
	}

	get rows(): number {
		return this.size().rows;
	}

	/** One frame of Ink's (the whole output, rows joined by `\n`). */
	write(chunk: unknown): boolean {
		const text = String(chunk);
		// Not a frame: Ink's own cursor sequences (it shows the cursor on unmount), and the bare
		// newline it writes on unmount when `CI` is set (its last output, empty in debug mode).
		// The cursor is the runner's business, and painting either as a frame would blank the
		// screen, and the recording's last frame with it.
		if (this.isClosed || text.trim() === '' || onlyControls.test(text)) return true;
		this.paint(text.split('\n'));
		return true;
	}

	/** Paint `lines` (one per screen row, from the top). */
	paint(lines: readonly string[]): void {
		if (this.isClosed) return;
		const bytes = paintFrame(this.previous, lines);
		if (this.previous === undefined) {
			// Painted whole: keep doing so until a frame fits the terminal (after a resize).
			const {columns, rows} = this.size();
			const fits = lines.length <= rows && lines.every(line => textWidth(line.replace(ansi, '')) <= columns);
			this.previous = fits ? lines : undefined;
		} else {
			this.previous = lines;
		}

		if (bytes !== '') {
			this.framesPainted++;
			this.output(beginSync + bytes + endSync);
		}
	}

	/** The terminal changed size: the next frame is painted whole, and Ink is told. */
	resized(): void {
		this.previous = undefined;
		this.emit('resize');
	}

	/** Nothing more reaches the terminal (Ink's last render on unmount included). */
	close(): void {
		this.isClosed = true;
	}
}
