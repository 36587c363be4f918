/**
 * Pure: the events of a headless recording, one frame at a time. Simulated time is mapped to
 * cast time by `speed` (simulated seconds per cast second); frame k is shown at k / fps cast
 * seconds and shows the run advanced to tick round(k · speed / fps / tickSeconds).
 *
 * The timeline's events become markers (one per event, ./timeline-markers.ts) at their own cast
 * time (atTick · tickSeconds / speed), just before the frame that first shows their effect; chosen
 * kinds of new sim events can become markers too. Frames identical to the previous one are skipped; changed ones repaint only the lines
 * that changed (./paint.ts).
 */
import {advance, createInitialState, type SimConfig, type SimEvent, type SimState} from '../sim/index.js';
import {renderFrame, type FrameOptions} from '../ui/render-frame.js';
import {initialUiState, type UiState} from '../ui/ui-state.js';
import type {Charset} from '../ui/theme.js';
import type {CastEvent} from './cast-writer.js';
import {frameLines, paintFrame} from '../ui/screen/paint-screen.js';
import {timelineMarkers} from './timeline-markers.js';

/** What the frames look like and how simulated time maps to cast time. */
export type FramePlanOptions = {
	/** Terminal width of the cast, columns. */
	readonly columns: number;
	/** Terminal height of the cast, rows (frames taller are cut). */
	readonly rows: number;
	/** Frames per cast second. */
	readonly fps: number;
	/** Simulated seconds per cast second. */
	readonly speed: number;
	/** Colours in frames (false: the NO_COLOR look). */
	readonly isColor: boolean;
	/** `ascii`: frames without block or box glyphs (`--ascii`). */
	readonly charset?: Charset;
	/** Kinds of sim events (besides timeline entries) to mark, e.g. `['alarm']`. Default none. */
	readonly eventMarkerKinds?: readonly SimEvent['kind'][];
	/** Draws one frame; default the dashboard's `renderFrame`. Must be pure. */
	readonly render?: FrameRenderer;
};

/** A pure function from a state to the text of one frame (the dashboard's `renderFrame` by default). */
export type FrameRenderer = (state: SimState, options: FrameOptions, ui: UiState) => string;

/** One rendered frame and the events it adds to the cast (markers first, then output). */
export type HeadlessFrame = {
	/** 0-based frame number. */
	readonly frame: number;
	/** Frames the whole recording has. */
	readonly totalFrames: number;
	/** Simulation tick the frame shows. */
	readonly tick: number;
	/** Cast time of the frame, seconds (frame / fps). */
	readonly castSeconds: number;
	/** What to append to the cast for this frame: markers, then the paint (none if unchanged). */
	readonly events: readonly CastEvent[];
	/** The frame `renderFrame` produced (also kept when it was skipped as unchanged). */
	readonly text: string;
	/** Screen rows the frame fills (for `finishPainting`). */
	readonly lineCount: number;
};

/** The dashboard's UI state in a recording: running, at the cast's speed. */
export function recordingUiState(options: Pick<FramePlanOptions, 'speed'>): UiState {
	return initialUiState({speed: options.speed});
}

/** Ticks the run lasts: the preset's duration, at least one tick. */
export function durationTicks(config: SimConfig): number {
	return Math.max(1, Math.ceil(config.durationSeconds / config.tickSeconds));
}

/** Number of frames (frame 0 included) and the cast's length for a config. */
export function framePlan(config: SimConfig, options: Pick<FramePlanOptions, 'fps' | 'speed'>): {readonly totalFrames: number; readonly castSeconds: number} {
	const lastFrame = Math.ceil((durationTicks(config) * config.tickSeconds * options.fps) / options.speed - 1e-9);
	return {totalFrames: lastFrame + 1, castSeconds: lastFrame / options.fps};
}

/** Tick shown by frame `frame`. */
function tickOfFrame(config: SimConfig, options: FramePlanOptions, frame: number): number {
	return Math.min(durationTicks(config), Math.round((frame * options.speed) / options.fps / config.tickSeconds));
}

/** Every frame of a headless recording, lazily: the caller writes and may stop at any frame. */
export function * headlessFrames(config: SimConfig, options: FramePlanOptions): Generator<HeadlessFrame> {
	const {totalFrames} = framePlan(config, options);
	const timeline = timelineMarkers(config);
	const markKinds = new Set(options.eventMarkerKinds ?? []);
	const castTimeOfTick = (tick: number) => (tick * config.tickSeconds) / options.speed;
	const ui = recordingUiState(options);
	const render = options.render ?? renderFrame;
	let state: SimState = createInitialState(config);
	let previous: string[] | undefined;
	let nextEntry = 0;
	for (let frame = 0; frame < totalFrames; frame++) {
		const tick = tickOfFrame(config, options, frame);
		const eventCountBefore = state.eventCount;
		if (tick > state.clock.tick) state = advance(state, tick - state.clock.tick);
		const castSeconds = frame / options.fps;
		const markers: CastEvent[] = [];
		// `advance` applies an entry just before its tick runs, so it first shows once the clock is past it.
		while (nextEntry < timeline.length && timeline[nextEntry].atTick < tick) {
			const {atTick, label} = timeline[nextEntry++];
			markers.push({timeSeconds: Math.min(castSeconds, castTimeOfTick(atTick)), code: 'm', data: label});
		}

		if (markKinds.size > 0) markers.push(...eventMarkers(state, eventCountBefore, markKinds, castTimeOfTick, castSeconds));
		markers.sort((a, b) => a.timeSeconds - b.timeSeconds);
		const text = render(state, {columns: options.columns, rows: options.rows, isColor: options.isColor, charset: options.charset}, ui);
		const lines = frameLines(text, options.rows, options.columns);
		const paint = paintFrame(previous, lines);
		previous = lines;
		const events = paint === '' ? markers : [...markers, {timeSeconds: castSeconds, code: 'o' as const, data: paint}];
		yield {frame, totalFrames, tick, castSeconds, events, text, lineCount: lines.length};
	}
}

/** Markers for sim events appended since `countBefore` whose kind is chosen. */
function eventMarkers(state: SimState, countBefore: number, kinds: ReadonlySet<string>, castTimeOfTick: (tick: number) => number, castSeconds: number): CastEvent[] {
	const fresh = Math.min(state.eventCount - countBefore, state.events.length);
	if (fresh <= 0) return [];
	return state.events
		.slice(state.events.length - fresh)
		.filter(event => kinds.has(event.kind))
		.map(event => ({timeSeconds: Math.min(castSeconds, castTimeOfTick(event.tick)), code: 'm' as const, data: event.message}));
}
