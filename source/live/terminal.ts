/**
 * Terminal plumbing for the live dashboard: alternate screen and cursor sequences, the
 * no-terminal message.
 */
import {closeSync} from 'node:fs';

/** Switch to the alternate screen (saving the user's), clear it, hide the cursor. */
export const enterAlternateScreen = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';

/**
 * Reset attributes, clear the alternate screen, show the cursor and return to the user's screen
 * as it was. The clear matters under tmux 3.3: after the pane was widened during the run (a
 * zoom, a bigger window), leaving a full alternate screen sometimes left its top lines on the
 * user's screen (6 of 10 runs from 80×24 to 120×40; 0 of 10 with the clear).
 */
export const leaveAlternateScreen = '\u001B[0m\u001B[H\u001B[2J\u001B[?25h\u001B[?1049l';

/** Message when there is no terminal (exit code 2). */
export const noTerminalMessage = 'scaletop: the live dashboard needs a terminal (stdin and stdout must be TTYs); use --headless to run a preset without one.\n';

/**
 * Let go of a terminal that went away (the pty closed under us). Node restores each stdio
 * terminal's settings as the process exits (`node::ResetStdio`), and when that `tcsetattr`
 * fails with EIO it dies on a native assertion with a native stack trace, whatever the exit
 * code. It skips a descriptor that is closed, so the descriptors that were the terminal are
 * closed here, after every file of the run is complete and before the process exits.
 * `terminalFds`: the stdio descriptors that were terminals when the run began (a hung-up
 * terminal no longer answers `isatty`).
 */
export function releaseVanishedTerminal(terminalFds: readonly number[]): void {
	for (const fd of terminalFds) {
		try {
			closeSync(fd);
		} catch {
			// Already closed: nothing to release.
		}
	}
}
