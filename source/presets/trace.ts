/**
 * Traffic traces: a CSV of `seconds,rate` lines (a header line is allowed; `#` starts a comment;
 * `seconds` may also be a duration like 5m and `rate` a rate like 1200/m). Pure: the caller
 * reads the file. Also checks that a trace path stays inside the preset's folder.
 */
import {parseDurationSeconds, parseRatePerSecond} from './units.js';

/** A point of a trace: from `atSeconds` on, `ratePerSecond` (linearly interpolated by the sim). */
export type TracePoint = {readonly atSeconds: number; readonly ratePerSecond: number};

/** A problem in a trace file, 1-based line and column. */
export type TraceProblem = {readonly line: number; readonly column: number; readonly message: string};

/** Parse a trace CSV. Points must be in increasing time order. */
export function parseTrace(text: string): {readonly points: TracePoint[]; readonly problems: TraceProblem[]} {
	const points: TracePoint[] = [];
	const problems: TraceProblem[] = [];
	const lines = text.split(/\r?\n/);
	for (const [index, raw] of lines.entries()) {
		const line = raw.replace(/#.*$/, '').trim();
		if (!line) continue;
		const cells = line.split(',').map(cell => cell.trim());
		const isHeader = points.length === 0 && problems.length === 0 && Number.isNaN(Number(cells[0])) && parseDurationSeconds(cells[0]) === undefined;
		if (isHeader) continue;
		const at = /^\d+(?:\.\d+)?$/.test(cells[0]) ? Number(cells[0]) : parseDurationSeconds(cells[0]);
		const rate = cells.length === 2 ? parseRatePerSecond(cells[1]) : undefined;
		if (cells.length !== 2 || at === undefined || rate === undefined) {
			problems.push({line: index + 1, column: 1, message: `expected "seconds,rate" (like 300,25), got ${JSON.stringify(raw.trim())}`});
			continue;
		}

		const previous = points.at(-1);
		if (previous && at <= previous.atSeconds) {
			problems.push({line: index + 1, column: 1, message: `times must increase, got ${at} after ${previous.atSeconds}`});
			continue;
		}

		points.push({atSeconds: at, ratePerSecond: rate});
	}

	if (points.length === 0 && problems.length === 0) problems.push({line: 1, column: 1, message: 'expected at least one "seconds,rate" line, got none'});
	return {points, problems};
}

/**
 * What a trace path may be (the loader's check, and the `pattern` of `load.file` in the
 * published JSON Schema): relative (no leading `/` or `\`, no `C:\`), no `..` segment, at
 * least one segment that names something (not only `.` and separators), no NUL. Written for
 * both JavaScript and JSON Schema (ajv compiles it with the `u` flag).
 */
export const tracePathPattern = /^(?![A-Za-z]:[/\\])(?![/\\])(?![\s\S]*(?:^|[/\\])\.\.(?:[/\\]|$))(?=[\s\S]*?(?:^|[/\\])(?!\.(?:[/\\]|$))[^/\\])[^\u0000]*$/;

/** The sentence for a path that does not fit `tracePathPattern` (", got …" follows it). */
export const tracePathMessage = 'expected a relative path inside the preset\'s folder (no .. segment, not absolute)';

/**
 * Whether a trace path stays inside the preset's folder (`tracePathPattern`): the path
 * without its `.` and empty segments, or undefined when it may escape.
 */
export function insideFolder(relativePath: string): string | undefined {
	if (!tracePathPattern.test(relativePath)) return undefined;
	return relativePath.split(/[/\\]+/).filter(part => part !== '' && part !== '.').join('/');
}
