/**
 * JSON inputs of a replay: a CloudWatch export of `RequestCount` (what `aws cloudwatch
 * get-metric-statistics` or `get-metric-data` prints) and scaletop's own `--metrics` NDJSON.
 * Each becomes requests per bin: one bin per CloudWatch period (its Sum, spread evenly within
 * the period by the simulation), one per metrics interval (arrivalRate × the interval). Pure;
 * problems carry the line and column they are at.
 */
import {maxTracePoints} from './limits.js';
import type {TraceProblem} from './trace.js';

/** Requests per bin of `binSeconds`, bin 0 starting at the recording's first time. */
export type Bins = {readonly binSeconds: number; readonly counts: number[]};

/** Bins or the first problem. */
export type BinsResult = Bins | {readonly problem: TraceProblem};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1-based line and column of a character offset. */
export function offsetPosition(text: string, offset: number): {readonly line: number; readonly column: number} {
	const end = Math.max(0, Math.min(offset, text.length));
	let line = 1;
	let lineStart = 0;
	for (let k = text.indexOf('\n'); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) {
		line++;
		lineStart = k + 1;
	}

	return {line, column: end - lineStart + 1};
}

/** A JSON.parse failure as a located problem (`… is truncated?` when the text ends early). */
export function jsonProblem(text: string, error: unknown, lineOffset = 0): TraceProblem {
	const message = error instanceof Error ? error.message : String(error);
	const at = /position (\d+)/.exec(message);
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	const isEnd = /end of (?:JSON )?input/i.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
	const place = lineColumn ? {line: Number(lineColumn[1]), column: Number(lineColumn[2])} : offsetPosition(text, at ? Number(at[1]) : text.length);
	const reason = message.replace(/^(?:SyntaxError: )?/, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
	return {line: place.line + lineOffset, column: place.column, message: isEnd ? 'the JSON ends early: is the file truncated?' : `not valid JSON: ${reason}`};
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\n' || char === '\r' || char === '\t';

/** The offset just past the JSON value that starts at `start` (iterative: no recursion on nesting). */
function skipValue(text: string, start: number): number {
	let k = start;
	let depth = 0;
	do {
		const char = text[k];
		if (char === '"') {
			k++;
			while (k < text.length && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
			k++;
		} else if (char === '{' || char === '[') {
			depth++;
			k++;
		} else if (char === '}' || char === ']') {
			depth--;
			k++;
		} else if (depth === 0) {
			while (k < text.length && !isSpace(text[k]) && text[k] !== ',' && text[k] !== '}' && text[k] !== ']') k++;
		} else {
			k++;
		}
	} while (depth > 0 && k < text.length);

	return k;
}

/**
 * Where a path is in a JSON text that parsed: the offset of the value at `path`, or of the
 * deepest part of it that exists. One pass over the text, skipping what is not on the path (a
 * CloudWatch export of 300,000 datapoints is 38 MB; the YAML parser took 48 s and 2 GB on it).
 */
function locate(text: string, path: readonly (string | number)[]): {readonly line: number; readonly column: number} {
	let k = 0;
	const skipSpace = () => {
		while (isSpace(text[k])) k++;
	};

	skipSpace();
	let found = k;
	for (const segment of path) {
		const open = text[k];
		if (open !== '{' && open !== '[') break;
		k++;
		let index = 0;
		let isFound = false;
		for (;;) {
			skipSpace();
			if (text[k] === '}' || text[k] === ']' || k >= text.length) break;
			let isMatch: boolean;
			if (open === '{') {
				const keyEnd = skipValue(text, k);
				isMatch = JSON.parse(text.slice(k, keyEnd)) === segment;
				k = keyEnd;
				skipSpace();
				k++; // The colon.
				skipSpace();
			} else {
				isMatch = index === segment;
			}

			if (isMatch) {
				isFound = true;
				break;
			}

			k = skipValue(text, k);
			skipSpace();
			if (text[k] === ',') k++;
			index++;
		}

		if (!isFound) break;
		found = k;
	}

	return offsetPosition(text, found);
}

/** Unix seconds of a CloudWatch timestamp (`2024-05-01T12:00:00Z`, `…+00:00`, or epoch seconds). */
function timestampSeconds(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms / 1000 : undefined;
}

type Point = {readonly seconds: number; readonly sum: number};

/** Sums at times → bins of the period (the smallest gap between two times; 60 s for one point). */
function toBins(points: readonly Point[], fail: (path: (string | number)[], message: string) => BinsResult, pathOf: (index: number) => (string | number)[]): BinsResult {
	const sorted = points.map((point, index) => ({...point, index})).sort((a, b) => a.seconds - b.seconds);
	let period = Number.POSITIVE_INFINITY;
	for (let k = 1; k < sorted.length; k++) {
		const gap = sorted[k]!.seconds - sorted[k - 1]!.seconds;
		if (gap === 0) return fail(pathOf(sorted[k]!.index), `two datapoints at the same time (${new Date(sorted[k]!.seconds * 1000).toISOString()})`);
		period = Math.min(period, gap);
	}

	if (!Number.isFinite(period)) period = 60;
	const start = sorted[0]!.seconds;
	const bins = Math.round((sorted.at(-1)!.seconds - start) / period) + 1;
	if (bins > maxTracePoints) return fail([], `the datapoints span more than ${maxTracePoints / 86_400} days of ${period}-s periods`);
	const counts = Array.from({length: bins}, () => 0);
	for (const point of sorted) {
		const offset = (point.seconds - start) / period;
		if (Math.abs(offset - Math.round(offset)) > 1e-6) return fail(pathOf(point.index), `a datapoint ${point.seconds - start} s after the first is not on the ${period}-s period of the others`);
		counts[Math.round(offset)] = point.sum;
	}

	return {binSeconds: period, counts};
}

/** A CloudWatch export of RequestCount → bins, one per period. */
export function parseCloudWatch(text: string): BinsResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return {problem: jsonProblem(text, error)};
	}

	const fail = (path: (string | number)[], message: string): BinsResult => ({problem: {...locate(text, path), message}});
	if (isRecord(value) && Array.isArray(value['Datapoints'])) {
		// get-metric-statistics: { "Label", "Datapoints": [ { "Timestamp", "Sum", "Unit" } ] }
		const datapoints = value['Datapoints'] as unknown[];
		if (datapoints.length === 0) return fail(['Datapoints'], 'expected RequestCount datapoints, got none (was the time range or the load balancer right?)');
		const points: Point[] = [];
		for (const [index, datapoint] of datapoints.entries()) {
			if (!isRecord(datapoint)) return fail(['Datapoints', index], 'expected a datapoint { "Timestamp", "Sum" }');
			const seconds = timestampSeconds(datapoint['Timestamp']);
			if (seconds === undefined) return fail(['Datapoints', index, 'Timestamp'], `Timestamp: expected an ISO 8601 time like 2024-05-01T12:00:00Z, got ${JSON.stringify(datapoint['Timestamp'])}`);
			const sum = datapoint['Sum'];
			if (sum === undefined) return fail(['Datapoints', index], 'expected the Sum statistic of RequestCount (aws cloudwatch get-metric-statistics … --statistics Sum)');
			if (typeof sum !== 'number' || !(sum >= 0)) return fail(['Datapoints', index, 'Sum'], `Sum: expected a number of requests ≥ 0, got ${JSON.stringify(sum)}`);
			points.push({seconds, sum});
		}

		return toBins(points, fail, index => ['Datapoints', index]);
	}

	if (isRecord(value) && Array.isArray(value['MetricDataResults'])) {
		// get-metric-data: { "MetricDataResults": [ { "Id", "Label", "Timestamps", "Values" } ] }
		const results = value['MetricDataResults'] as unknown[];
		const named = results.filter(result => isRecord(result) && /requestcount/i.test(`${String(result['Label'] ?? '')} ${String(result['Id'] ?? '')}`));
		const chosen = results.length === 1 ? results[0] : named.length === 1 ? named[0] : undefined;
		if (!isRecord(chosen)) return fail(['MetricDataResults'], `expected one RequestCount result, got ${results.length} results${named.length > 1 ? ` (${named.length} named RequestCount)` : ''}`);
		const index = results.indexOf(chosen);
		const {Timestamps: timestamps, Values: values} = chosen;
		if (!Array.isArray(timestamps) || !Array.isArray(values)) return fail(['MetricDataResults', index], 'expected "Timestamps" and "Values" lists');
		if (timestamps.length !== values.length) return fail(['MetricDataResults', index, 'Values'], `expected as many Values as Timestamps (${timestamps.length}), got ${values.length}`);
		if (timestamps.length === 0) return fail(['MetricDataResults', index, 'Timestamps'], 'expected RequestCount datapoints, got none (was the time range or the load balancer right?)');
		const points: Point[] = [];
		for (const [k, stamp] of timestamps.entries()) {
			const seconds = timestampSeconds(stamp);
			if (seconds === undefined) return fail(['MetricDataResults', index, 'Timestamps', k], `Timestamps[${k}]: expected an ISO 8601 time like 2024-05-01T12:00:00Z, got ${JSON.stringify(stamp)}`);
			const sum = values[k] as unknown;
			if (typeof sum !== 'number' || !(sum >= 0)) return fail(['MetricDataResults', index, 'Values', k], `Values[${k}]: expected a number of requests ≥ 0, got ${JSON.stringify(sum)}`);
			points.push({seconds, sum});
		}

		return toBins(points, fail, k => ['MetricDataResults', index, 'Timestamps', k]);
	}

	return fail([], 'expected a CloudWatch export of RequestCount: the JSON of aws cloudwatch get-metric-statistics ("Datapoints") or get-metric-data ("MetricDataResults")');
}

/** scaletop's `--metrics` NDJSON → bins, one per interval (arrivalRate × its length). */
export function parseMetricsLines(text: string): BinsResult {
	const entries: Array<{readonly line: number; readonly t: number; readonly rate: number}> = [];
	const lines = text.split('\n');
	for (const [index, raw] of lines.entries()) {
		const line = raw.replace(/\r$/, '');
		if (line.trim() === '') continue;
		const at = (message: string): BinsResult => ({problem: {line: index + 1, column: 1, message}});
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (error) {
			if (index === lines.length - 1) return at('the line is cut short (the file does not end with a line break): is it truncated?');
			const problem = jsonProblem(line, error, index);
			return {problem: {...problem, message: problem.message.startsWith('the JSON ends early') ? 'not valid JSON: the line ends early' : problem.message}};
		}

		if (!isRecord(value) || typeof value['t'] !== 'number' || typeof value['arrivalRate'] !== 'number') return at('expected a scaletop metrics line with "t" and "arrivalRate" (scaletop PRESET --metrics FILE)');
		const previous = entries.at(-1)?.t ?? 0;
		if (!(value['t'] > previous)) return at(`t: times must increase, got ${value['t']} after ${previous}`);
		if (!(value['arrivalRate'] >= 0)) return at(`arrivalRate: expected a rate ≥ 0, got ${value['arrivalRate']}`);
		entries.push({line: index + 1, t: value['t'], rate: value['arrivalRate']});
		if (entries.length > maxTracePoints) return at(`the file spans more than ${maxTracePoints} intervals`);
	}

	if (entries.length === 0) return {problem: {line: 1, column: 1, message: 'expected scaletop metrics lines (NDJSON), got none'}};
	// Every interval is as long as the first, except perhaps the last (a run that ended
	// mid-interval); its requests are spread over a whole bin.
	const interval = entries[0]!.t;
	const counts: number[] = [];
	for (const [k, entry] of entries.entries()) {
		const length = entry.t - (k === 0 ? 0 : entries[k - 1]!.t);
		if (Math.abs(length - interval) > 1e-6 && k < entries.length - 1) return {problem: {line: entry.line, column: 1, message: `t: expected ${(k === 0 ? 0 : entries[k - 1]!.t) + interval} (one ${interval}-s interval after the line before), got ${entry.t}`}};
		counts.push(Math.round(entry.rate * length));
	}

	return {binSeconds: interval, counts};
}
