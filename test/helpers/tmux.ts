/**
 * tmux for the end-to-end tests: every session runs in a tmux server of its own (`-L`, a fresh
 * socket per `newSession`). With one shared server, killing its last session makes the server
 * exit, and a `new-session` issued meanwhile (the next test, another test file, an engineer's
 * own tmux) fails with "server exited unexpectedly".
 */
import {execFileSync, spawnSync} from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;

export type TmuxServer = {
	/** Ends the previous server, if any, and starts `command` (sh -c) in a new one, detached, at columns × rows. */
	readonly newSession: (session: string, columns: number, rows: number, command: string) => void;
	/** A tmux command on the current server; throws when it fails. */
	readonly tmux: (...args: string[]) => string;
	/** A tmux command on the current server; its stdout, '' when it fails. */
	readonly quiet: (...args: string[]) => string;
	/** Ends the current server and everything running in it. */
	readonly killServer: () => void;
};

/** Servers named `scaletop-NAME-PID-N`. */
export function tmuxServers(name: string): TmuxServer {
	let socket = '';
	let count = 0;
	const killServer = () => {
		if (socket !== '') spawnSync('tmux', ['-L', socket, 'kill-server']);
	};

	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	return {
		newSession(session, columns, rows, command) {
			killServer();
			socket = `scaletop-${name}-${process.pid}-${count++}`;
			tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), 'sh', '-c', command);
		},
		tmux,
		quiet: (...args) => spawnSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'}).stdout ?? '',
		killServer,
	};
}

/** Reads `screen()` every `intervalMs` until `predicate` holds and returns that screen; after `timeoutMs`, fails with the last screen. */
export async function pollScreen(screen: () => string, predicate: (text: string) => boolean, what: string, timeoutMs: number, intervalMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let text = '';
	while (Date.now() < deadline) {
		text = screen();
		if (predicate(text)) return text;
		await new Promise(resolve => {
			setTimeout(resolve, intervalMs);
		});
	}

	throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
}
