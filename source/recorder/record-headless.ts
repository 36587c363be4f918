/**
 * `scaletop PRESET --headless --record FILE.cast`: renders the run from simulated time into an
 * asciicast as fast as the machine can, with no terminal. Same config (preset + seed) and
 * options → a byte-identical file.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops it between two frames; the file then holds a valid cast up to
 * that moment (every line is written whole as soon as it is made) and the result carries exit
 * code 130 / 143 and a sentence for the user.
 */
import type {SimConfig, SimEvent} from '../sim/index.js';
import type {CastFormat, CastHeader} from './cast-writer.js';
import {outputProblem} from '../files/output-file.js';
import {openCastFile, type CastFile} from './cast-file.js';
import type {Charset} from '../ui/theme.js';
import {framePlan, headlessFrames, type FrameRenderer, type HeadlessFrame} from './headless-frames.js';
import {finishPainting} from '../ui/screen/paint-screen.js';
import {castCommand} from './cast-command.js';

/** Defaults of a headless recording (speed: see `defaultSpeed`). */
export const headlessDefaults = {columns: 120, rows: 36, fps: 10, castSeconds: 60, idleTimeLimitSeconds: 2} as const;

/**
 * The default speed: whatever fits the whole run into a one-minute cast (a 30-minute preset →
 * 30×, a 5-minute tour → 5×, a day → 1440×), never slower than real time.
 */
export function defaultSpeed(config: SimConfig): number {
	return Math.max(1, Math.round(config.durationSeconds / headlessDefaults.castSeconds));
}

/** Progress after each frame, for a progress line on stderr. */
export type RecordProgress = {readonly frame: number; readonly totalFrames: number; readonly castSeconds: number; readonly tick: number};

/**
 * Options of `recordHeadless`. The CLI maps its flags onto them:
 * `--record FILE` → path, `--cols` → columns, `--rows` → rows, `--fps` → fps,
 * `--speed` → speed, `--force` → force, `--cast-format v2|v3` → castFormat, `--seed` → config.seed.
 */
export type RecordHeadlessOptions = {
	/** The run (a loaded preset with its seed). */
	readonly config: SimConfig;
	/** The cast file to write. */
	readonly path: string;
	/** The flag that named it, as typed, for messages. Default `--record`. */
	readonly flag?: string;
	/** Terminal width of the cast, columns. Default 120. */
	readonly columns?: number;
	/** Terminal height of the cast, rows. Default 36. */
	readonly rows?: number;
	/** Frames per cast second. Default 10. */
	readonly fps?: number;
	/** Simulated seconds per cast second. Default: the run fits a 60-second cast (`defaultSpeed`). */
	readonly speed?: number;
	/** Overwrite an existing file. Default false. */
	readonly force?: boolean;
	/** Header `command`: how to reproduce the cast. Default: ./cast-command.ts's, from these options. */
	readonly command?: string;
	/** The preset as the user named it, for the header's command (a path for a preset file). Default `config.name`. */
	readonly reference?: string;
	/** The `--set KEY=VALUE` the config was made with, for the header's command. */
	readonly sets?: readonly string[];
	/** Colours in frames (false under NO_COLOR). Default true. */
	readonly isColor?: boolean;
	/** ASCII-only frames (`--ascii`). Default unicode. */
	readonly charset?: Charset;
	/** Default `v2`. */
	readonly castFormat?: CastFormat;
	/** Header `idle_time_limit`, seconds. Default 2. */
	readonly idleTimeLimitSeconds?: number;
	/** Sim event kinds to mark besides timeline entries, e.g. `['alarm']`. Default none. */
	readonly eventMarkerKinds?: readonly SimEvent['kind'][];
	/** Draws one frame; default the dashboard's `renderFrame`. */
	readonly render?: FrameRenderer;
	/** Called after each frame. */
	readonly onProgress?: (progress: RecordProgress) => void;
	/** Stops the recording like SIGINT would (exit code 130). For tests and embedding. */
	readonly signal?: AbortSignal;
	/** Listen to SIGINT/SIGTERM while recording. Default true. */
	readonly isHandlingSignals?: boolean;
};

/** How a recording ended: exitCode 0 done, 2 unusable path or options, 130/143 interrupted, 1 failed. */
export type RecordResult = {
	readonly exitCode: number;
	/** One sentence for stderr (or stdout on success). */
	readonly message?: string;
	/** Frames rendered. */
	readonly frames: number;
	/** Cast time reached, seconds. */
	readonly castSeconds: number;
};

/** The option problems the CLI should report with exit code 2, as a sentence. */
export function checkRecordOptions(options: Pick<RecordHeadlessOptions, 'columns' | 'rows' | 'fps' | 'speed'>): string | undefined {
	const checks: Array<[string, number | undefined, number, number]> = [
		['--cols', options.columns, 20, 1000],
		['--rows', options.rows, 5, 1000],
		['--fps', options.fps, 1, 120],
	];
	for (const [flag, value, min, max] of checks) {
		if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) return `${flag} must be a whole number from ${min} to ${max}, got ${value}.`;
	}

	if (options.speed !== undefined && !(Number.isFinite(options.speed) && options.speed > 0)) return `--speed must be a number above 0, got ${options.speed}.`;
	return undefined;
}

/** Record a run headlessly. Never throws for a user's mistake: see RecordResult. */
export async function recordHeadless(options: RecordHeadlessOptions): Promise<RecordResult> {
	const problem = checkRecordOptions(options);
	if (problem) return {exitCode: 2, message: problem, frames: 0, castSeconds: 0};
	const {config} = options;
	const columns = options.columns ?? headlessDefaults.columns;
	const rows = options.rows ?? headlessDefaults.rows;
	const fps = options.fps ?? headlessDefaults.fps;
	const speed = options.speed ?? defaultSpeed(config);
	const command = options.command ?? castCommand({
		reference: options.reference ?? config.name,
		mode: 'headless',
		recordPath: options.path,
		seed: config.seed,
		durationSeconds: config.durationSeconds,
		speed,
		fps,
		columns,
		rows,
		castFormat: options.castFormat,
		isAscii: options.charset === 'ascii',
		isColor: options.isColor ?? true,
		sets: options.sets,
	});
	return recordFrames({
		path: options.path,
		flag: options.flag,
		force: options.force,
		castFormat: options.castFormat,
		header: {
			columns,
			rows,
			title: config.title,
			command,
			idleTimeLimitSeconds: options.idleTimeLimitSeconds ?? headlessDefaults.idleTimeLimitSeconds,
			env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
			scaletop: {preset: config.name, seed: config.seed, speed, fps},
		},
		totalFrames: framePlan(config, {fps, speed}).totalFrames,
		frames: () => headlessFrames(config, {columns, rows, fps, speed, isColor: options.isColor ?? true, charset: options.charset, eventMarkerKinds: options.eventMarkerKinds, render: options.render}),
		onProgress: options.onProgress,
		signal: options.signal,
		isHandlingSignals: options.isHandlingSignals,
	});
}

/** One frame as the cast writer needs it (a HeadlessFrame, or a comparison's). */
export type CastFrame = Pick<HeadlessFrame, 'frame' | 'tick' | 'castSeconds' | 'events' | 'lineCount'>;

/** A recording of frames made from simulated time: the file, its header, the frames. */
export type FrameRecording = {
	readonly path: string;
	/** The flag that named the file, as typed, for messages. Default `--record`. */
	readonly flag?: string;
	readonly force?: boolean;
	/** Default `v2`. */
	readonly castFormat?: CastFormat;
	/** The header (its rows are the frames' height, for the final cursor move). */
	readonly header: CastHeader & {readonly rows: number};
	readonly totalFrames: number;
	/** Made only once the file is open. */
	readonly frames: () => Iterable<CastFrame>;
	readonly onProgress?: (progress: RecordProgress) => void;
	readonly signal?: AbortSignal;
	/** Listen to SIGINT/SIGTERM while recording. Default true. */
	readonly isHandlingSignals?: boolean;
};

/**
 * Write frames to a new cast file as fast as they come, stopping between two frames on
 * SIGINT/SIGTERM (or the signal). Never throws for a user's mistake: see RecordResult.
 */
export async function recordFrames(recording: FrameRecording): Promise<RecordResult> {
	const opened = openCastFile({path: recording.path, flag: recording.flag, force: recording.force, format: recording.castFormat, header: recording.header});
	if (!opened.ok) return {exitCode: opened.exitCode, message: opened.message, frames: 0, castSeconds: 0};
	const interruption = watchInterruptions(recording);
	const done = {frames: 0, castSeconds: 0};
	try {
		return await writeFrames(opened.file, recording, interruption, done);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {exitCode: 1, message: outputProblem(recording.flag ?? '--record', recording.path, `writing failed after ${done.frames} frames (${reason}); the file holds a valid cast up to then`), ...done};
	} finally {
		interruption.dispose();
		opened.file.close();
	}
}

/** The frame loop: write, report, yield to the event loop so signals are seen, stop on one. */
async function writeFrames(file: CastFile, recording: FrameRecording, interruption: Interruption, done: {frames: number; castSeconds: number}): Promise<RecordResult> {
	const {totalFrames} = recording;
	let frames = 0;
	let castSeconds = 0;
	let lineCount = 0;
	for (const frame of recording.frames()) {
		for (const event of frame.events) file.write(event);
		frames++;
		castSeconds = frame.castSeconds;
		lineCount = frame.lineCount;
		done.frames = frames;
		done.castSeconds = castSeconds;
		recording.onProgress?.({frame: frame.frame, totalFrames, castSeconds, tick: frame.tick});
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		if (interruption.signalName) break;
	}

	if (frames > 0) file.write({timeSeconds: castSeconds, code: 'o', data: finishPainting(lineCount, recording.header.rows)});
	const exitCode = interruption.signalName === undefined ? 0 : interruption.signalName === 'SIGTERM' ? 143 : 130;
	// v3 ends with the exit status of what was recorded (`x`); v2 has no such event.
	if (file.format === 'v3') file.write({timeSeconds: castSeconds, code: 'x', data: String(exitCode)});
	const seconds = castSeconds.toFixed(1);
	if (interruption.signalName) {
		return {
			exitCode,
			message: `Recording stopped by ${interruption.signalName}: ${file.path} holds a valid cast of the first ${seconds} s.`,
			frames,
			castSeconds,
		};
	}

	return {exitCode: 0, message: `Recorded ${seconds} s of cast (${frames} frames) to ${file.path}.`, frames, castSeconds};
}

type Interruption = {readonly signalName: 'SIGINT' | 'SIGTERM' | undefined; dispose(): void};

/** Remembers the first SIGINT/SIGTERM (or abort) while recording; removes its listeners on dispose. */
function watchInterruptions(options: Pick<FrameRecording, 'signal' | 'isHandlingSignals'>): Interruption {
	let signalName: 'SIGINT' | 'SIGTERM' | undefined = options.signal?.aborted ? 'SIGINT' : undefined;
	const onInt = () => {
		signalName ??= 'SIGINT';
	};

	const onTerm = () => {
		signalName ??= 'SIGTERM';
	};

	const isHandlingSignals = options.isHandlingSignals ?? true;
	if (isHandlingSignals) {
		process.on('SIGINT', onInt);
		process.on('SIGTERM', onTerm);
	}

	options.signal?.addEventListener('abort', onInt);
	return {
		get signalName() {
			return signalName;
		},
		dispose() {
			if (isHandlingSignals) {
				process.off('SIGINT', onInt);
				process.off('SIGTERM', onTerm);
			}

			options.signal?.removeEventListener('abort', onInt);
		},
	};
}
