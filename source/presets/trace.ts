/**
 * Traffic traces: a CSV of `seconds,rate` lines (the first line may be a header; `#` starts a
 * comment; `seconds` may also be a duration like 5m and `rate` a rate like 1200/m). Pure: the
 * caller reads the file. Also checks that a trace path stays inside the preset's folder.
 */
import {formatLimit, maxTracePoints} from './limits.js';
import {parseDurationSeconds, parseRatePerSecond} from './units.js';

/** A point of a trace: from `atSeconds` on, `ratePerSecond` (linearly interpolated by the sim). */
export type TracePoint = {readonly atSeconds: number; readonly ratePerSecond: number};

/** A problem in a trace file, 1-based line and column. */
export type TraceProblem = {readonly line: number; readonly column: number; readonly message: string};

/**
 * Parse a trace CSV. Points must be in increasing time order; only the first line with
 * anything on it may be a header. At most `maxTracePoints` points: past them, one problem at
 * the first line over the limit, and the rest of the file is not read.
 */
export function parseTrace(text: string): {readonly points: TracePoint[]; readonly problems: TraceProblem[]} {
	const points: TracePoint[] = [];
	const problems: TraceProblem[] = [];
	let isFirst = true;
	let start = 0;
	for (let lineNumber = 1; start <= text.length; lineNumber++) {
		const newline = text.indexOf('\n', start);
		const end = newline === -1 ? text.length : newline;
		const raw = text.slice(start, end).replace(/\r$/, '');
		start = end + 1;
		const line = raw.replace(/#.*$/, '').trim();
		if (!line) continue;
		const cells = line.split(',').map(cell => cell.trim());
		const isHeader = isFirst && Number.isNaN(Number(cells[0])) && parseDurationSeconds(cells[0]) === undefined;
		isFirst = false;
		if (isHeader) continue;
		const at = /^\d+(?:\.\d+)?$/.test(cells[0]!) ? Number(cells[0]) : parseDurationSeconds(cells[0]);
		const rate = cells.length === 2 ? parseRatePerSecond(cells[1]) : undefined;
		if (cells.length !== 2 || at === undefined || rate === undefined) {
			problems.push({line: lineNumber, column: 1, message: `expected "seconds,rate" (like 300,25), got ${JSON.stringify(raw.trim().length > 40 ? `${raw.trim().slice(0, 37)}...` : raw.trim())}`});
			continue;
		}

		const previous = points.at(-1);
		if (previous && at <= previous.atSeconds) {
			problems.push({line: lineNumber, column: 1, message: `times must increase, got ${at} after ${previous.atSeconds}`});
			continue;
		}

		if (points.length === maxTracePoints) {
			problems.push({line: lineNumber, column: 1, message: `expected at most ${formatLimit(maxTracePoints)} points (scaletop's limit: ${maxTracePoints / 86_400} days at one point a second)`});
			break;
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
