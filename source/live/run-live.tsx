/**
 * The live runner: `scaletop [PRESET]` on a terminal. Checks for a TTY, switches to the
 * alternate screen, runs <App> with Ink (state, timers, keys) and puts its frames on the
 * terminal with the line-diffing {@link createScreenWriter}; restores the terminal on every
 * way out: `q`, Ctrl-C (a key: Ink's own handler is off), SIGTERM, SIGHUP, and a crash (the
 * error is printed after the screen is restored). Returns the exit code.
 *
 * React and Ink are loaded on demand, after NODE_ENV defaults to `production`: React's
 * development build is several times slower per frame and slower to load.
 */
import {createInitialState, type SimConfig, type SimState} from '../sim/index.js';
import {composeFrame} from '../ui/compose-frame.js';
import {initialUiState} from '../ui/ui-state.js';
import {toDashboardVm} from '../ui/view-models/to-dashboard.js';
import type {LiveOutputTap} from '../recorder/types.js';
import {isColorWanted, makeTheme, type Charset} from '../ui/theme.js';
import {createScreenWriter} from './screen-writer.js';
import {enterAlternateScreen, leaveAlternateScreen, noTerminalMessage, SizeOnlyStream} from './terminal.js';

export type LiveOptions = {
	readonly config: SimConfig;
	/** Starting speed, simulated seconds per real second (as given; `[`/`]` then step through 0.25 … 1200). Default 1. */
	readonly speed?: number;
	/** `ascii`: draw without block or box glyphs (`--ascii`). Default unicode. */
	readonly charset?: Charset;
	/** Frames per second of the pacing timer. Default 10. */
	readonly fps?: number;
	/** Receives everything written to the terminal, resizes, markers; closed on every exit. */
	readonly tap?: LiveOutputTap;
	/** Start paused. */
	readonly paused?: boolean;
	/** Called with every new simulation state (e.g. the CLI's NDJSON metrics sampler). */
	readonly onState?: (state: SimState) => void;
};

const signalCodes = {SIGTERM: 143, SIGHUP: 129} as const;

/** Run the live dashboard until the user quits; resolves with the exit code. */
export async function runLive(options: LiveOptions): Promise<number> {
	const {stdin, stdout, stderr} = process;
	const {tap} = options;
	if (!stdin.isTTY || !stdout.isTTY) {
		stderr.write(noTerminalMessage);
		tap?.close();
		return 2;
	}
	const theme = makeTheme(isColorWanted(process.env) ? 'color' : 'mono', options.charset);
	const fps = Math.max(1, Math.min(60, options.fps ?? 10));
	const out = (chunk: string) => {
		stdout.write(chunk);
		tap?.write(chunk);
	};
	const writer = createScreenWriter(out, () => ({columns: stdout.columns || 80, rows: stdout.rows || 24}));
	const sink = new SizeOnlyStream(stdout);
	stdout.write(enterAlternateScreen);
	let exitCode = 0;
	let crash: unknown;
	let instance: {readonly unmount: () => void; readonly waitUntilExit: () => Promise<unknown>} | undefined;
	let isStopping = false;
	// Every way out ends here; signals may arrive before Ink is even loaded.
	const stop = (code: number, error?: unknown) => {
		if (error !== undefined) crash = error;
		exitCode = code;
		isStopping = true;
		instance?.unmount();
	};
	const onTerm = () => {
		stop(signalCodes.SIGTERM);
	};
	const onHup = () => {
		stop(signalCodes.SIGHUP);
	};
	const onCrash = (error: unknown) => {
		stop(1, error);
	};
	const onResize = () => {
		writer.invalidate();
		tap?.resize(stdout.columns, stdout.rows);
		sink.emit('resize');
	};
	process.on('SIGTERM', onTerm);
	process.on('SIGHUP', onHup);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	stdout.on('resize', onResize);
	try {
		// Keys typed while React and Ink load are neither echoed nor lost: Ink reads them later.
		stdin.setRawMode(true);
		// The first frame does not wait for React and Ink (a few hundred ms to load): it is the
		// same pure composition the app draws at tick 0, so the app's own first frame changes nothing.
		const ui = initialUiState({speed: options.speed, isPaused: options.paused});
		writer.frame(composeFrame(toDashboardVm(createInitialState(options.config), ui), ui, stdout.columns || 80, stdout.rows || 24, theme));
		process.env['NODE_ENV'] ??= 'production';
		const [React, {render}, {App}] = await Promise.all([import('react'), import('ink'), import('../app.js')]);
		const app = React.createElement(App, {
			config: options.config,
			theme,
			speed: options.speed,
			fps,
			isPaused: options.paused,
			onMarker: tap ? (label: string) => tap.marker(label) : undefined,
			onState: options.onState,
			onFrame: writer.frame,
		});
		// debug: Ink writes each (empty) render straight to the sink instead of through its
		// log-update, whose erase-and-rewrite and CI detection we do not want here.
		instance = render(app, {stdout: sink as unknown as NodeJS.WriteStream, stdin, stderr, debug: true, exitOnCtrlC: false, patchConsole: false});
		if (isStopping) instance.unmount();
		await instance.waitUntilExit();
	} catch (error) {
		crash = error;
		exitCode = 1;
	} finally {
		process.off('SIGTERM', onTerm);
		process.off('SIGHUP', onHup);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		stdout.off('resize', onResize);
		try {
			if (stdin.isRaw) stdin.setRawMode(false);
			stdout.write(leaveAlternateScreen);
		} catch {
			// The terminal may be gone (SIGHUP); nothing left to restore.
		}
		tap?.close();
	}
	if (crash !== undefined) {
		const message = crash instanceof Error ? crash.message : String(crash);
		stderr.write(`scaletop: the dashboard stopped on an internal error: ${message}\n`);
	}
	return exitCode;
}
