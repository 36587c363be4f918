/**
 * The NDJSON files of a run (`--metrics FILE`, `--events FILE`), for headless and live runs
 * alike: checked before anything is created (an existing file needs `--force`, as `--record`),
 * opened together, closed on every way out, and a failed write reported as a failed run: one
 * sentence each, exit 1 (the files end at their last complete line, see ndjson-file.ts). Every
 * path, --record's too, is checked by the one check of ../files/output-file.ts.
 */
import {UsageError} from '../headless/args.js';
import {checkOutputPath} from '../files/output-file.js';
import {openNdjsonWriter, type NdjsonWriter} from '../headless/ndjson-file.js';
import type {RunOptions} from './run-options.js';

/** The open output files of a run. */
export type RunFiles = {
	readonly metrics?: NdjsonWriter;
	readonly events?: NdjsonWriter;
	/** Close every file; safe to call twice. */
	close(): void;
	/** One sentence per file whose writing failed (empty when all went well). */
	failures(): string[];
};

/** The flag as the user typed it, for messages. */
const typedFlag = (options: RunOptions, name: string) => options.typed[name] ?? `--${name}`;

function ndjsonPaths(options: RunOptions): Array<[name: 'metrics' | 'events', path: string]> {
	const paths: Array<['metrics' | 'events', string]> = [];
	if (options.metricsPath !== undefined) paths.push(['metrics', options.metricsPath]);
	if (options.eventsPath !== undefined) paths.push(['events', options.eventsPath]);
	return paths;
}

/** Why one of the run's output files cannot be written, as a sentence; undefined when all can. */
export function checkOutputPaths(options: RunOptions): string | undefined {
	const paths = [...ndjsonPaths(options), ...(options.record ? [['record', options.record.path] as const] : [])];
	for (const [name, path] of paths) {
		const problem = checkOutputPath(typedFlag(options, name), path, {force: options.isForce});
		if (problem) return problem;
	}

	return undefined;
}

/** Open the run's NDJSON files. Throws a UsageError (and opens nothing) when one cannot be. */
export function openRunFiles(options: RunOptions): RunFiles {
	const problem = checkOutputPaths(options);
	if (problem) throw new UsageError(problem);
	const opened: Record<string, NdjsonWriter> = {};
	const close = () => {
		for (const writer of Object.values(opened)) writer.close();
	};

	for (const [name, path] of ndjsonPaths(options)) {
		const result = openNdjsonWriter(typedFlag(options, name), path, {force: options.isForce});
		if (!result.ok) {
			close();
			throw new UsageError(result.message);
		}

		opened[name] = result.writer;
	}

	return {
		metrics: opened['metrics'],
		events: opened['events'],
		close,
		failures: () => Object.values(opened).map(writer => writer.failure()).filter((failure): failure is string => failure !== undefined),
	};
}
