/**
 * Pure asciicast encoding: a header and timed events in, NDJSON lines out (no I/O, no clock).
 *
 * v2 (default; asciinema CLI 2.x, every player and converter): the header carries `width` and
 * `height`; an event's time is seconds since the start, written with six decimals (microseconds,
 * as asciinema does). v3 (`--cast-format v3`; asciinema CLI 3, asciinema-player ≥ 3.10, agg):
 * the header carries `term: {cols, rows, type}`; an event's time is the interval since the
 * previous event, in milliseconds (three decimals), taken from rounded absolute times so the
 * sum never drifts (the spec's error diffusion).
 *
 * No wall-clock `timestamp` is written unless the caller passes one, so the same input gives a
 * byte-identical file.
 */

/** Which asciicast version to write. */
export type CastFormat = 'v2' | 'v3';

/** Event codes: `o` output, `m` marker (chapter), `r` resize (`"COLSxROWS"`), `x` exit status (v3). */
export type CastEventCode = 'o' | 'm' | 'r' | 'x';

/** One event: `timeSeconds` is absolute (seconds since the start of the recording). */
export type CastEvent = {readonly timeSeconds: number; readonly code: CastEventCode; readonly data: string};

/** What the header says about a recording. */
export type CastHeader = {
	/** Terminal width of the recording, columns. */
	readonly columns: number;
	/** Terminal height of the recording, rows. */
	readonly rows: number;
	/** Shown by players; the preset's title. */
	readonly title?: string;
	/** How to reproduce it, e.g. `scaletop flash-sale --seed 7 --headless --record demo.cast`. */
	readonly command?: string;
	/** Players cap every pause to this many seconds (the file keeps the true timing). */
	readonly idleTimeLimitSeconds?: number;
	/** Captured environment: by asciinema's convention only TERM and SHELL. */
	readonly env?: Readonly<Record<string, string>>;
	/** Unix start time, seconds. Leave undefined for byte-stable files. */
	readonly timestamp?: number;
	/** Extra scaletop facts (seed, preset, speed, fps) under the header key `scaletop`. */
	readonly scaletop?: Readonly<Record<string, string | number | boolean>>;
};

/** Microseconds, the unit every time in a cast is rounded to. */
function toMicroseconds(seconds: number): number {
	return Math.max(0, Math.round(seconds * 1e6));
}

/** `1234567` µs → `"1.234567"`: fixed six decimals, valid JSON, no exponent. */
export function formatMicroseconds(microseconds: number): string {
	const whole = Math.floor(microseconds / 1e6);
	const fraction = String(microseconds - whole * 1e6).padStart(6, '0');
	return `${whole}.${fraction}`;
}

/** `1234` ms → `"1.234"`. */
function formatMilliseconds(milliseconds: number): string {
	const whole = Math.floor(milliseconds / 1000);
	const fraction = String(milliseconds - whole * 1000).padStart(3, '0');
	return `${whole}.${fraction}`;
}

/** The header line (without the trailing newline). Keys are in a fixed order. */
export function encodeHeader(header: CastHeader, format: CastFormat = 'v2'): string {
	const common: Record<string, unknown> = {};
	if (header.timestamp !== undefined) common['timestamp'] = header.timestamp;
	if (header.idleTimeLimitSeconds !== undefined) common['idle_time_limit'] = header.idleTimeLimitSeconds;
	if (header.command !== undefined) common['command'] = header.command;
	if (header.title !== undefined) common['title'] = header.title;
	if (format === 'v2') {
		if (header.env !== undefined) common['env'] = header.env;
		if (header.scaletop !== undefined) common['scaletop'] = header.scaletop;
		return JSON.stringify({version: 2, width: header.columns, height: header.rows, ...common});
	}

	const term: Record<string, unknown> = {cols: header.columns, rows: header.rows};
	if (header.env?.['TERM'] !== undefined) term['type'] = header.env['TERM'];
	if (header.env?.['SHELL'] !== undefined) common['env'] = {SHELL: header.env['SHELL']};
	if (header.scaletop !== undefined) common['scaletop'] = header.scaletop;
	return JSON.stringify({version: 3, term, ...common});
}

/**
 * Turns events into lines, one at a time, remembering the previous time (v3 intervals, and
 * times never going backwards: an event earlier than the last one is written at the last one's
 * time). Holds no I/O; a sink writes what it returns.
 */
export type CastEncoder = {
	/** The version it writes. */
	readonly format: CastFormat;
	/** The line for one event (without the trailing newline). */
	event(event: CastEvent): string;
	/** Absolute time of the last event written, seconds (0 before any). */
	readonly lastTimeSeconds: number;
};

/** A fresh encoder for one file. */
export function createCastEncoder(format: CastFormat = 'v2'): CastEncoder {
	let lastMicroseconds = 0;
	let lastMilliseconds = 0;
	return {
		format,
		get lastTimeSeconds() {
			return lastMicroseconds / 1e6;
		},
		event({timeSeconds, code, data}) {
			const microseconds = Math.max(lastMicroseconds, toMicroseconds(timeSeconds));
			lastMicroseconds = microseconds;
			const payload = JSON.stringify(data);
			if (format === 'v2') return `[${formatMicroseconds(microseconds)}, ${JSON.stringify(code)}, ${payload}]`;
			const milliseconds = Math.max(lastMilliseconds, Math.round(microseconds / 1000));
			const interval = milliseconds - lastMilliseconds;
			lastMilliseconds = milliseconds;
			return `[${formatMilliseconds(interval)}, ${JSON.stringify(code)}, ${payload}]`;
		},
	};
}

/** A whole cast as text (header, events, trailing newline): for tests and small files. */
export function encodeCast(header: CastHeader, events: readonly CastEvent[], format: CastFormat = 'v2'): string {
	const encoder = createCastEncoder(format);
	return [encodeHeader(header, format), ...events.map(event => encoder.event(event))].join('\n') + '\n';
}
