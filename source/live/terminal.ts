/**
 * Terminal plumbing for the live dashboard: alternate screen and cursor sequences, the
 * no-terminal message, and the stream Ink renders into.
 */
import {EventEmitter} from 'node:events';

/** Switch to the alternate screen (saving the user's), clear it, hide the cursor. */
export const enterAlternateScreen = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';

/** Reset attributes, show the cursor and return to the user's screen as it was. */
export const leaveAlternateScreen = '\u001B[0m\u001B[?25h\u001B[?1049l';

/** Message when there is no terminal (exit code 2). */
export const noTerminalMessage = 'scaletop: the live dashboard needs a terminal (stdin and stdout must be TTYs); use --headless to run a preset without one.\n';

/**
 * The stdout Ink renders into: it reports the real terminal's size, forwards each frame Ink
 * writes to `onFrame`, and emits `resize` when told to. Ink runs in `debug` mode on it, so
 * every write is one whole frame.
 */
export class FrameStream extends EventEmitter {
	readonly isTTY = true;

	constructor(private readonly terminal: NodeJS.WriteStream, private readonly onFrame: (text: string) => void) {
		super();
	}

	get columns(): number {
		return this.terminal.columns || 80;
	}

	get rows(): number {
		return this.terminal.rows || 24;
	}

	write(chunk: unknown): boolean {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
		if (text !== '') this.onFrame(text);
		return true;
	}
}
