/**
 * A preset's `load: { pattern: trace, file, format, scale, speedup }` → the run's load, from
 * the files the loader read. Pure.
 *
 * - `csv` (default): `seconds,rate` points, linearly interpolated (./trace.ts).
 * - `alb-log`: ALB access logs; requests per second by request_creation_time, t = 0 at the
 *   first entry's second, over every file of a folder (./trace-alb-log.ts).
 * - `cloudwatch`: a RequestCount export; each period's Sum spread evenly within the period.
 * - `metrics`: scaletop's own `--metrics` NDJSON; each interval's arrivals (./trace-json.ts).
 *
 * `scale` multiplies the rate; `speedup` compresses time (the same rate curve in 1/speedup of
 * the time, so 1/speedup of the requests). Recorded counts are replayed exactly (no Poisson
 * noise on them): with scale 1 and speedup 1 each simulated second gets the log's count.
 */
import type {LoadConfig} from '../sim/index.js';
import type {TraceFiles, TraceFormat} from './trace-files.js';
import {countAlbLog} from './trace-alb-log.js';
import {maxTracePoints} from './limits.js';
import {parseCloudWatch, parseMetricsLines} from './trace-json.js';
import {parseTrace, type TracePoint, type TraceProblem} from './trace.js';

/** A trace's problem, in a file of its own. */
export type TraceFileProblem = TraceProblem & {readonly file: string};

/** The open-loop pattern part of a trace load (`kind` and `arrivals` are the caller's). */
export type TracePattern =
	| {readonly pattern: 'trace'; readonly points: readonly TracePoint[]; readonly peakPerSecond: number}
	| {readonly pattern: 'recorded'; readonly binSeconds: number; readonly counts: readonly number[]; readonly peakPerSecond: number};

/** The trace's settings, as validated by the schema. */
export type TraceSettings = {readonly format: TraceFormat; readonly scale: number; readonly speedup: number};

/** What each format is, for messages. */
export const formatNouns: Readonly<Record<TraceFormat, string>> = {
	csv: 'a CSV of seconds,rate',
	'alb-log': 'an ALB access log (.log or .log.gz) or a folder of them',
	cloudwatch: 'a CloudWatch RequestCount export (JSON)',
	metrics: 'a scaletop metrics file (NDJSON)',
};

/** Requests per second of ALB log files, t = 0 at the earliest entry's second. */
function albBins(files: TraceFiles & {ok: true}): {readonly binSeconds: number; readonly counts: number[]} | {readonly problem: TraceFileProblem} {
	const total = new Map<number, number>();
	for (const file of files.files) {
		const counted = countAlbLog(file.text);
		if ('problem' in counted) return {problem: {...counted.problem, file: file.name}};
		for (const [second, count] of counted.counts) total.set(second, (total.get(second) ?? 0) + count);
	}

	if (total.size === 0) return {problem: {file: files.files[0]?.name ?? '', line: 1, column: 1, message: 'expected ALB access log entries, got none'}};
	let first = Number.POSITIVE_INFINITY;
	let last = Number.NEGATIVE_INFINITY;
	for (const second of total.keys()) {
		first = Math.min(first, second);
		last = Math.max(last, second);
	}

	if (last - first + 1 > maxTracePoints) return {problem: {file: files.files[0]!.name, line: 1, column: 1, message: `the entries span ${Math.ceil((last - first + 1) / 86_400)} days; a replay holds at most ${maxTracePoints / 86_400}`}};
	const counts = Array.from({length: last - first + 1}, () => 0);
	for (const [second, count] of total) counts[second - first] = count;
	return {binSeconds: 1, counts};
}

/** The trace's pattern from its files, or its problems. */
export function traceFromFiles(files: TraceFiles & {ok: true}, settings: TraceSettings): {readonly pattern: TracePattern} | {readonly problems: readonly TraceFileProblem[]} {
	const {scale, speedup} = settings;
	if (settings.format === 'csv') {
		const file = files.files[0]!;
		const result = parseTrace(file.text);
		if (result.problems.length > 0) return {problems: result.problems.map(problem => ({...problem, file: file.name}))};
		const points = result.points.map(point => ({atSeconds: point.atSeconds / speedup, ratePerSecond: point.ratePerSecond * scale}));
		let peak = 0;
		for (const point of points) if (point.ratePerSecond > peak) peak = point.ratePerSecond;
		return {pattern: {pattern: 'trace', points, peakPerSecond: peak}};
	}

	let bins: {readonly binSeconds: number; readonly counts: number[]} | {readonly problem: TraceFileProblem};
	if (settings.format === 'alb-log') {
		bins = albBins(files);
	} else {
		const file = files.files[0]!;
		const parsed = settings.format === 'cloudwatch' ? parseCloudWatch(file.text) : parseMetricsLines(file.text);
		bins = 'problem' in parsed ? {problem: {...parsed.problem, file: file.name}} : parsed;
	}

	if ('problem' in bins) return {problems: [bins.problem]};
	const factor = scale / speedup;
	const counts = factor === 1 ? bins.counts : bins.counts.map(count => count * factor);
	const binSeconds = bins.binSeconds / speedup;
	let peak = 0;
	for (const count of counts) if (count > peak) peak = count;
	return {pattern: {pattern: 'recorded', binSeconds, counts, peakPerSecond: peak / binSeconds}};
}

/** The load config of a trace pattern. */
export function traceLoad(pattern: TracePattern, arrivals: 'poisson' | 'uniform'): LoadConfig {
	return {kind: 'open', arrivals, ...pattern};
}
