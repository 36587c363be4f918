/**
 * The live runner: `scaletop [PRESET]` on a terminal. Checks for a TTY, switches to the
 * alternate screen, and runs <App> with Ink, which renders the component tree into an
 * {@link InkScreen} (the one painter puts each frame on the terminal). Every way out restores
 * the terminal and says how the run ended:
 *
 * | way out                                   | exit code | after the screen is restored        |
 * | ----------------------------------------- | --------- | ----------------------------------- |
 * | `q`                                       | 0         | the summary of the run so far       |
 * | Ctrl-C (the key) or SIGINT                | 130       | the summary of the run so far       |
 * | SIGTERM (one is enough, orphaned or not)  | 143       | the summary of the run so far       |
 * | SIGHUP, or the terminal vanished (EIO)    | 129       | nothing (there is no terminal)      |
 * | an internal error                         | 1         | one sentence on stderr              |
 *
 * Recording and metrics files are complete on every path (their writers write whole lines and
 * close on exit). React and Ink are loaded on demand, after NODE_ENV defaults to `production`:
 * React's development build is several times slower per frame and slower to load.
 */
import {isatty} from 'node:tty';
import {createInitialState, selectHeader, selectSummary, type SimConfig, type SimState} from '../sim/index.js';
import {composeFrame} from '../ui/compose-frame.js';
import {initialUiState} from '../ui/ui-state.js';
import {toDashboardVm} from '../ui/view-models/to-dashboard.js';
import type {LiveOutputTap} from '../recorder/types.js';
import type {Sampling} from '../ui/hooks/use-simulation.js';
import {isDumbTerminal, makeTheme, type Charset, type Theme, type ThemeMode} from '../ui/theme.js';
import type {ReactElement} from 'react';
import {formatSummary} from '../headless/format-summary.js';
import {InkScreen} from './ink-screen.js';
import {enterAlternateScreen, leaveAlternateScreen, noTerminalMessage, releaseVanishedTerminal} from './terminal.js';

export type LiveOptions = {
	readonly config: SimConfig;
	/** Starting speed, simulated seconds per real second (as given; `[`/`]` then step through 0.25 … 1200). Default 1. */
	readonly speed?: number;
	/** `ascii`: draw without block or box glyphs (`--ascii`). Default unicode. */
	readonly charset?: Charset;
	/** `mono`: no colour (`--no-color`, NO_COLOR, FORCE_COLOR=0, TERM=dumb). Default colour. */
	readonly themeMode?: ThemeMode;
	/** Frames per second of the pacing timer. Default 10. */
	readonly fps?: number;
	/** Receives everything written to the terminal, resizes, markers; closed on every exit. */
	readonly tap?: LiveOutputTap;
	/** Start paused. */
	readonly paused?: boolean;
	/** Called with every new simulation state (e.g. the CLI's NDJSON metrics sampler). */
	readonly onState?: (state: SimState) => void;
	/** Called with the state at every interval boundary the run reaches, however far a frame advances (the CLI's NDJSON metrics sampler). */
	readonly sampling?: Sampling;
	/**
	 * Another view than the dashboard of `config` (the live comparison): its first frame, its
	 * root element, and the text printed once the terminal is restored. The terminal handling
	 * (alternate screen, raw mode, signals, the painter, the recording tap) is the same.
	 */
	readonly view?: LiveView;
};

/** A view run in place of the dashboard (see {@link LiveOptions.view}). */
export type LiveView = {
	readonly firstFrame: (columns: number, rows: number, theme: Theme) => string[];
	readonly element: (props: {readonly theme: Theme; readonly fps: number; readonly onQuit: (code: 0 | 130) => void}) => Promise<ReactElement>;
	/** Printed after the screen is restored (after `q`, Ctrl-C or SIGTERM). */
	readonly after: () => string;
};

/** How a live run ended. */
export type LiveResult = {
	readonly exitCode: number;
	/** The terminal went away (SIGHUP, EIO): nothing more should be written to it. */
	readonly isTerminalGone: boolean;
	/** The last state on screen. */
	readonly state: SimState;
};

/** Is this error the terminal going away (a write or an ioctl on a closed pty)? */
function isGoneError(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'EIO' || code === 'ENXIO' || code === 'EPIPE' || code === 'EBADF';
}

/** Run the live dashboard until the user quits; resolves with how it ended. */
export async function runLive(options: LiveOptions): Promise<LiveResult> {
	const {stdin, stdout, stderr} = process;
	const {tap, config} = options;
	let lastState = createInitialState(config);
	if (!stdin.isTTY || !stdout.isTTY) {
		stderr.write(noTerminalMessage);
		tap?.close();
		return {exitCode: 2, isTerminalGone: false, state: lastState};
	}

	// The stdio descriptors that are the terminal, told now: once it has hung up they no longer say so.
	const terminalFds = [0, 1, 2].filter(fd => isatty(fd));
	// A terminal that cannot move the cursor gets plain lines instead of the dashboard.
	// (The comparison view has no plain form yet: it draws as on any terminal.)
	if (isDumbTerminal(process.env) && !options.view) {
		const {runPlain} = await import('./run-plain.js');
		return runPlain(options);
	}

	const theme = makeTheme(options.themeMode ?? 'color', options.charset);
	const fps = Math.max(1, Math.min(60, options.fps ?? 10));
	let isTerminalGone = false;
	// To the terminal only: the alternate screen on the way in and out, the summary after.
	const write = (chunk: string) => {
		if (isTerminalGone) return;
		try {
			stdout.write(chunk);
		} catch (error) {
			if (!isGoneError(error)) throw error;
			isTerminalGone = true;
		}
	};

	// The frames: to the terminal and to the recording (a cast holds the screens, not the switch to them).
	const writeFrame = (chunk: string) => {
		write(chunk);
		tap?.write(chunk);
	};

	const size = () => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const screen = new InkScreen(writeFrame, size);
	let exitCode = 0;
	let crash: unknown;
	let instance: {readonly unmount: () => void; readonly waitUntilExit: () => Promise<unknown>} | undefined;
	let isStopping = false;
	// Every way out ends here; signals may arrive before Ink is even loaded.
	const stop = (code: number, error?: unknown) => {
		if (isStopping) return;
		if (error !== undefined) crash = error;
		exitCode = code;
		isStopping = true;
		if (instance) instance.unmount();
		else wakeUp();
	};

	let wakeUp = () => {};
	const stopped = new Promise<void>(resolve => {
		wakeUp = resolve;
	});
	const onInterrupt = () => {
		stop(130);
	};

	const onTerminate = () => {
		stop(143);
	};

	const onHangUp = () => {
		isTerminalGone = true;
		stop(129);
	};

	const onCrash = (error: unknown) => {
		if (isGoneError(error)) onHangUp();
		else stop(1, error);
	};

	// Writes to a terminal that went away fail asynchronously, as an 'error' event.
	const onOutputError = (error: unknown) => {
		if (isGoneError(error)) onHangUp();
		else stop(1, error);
	};

	const onResize = () => {
		tap?.resize(stdout.columns, stdout.rows);
		screen.resized();
	};

	process.on('SIGINT', onInterrupt);
	process.on('SIGTERM', onTerminate);
	process.on('SIGHUP', onHangUp);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	// The run's own: the CLI's handler (a closed pipe ends the process at once) must not end a
	// dashboard whose terminal went away before its files are complete and the terminal let go.
	const otherOutputErrorListeners = stdout.listeners('error') as Array<(error: unknown) => void>;
	stdout.removeAllListeners('error');
	stdout.on('error', onOutputError);
	stdin.on('end', onHangUp);
	stdout.on('resize', onResize);
	try {
		write(enterAlternateScreen);
		// Keys typed while React and Ink load are neither echoed nor lost: Ink reads them later.
		stdin.setRawMode(true);
		// The first frame does not wait for React and Ink (a few hundred ms to load): it is the
		// frame plan of the initial state drawn as text, the same cells Ink then renders, so
		// Ink's own first frame changes nothing on screen.
		const ui = initialUiState({speed: options.speed, isPaused: options.paused});
		const {columns, rows} = size();
		screen.paint(options.view ? options.view.firstFrame(columns, rows, theme) : composeFrame(toDashboardVm(lastState, ui), ui, columns, rows, theme));
		process.env['NODE_ENV'] ??= 'production';
		const [React, {render}, {App}] = await Promise.all([import('react'), import('ink'), import('../app.js')]);
		if (!isStopping) {
			const onState = (state: SimState) => {
				lastState = state;
				options.onState?.(state);
			};

			const onQuit = (code: 0 | 130) => {
				exitCode = code;
			};

			const app = options.view ? await options.view.element({theme, fps, onQuit}) : React.createElement(App, {
				config,
				theme,
				speed: options.speed,
				fps,
				isPaused: options.paused,
				onMarker: tap ? (label: string) => tap.marker(label) : undefined,
				onState,
				sampling: options.sampling,
				onQuit,
			});
			// debug: Ink hands each whole frame to the screen at once (see ./ink-screen.ts).
			instance = render(app, {stdout: screen as unknown as NodeJS.WriteStream, stdin, stderr, debug: true, exitOnCtrlC: false, patchConsole: false});
			await Promise.race([instance.waitUntilExit(), stopped]);
		}
	} catch (error) {
		if (isGoneError(error)) {
			isTerminalGone = true;
			exitCode = 129;
		} else {
			crash = error;
			exitCode = 1;
		}
	} finally {
		screen.close();
		process.off('SIGINT', onInterrupt);
		process.off('SIGTERM', onTerminate);
		process.off('SIGHUP', onHangUp);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		stdin.off('end', onHangUp);
		stdout.off('resize', onResize);
		try {
			if (stdin.isRaw) stdin.setRawMode(false);
		} catch {
			// The terminal is gone, or the process group was orphaned (tcsetattr fails with EIO):
			// nothing left to restore.
		}

		write(leaveAlternateScreen);
		// Nothing reads the keyboard after this: an orphaned process group (its tty reads failing) must not be kept alive by it.
		stdin.pause();
		stdin.unref();
		tap?.close();
		// Later write errors (the terminal going away after the run) are not the run's.
		stdout.off('error', onOutputError);
		if (isTerminalGone) {
			stdout.on('error', () => {});
			releaseVanishedTerminal(terminalFds);
		} else {
			for (const listener of otherOutputErrorListeners) stdout.on('error', listener);
		}
	}

	if (crash !== undefined) {
		const message = crash instanceof Error ? crash.message : String(crash);
		stderr.write(`scaletop: the dashboard stopped on an internal error: ${message}\n`);
	} else if (!isTerminalGone && exitCode !== 2 && options.view) {
		write(options.view.after());
	} else if (!isTerminalGone && exitCode !== 2) {
		// As htop users expect nothing and top users a last screen: the numbers of the run so far.
		const isComplete = selectHeader(lastState).simulatedSeconds >= config.durationSeconds;
		write(formatSummary(selectSummary(lastState), {title: config.title, durationSeconds: config.durationSeconds, isComplete}));
	}

	return {exitCode, isTerminalGone, state: lastState};
}
