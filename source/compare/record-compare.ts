/**
 * `scaletop compare A B --headless --record FILE.cast`: the live comparison's view (the header
 * line, dashboard A above dashboard B, the strip, the key bar: ./live/compose-compare.ts)
 * rendered from simulated time into an asciicast with no terminal, as `PRESET --headless
 * --record` does for one preset (../recorder/record-headless.ts, whose writer it uses: the same
 * frame rate, speed and cast length rules, the same valid file when Ctrl-C stops it).
 *
 * Both sides share the cast's clock: frame k shows each side at k · speed / fps simulated
 * seconds (each stops at its own end). Every timeline event of either side is a marker,
 * `A: …` or `B: …`, or `A and B: …` when both sides have it at the same moment. The frames are
 * a pure function of the two configs and the options: the same command gives the same file.
 */
import {checkInvariants} from '../headless/run-headless.js';
import {castCommand} from '../recorder/cast-command.js';
import type {CastEvent, CastFormat} from '../recorder/cast-writer.js';
import {durationTicks, recordingUiState, type FramePlanOptions} from '../recorder/headless-frames.js';
import {defaultSpeed, headlessDefaults, recordFrames, type CastFrame, type RecordProgress, type RecordResult} from '../recorder/record-headless.js';
import {timelineMarkers} from '../recorder/timeline-markers.js';
import {advance, createInitialState, selectSummary, type RunSummary, type SimConfig, type SimState} from '../sim/index.js';
import {borderedTableLines} from '../ui/components/bordered-table-text.js';
import {frameLines, paintFrame} from '../ui/screen/paint-screen.js';
import {makeTheme, type Charset} from '../ui/theme.js';
import {composeCompareFrame} from './live/compose-compare.js';
import {compareVm} from './live/compare-vm.js';
import {stripColumns, stripNumberColumns, stripRows} from './live/strip.js';

/** A comparison cast's size by default: 120×40 holds both dashboards (as the live view). */
export const compareRecordDefaults = {columns: 120, rows: 40} as const;

/** How the frames look and how simulated time maps to cast time: one preset's frame options, less its markers and renderer (the comparison has its own). */
export type CompareFrameOptions = Omit<FramePlanOptions, 'eventMarkerKinds' | 'render'>;

/** One frame of a comparison cast, with both sides as it shows them. */
export type CompareFrame = CastFrame & {
	readonly totalFrames: number;
	readonly a: SimState;
	readonly b: SimState;
	/** The frame as text, one string per row. */
	readonly text: string;
};

/** The side that runs longer (A when they last as long): the cast lasts as long as it. */
function longer(a: SimConfig, b: SimConfig): SimConfig {
	return durationTicks(b) * b.tickSeconds > durationTicks(a) * a.tickSeconds ? b : a;
}

/** Frames (frame 0 included) and the cast's length. */
export function compareFramePlan(a: SimConfig, b: SimConfig, options: Pick<CompareFrameOptions, 'fps' | 'speed'>): {readonly totalFrames: number; readonly castSeconds: number} {
	const config = longer(a, b);
	const lastFrame = Math.ceil((durationTicks(config) * config.tickSeconds * options.fps) / options.speed - 1e-9);
	return {totalFrames: lastFrame + 1, castSeconds: lastFrame / options.fps};
}

/** The default speed: the longer side fits a one-minute cast (as for one preset). */
export function defaultCompareSpeed(a: SimConfig, b: SimConfig): number {
	return defaultSpeed(longer(a, b));
}

/** A chapter of the comparison: when (simulated seconds), what, and the tick of each side that has it. */
type PairMarker = {readonly seconds: number; readonly label: string; readonly ticks: {readonly a?: number; readonly b?: number}};

/** Both timelines' markers in time order; one marker for an event both sides have at the same moment. */
export function pairMarkers(a: SimConfig, b: SimConfig): Array<{readonly seconds: number; readonly label: string}> {
	return markersOf(a, b).map(({seconds, label}) => ({seconds, label}));
}

/** A side's markers that its run shows (an entry at or after its end never does). */
const shownMarkers = (config: SimConfig) => timelineMarkers(config).filter(marker => marker.atTick < durationTicks(config));

function markersOf(a: SimConfig, b: SimConfig): PairMarker[] {
	const ofB = shownMarkers(b).map(marker => ({...marker, seconds: marker.atTick * b.tickSeconds, isPaired: false}));
	const markers: PairMarker[] = [];
	for (const marker of shownMarkers(a)) {
		const seconds = marker.atTick * a.tickSeconds;
		const twin = ofB.find(other => !other.isPaired && other.seconds === seconds && other.label === marker.label);
		if (twin) twin.isPaired = true;
		markers.push(twin ? {seconds, label: `A and B: ${marker.label}`, ticks: {a: marker.atTick, b: twin.atTick}} : {seconds, label: `A: ${marker.label}`, ticks: {a: marker.atTick}});
	}

	for (const marker of ofB) if (!marker.isPaired) markers.push({seconds: marker.seconds, label: `B: ${marker.label}`, ticks: {b: marker.atTick}});
	return markers.sort((x, y) => x.seconds - y.seconds || (x.label < y.label ? -1 : 1));
}

/** Every frame of a comparison cast, lazily. Pure. */
export function * compareFrames(configA: SimConfig, configB: SimConfig, options: CompareFrameOptions): Generator<CompareFrame> {
	const {totalFrames} = compareFramePlan(configA, configB, options);
	const theme = makeTheme(options.isColor ? 'color' : 'mono', options.charset);
	const ui = recordingUiState(options);
	const labels = {a: configA.name, b: configB.name};
	const markers = markersOf(configA, configB);
	let a = createInitialState(configA);
	let b = createInitialState(configB);
	let previous: string[] | undefined;
	let next = 0;
	for (let frame = 0; frame < totalFrames; frame++) {
		const seconds = (frame * options.speed) / options.fps;
		const tickA = Math.min(durationTicks(configA), Math.round(seconds / configA.tickSeconds));
		const tickB = Math.min(durationTicks(configB), Math.round(seconds / configB.tickSeconds));
		if (tickA > a.clock.tick) a = advance(a, tickA - a.clock.tick);
		if (tickB > b.clock.tick) b = advance(b, tickB - b.clock.tick);
		const castSeconds = frame / options.fps;
		const events: CastEvent[] = [];
		// A timeline entry first shows once its side's clock is past it (as in ../recorder/headless-frames.ts).
		const isShown = (marker: PairMarker) => (marker.ticks.a === undefined || marker.ticks.a < tickA) && (marker.ticks.b === undefined || marker.ticks.b < tickB);
		while (next < markers.length && isShown(markers[next]!)) {
			const {seconds: at, label} = markers[next++]!;
			events.push({timeSeconds: Math.min(castSeconds, at / options.speed), code: 'm', data: label});
		}

		const strip = borderedTableLines(stripColumns, stripRows(selectSummary(a), selectSummary(b), labels), theme, stripNumberColumns);
		const text = composeCompareFrame({...compareVm(a, b, ui), strip}, options.columns, options.rows, theme).join('\n');
		const lines = frameLines(text, options.rows, options.columns);
		const paint = paintFrame(previous, lines);
		previous = lines;
		if (paint !== '') events.push({timeSeconds: castSeconds, code: 'o', data: paint});
		yield {frame, totalFrames, tick: Math.max(tickA, tickB), castSeconds, events, lineCount: lines.length, a, b, text};
	}
}

/** Options of `recordCompare`; the CLI maps its flags onto them as for one preset. */
export type RecordCompareOptions = {
	/** Both sides, loaded with one seed. */
	readonly a: SimConfig;
	readonly b: SimConfig;
	/** The presets as the user named them, for the header's command. */
	readonly references: readonly [string, string];
	/** `--duration` when given (else each side runs its own length). */
	readonly durationSeconds?: number;
	readonly path: string;
	readonly force?: boolean;
	/** Default 120. */
	readonly columns?: number;
	/** Default 40. */
	readonly rows?: number;
	/** Default 10. */
	readonly fps?: number;
	/** Default: the longer side fits a one-minute cast. */
	readonly speed?: number;
	readonly castFormat?: CastFormat;
	/** Default true. */
	readonly isColor?: boolean;
	readonly charset?: Charset;
	readonly onProgress?: (progress: RecordProgress) => void;
	readonly signal?: AbortSignal;
	/** Listen to SIGINT/SIGTERM while recording. Default true. */
	readonly isHandlingSignals?: boolean;
};

/** How the recording ended, and both sides at the last frame written. */
export type RecordCompareResult = RecordResult & {
	readonly summaries?: {readonly a: RunSummary; readonly b: RunSummary};
	/** The first broken invariant of either side, `side A: …`. */
	readonly violation?: string;
};

/** Record the comparison. Never throws for a user's mistake: see RecordResult. */
export async function recordCompare(options: RecordCompareOptions): Promise<RecordCompareResult> {
	const {a, b} = options;
	const columns = options.columns ?? compareRecordDefaults.columns;
	const rows = options.rows ?? compareRecordDefaults.rows;
	const fps = options.fps ?? headlessDefaults.fps;
	const speed = options.speed ?? defaultCompareSpeed(a, b);
	const isColor = options.isColor ?? true;
	const command = castCommand({
		words: ['compare', ...options.references],
		reference: options.references[0],
		mode: 'headless',
		recordPath: options.path,
		seed: a.seed,
		durationSeconds: options.durationSeconds ?? (a.durationSeconds === b.durationSeconds ? a.durationSeconds : undefined),
		speed,
		fps,
		columns,
		rows,
		castFormat: options.castFormat,
		isAscii: options.charset === 'ascii',
		isColor,
	});
	let last: CompareFrame | undefined;
	let violation: string | undefined;
	const costs = {a: 0, b: 0};
	const watched = function * (frames: Iterable<CompareFrame>) {
		for (const frame of frames) {
			last = frame;
			for (const side of ['a', 'b'] as const) {
				const summary = selectSummary(frame[side]);
				if (violation === undefined) violation = checkInvariants(frame[side], summary, costs[side]).map(text => `side ${side.toUpperCase()}: ${text}`)[0];
				costs[side] = summary.cost.totalUsd;
			}

			yield frame;
		}
	};

	const result = await recordFrames({
		path: options.path,
		force: options.force,
		castFormat: options.castFormat,
		header: {
			columns,
			rows,
			title: `${a.title} vs ${b.title}`,
			command,
			idleTimeLimitSeconds: headlessDefaults.idleTimeLimitSeconds,
			env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
			scaletop: {preset: `${a.name} vs ${b.name}`, seed: a.seed, speed, fps},
		},
		totalFrames: compareFramePlan(a, b, {fps, speed}).totalFrames,
		frames: () => watched(compareFrames(a, b, {columns, rows, fps, speed, isColor, charset: options.charset})),
		onProgress: options.onProgress,
		signal: options.signal,
		isHandlingSignals: options.isHandlingSignals,
	});
	const summaries = last ? {a: selectSummary(last.a), b: selectSummary(last.b)} : undefined;
	return {...result, summaries, violation};
}
