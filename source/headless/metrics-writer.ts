/**
 * The NDJSON metrics file (`--metrics FILE`): one JSON object per line, written with a direct
 * `write` per line so each line is on disk as soon as it is made — a run cut short (Ctrl-C, a
 * crash) leaves a valid file of whole lines. Works for headless and live runs alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {MetricsLine} from '../sim/index.js';

/** An open metrics file. */
export type MetricsWriter = {
	/** Append one line (flushed). */
	write(line: MetricsLine): void;
	/** Close the file; safe to call twice. */
	close(): void;
	/** Lines written so far. */
	readonly lineCount: () => number;
	/** Why writing stopped (disk full…), as a sentence; undefined while all is well or when the reader closed a pipe. */
	readonly failure: () => string | undefined;
};

/** One NDJSON line for a metrics sample. */
export function formatMetricsLine(line: MetricsLine): string {
	return `${JSON.stringify(line)}\n`;
}

/** Why `filePath` cannot take a metrics file, as a sentence; undefined when it can. */
export function checkMetricsPath(filePath: string): string | undefined {
	const folder = path.dirname(path.resolve(filePath));
	if (!fs.existsSync(folder)) return `cannot write metrics to ${filePath}: the folder ${path.dirname(filePath)} does not exist.`;
	if (fs.existsSync(filePath) && fs.statSync(filePath).isDirectory()) return `cannot write metrics to ${filePath}: it is a folder.`;
	return undefined;
}

/** Open (create or truncate) a metrics file. Returns a sentence instead when it cannot. */
export function openMetricsWriter(filePath: string): {readonly ok: true; readonly writer: MetricsWriter} | {readonly ok: false; readonly message: string} {
	const problem = checkMetricsPath(filePath);
	if (problem) return {ok: false, message: problem};
	let fd: number | undefined;
	try {
		fd = fs.openSync(filePath, 'w');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'an error';
		return {ok: false, message: `cannot write metrics to ${filePath} (${code}).`};
	}

	let count = 0;
	let failure: string | undefined;
	const writer: MetricsWriter = {
		write(line) {
			if (fd === undefined) return;
			try {
				fs.writeSync(fd, formatMetricsLine(line));
				count++;
			} catch (error) {
				// Stop writing, keep running: the lines already written stay whole.
				const code = (error as NodeJS.ErrnoException).code;
				if (code !== 'EPIPE') failure = `writing metrics to ${filePath} stopped after ${count} lines (${code ?? 'error'}).`;
				writer.close();
			}
		},
		close() {
			if (fd === undefined) return;
			const open = fd;
			fd = undefined;
			try {
				fs.closeSync(open);
			} catch {}
		},
		lineCount: () => count,
		failure: () => failure,
	};
	return {ok: true, writer};
}
