/**
 * `scaletop PRESET --record FILE.cast` (live): a tap on what the live dashboard writes to the
 * terminal. Every chunk becomes an `o` event at wall-clock time since the tap opened (this is an
 * edge: it reads the clock) with newlines as the terminal gets them (`\r\n`), markers become
 * `m` events, resizes `r` events (`"COLSxROWS"`). Each
 * line is written whole as it happens, so quitting, Ctrl-C, SIGTERM or a crash leaves a valid
 * cast; the file is also closed when the process exits, whatever the path.
 */
import {performance} from 'node:perf_hooks';
import type {CastFormat} from './cast-writer.js';
import {outputProblem} from '../files/output-file.js';
import {openCastFile, type CastOpenFailure} from './cast-file.js';
import type {LiveOutputTap} from './types.js';

/**
 * Options of `openLiveTap`. The CLI maps `--record FILE` → path, `--force` → force,
 * `--cast-format` → castFormat; columns/rows are the terminal's size when recording starts.
 */
export type LiveTapOptions = {
	/** The cast file to create. */
	readonly path: string;
	/** The flag that named it, as typed, for messages. Default `--record`. */
	readonly flag?: string;
	/** Terminal size when recording starts (later changes are `resize` events). */
	readonly columns: number;
	readonly rows: number;
	/** Overwrite an existing file. Default false. */
	readonly force?: boolean;
	/** Header title: the preset's title. */
	readonly title: string;
	/** The run's seed, kept in the header's `scaletop` field. */
	readonly seed: number;
	/** Header command: how to reproduce the run, e.g. `scaletop flash-sale --seed 7`. */
	readonly command: string;
	/** Preset name, kept in the header's `scaletop` field. */
	readonly preset?: string;
	/** Default `v2`. */
	readonly castFormat?: CastFormat;
	/** Header `idle_time_limit`, seconds. Default 2. */
	readonly idleTimeLimitSeconds?: number;
	/** Header `timestamp` (Unix seconds). Default none, as in headless recordings. */
	readonly timestamp?: number;
	/** Clock in milliseconds; default `performance.now`. Injectable for tests. */
	readonly nowMs?: () => number;
	/** Environment to take TERM and SHELL from; default `process.env`. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Told once if writing fails later (disk full…); the tap then stops recording. */
	readonly onError?: (message: string) => void;
};

/**
 * What the terminal receives for a chunk the program wrote: the tty turns every `\n` into
 * `\r\n` (ONLCR), and a cast must hold what the terminal received, or players that emulate a
 * terminal (the web player, agg) would draw a staircase.
 */
export function terminalNewlines(chunk: string): string {
	return chunk.replaceAll(/\r?\n/g, '\r\n');
}

/** Open the cast file and return the tap, or the sentence saying why it cannot be written. */
export function openLiveTap(options: LiveTapOptions): {readonly ok: true; readonly tap: LiveOutputTap} | CastOpenFailure {
	const source = options.env ?? process.env;
	const env: Record<string, string> = {};
	if (source['TERM']) env['TERM'] = source['TERM'];
	if (source['SHELL']) env['SHELL'] = source['SHELL'];
	const opened = openCastFile({
		path: options.path,
		flag: options.flag,
		force: options.force,
		format: options.castFormat,
		header: {
			columns: options.columns,
			rows: options.rows,
			title: options.title,
			command: options.command,
			idleTimeLimitSeconds: options.idleTimeLimitSeconds ?? 2,
			env,
			timestamp: options.timestamp,
			scaletop: {...(options.preset === undefined ? {} : {preset: options.preset}), seed: options.seed},
		},
	});
	if (!opened.ok) return opened;
	const {file} = opened;
	const nowMs = options.nowMs ?? (() => performance.now());
	const startMs = nowMs();
	let isClosed = false;
	const close = () => {
		if (isClosed) return;
		isClosed = true;
		process.off('exit', close);
		file.close();
	};

	process.on('exit', close);
	let frames = 0;
	let lastSeconds = 0;
	let failure: string | undefined;
	const write = (code: 'o' | 'm' | 'r', data: string) => {
		if (isClosed) return;
		try {
			const timeSeconds = (nowMs() - startMs) / 1000;
			file.write({timeSeconds, code, data});
			lastSeconds = timeSeconds;
			if (code === 'o') frames++;
		} catch (error) {
			close();
			const reason = error instanceof Error ? error.message : String(error);
			failure = outputProblem(options.flag ?? '--record', options.path, `writing failed after ${lastSeconds.toFixed(1)} s of cast (${reason}); the file holds a valid cast up to then`);
			options.onError?.(failure);
		}
	};

	return {
		ok: true,
		tap: {
			write(chunk) {
				if (chunk !== '') write('o', terminalNewlines(chunk));
			},
			marker(label) {
				write('m', label);
			},
			resize(columns, rows) {
				write('r', `${columns}x${rows}`);
			},
			close,
			report: () => ({message: failure ?? `Recorded ${lastSeconds.toFixed(1)} s of cast (${frames} frames) to ${options.path}.`, isFailed: failure !== undefined}),
		},
	};
}
