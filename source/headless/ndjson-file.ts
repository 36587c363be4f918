/**
 * An NDJSON output file (`--metrics FILE`, `--events FILE`): one JSON object per line, each
 * line written with direct `write` calls as soon as it is made, so a run cut short (Ctrl-C, a
 * crash) leaves a file of whole lines.
 *
 * Nothing written is lost or half-written: the path is checked and opened as every output file
 * is (../files/output-file.ts: an existing file is kept unless `--force`); when a write fails
 * (the disk fills, /dev/full, an I/O error) writing stops, the file is cut back to its last
 * complete line, and `failure()` says so in one sentence — the command then fails the run
 * (exit 1). A reader that closes a pipe (`--metrics >(head -3)`) is not a failure.
 */
import type {LineFile, LineFileIo} from '../files/line-file.js';
import {fileErrorReason, openOutputFile, outputProblem} from '../files/output-file.js';

/** An open NDJSON file. */
export type NdjsonWriter = {
	/** Append one value as one line (on disk when this returns, or the writer has failed). */
	write(value: unknown): void;
	/** Close the file; safe to call twice. */
	close(): void;
	/** Complete lines written so far. */
	readonly lineCount: () => number;
	/** Why writing stopped (disk full…), as a sentence; undefined while all is well or when the reader closed a pipe. */
	readonly failure: () => string | undefined;
};

/** The file operations the writer uses (injectable, so a test can fill the disk at any byte). */
export type NdjsonIo = LineFileIo;

/**
 * Open an NDJSON file for `flag` (as typed: `--metrics`, `--events`): create it, or overwrite
 * it with `force`. Returns a sentence instead when it cannot.
 */
export function openNdjsonWriter(flag: string, filePath: string, options: {readonly force?: boolean; readonly io?: NdjsonIo} = {}): {readonly ok: true; readonly writer: NdjsonWriter} | {readonly ok: false; readonly message: string} {
	const opened = openOutputFile(flag, filePath, options);
	if (!opened.ok) return opened;
	let file: LineFile | undefined = opened.file;
	let count = 0;
	let failure: string | undefined;
	const writer: NdjsonWriter = {
		write(value) {
			if (file === undefined) return;
			try {
				// Whole lines only: a line cut short by the error is cut off the file.
				file.appendLine(JSON.stringify(value));
				count++;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EPIPE') {
					failure = outputProblem(flag, filePath, `writing failed after ${count} complete line${count === 1 ? '' : 's'} (${fileErrorReason(error)}); the file ends at its last complete line`);
				}

				writer.close();
			}
		},
		close() {
			file?.close();
			file = undefined;
		},
		lineCount: () => count,
		failure: () => failure,
	};
	return {ok: true, writer};
}
