/**
 * An NDJSON output file (`--metrics FILE`, `--events FILE`): one JSON object per line, each
 * line written with direct `write` calls as soon as it is made, so a run cut short (Ctrl-C, a
 * crash) leaves a file of whole lines.
 *
 * Nothing written is lost or half-written: an existing file is kept unless `--force` is given
 * (as `--record`); when a write fails (the disk fills, /dev/full, an I/O error) writing stops,
 * the file is cut back to its last complete line, and `failure()` says so in one sentence — the
 * command then fails the run (exit 1). A reader that closes a pipe (`--metrics >(head -3)`) is
 * not a failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import {openLineFile, type LineFile, type LineFileIo} from '../files/line-file.js';

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

/** What the file holds, for messages: `metrics`, `events`. */
export type NdjsonLabel = string;

/** Why `filePath` cannot take this output, as a sentence; undefined when it can. */
export function checkNdjsonPath(label: NdjsonLabel, filePath: string, options: {readonly force?: boolean} = {}): string | undefined {
	const folder = path.dirname(path.resolve(filePath));
	if (!fs.existsSync(folder)) return `cannot write ${label} to ${filePath}: the folder ${path.dirname(filePath)} does not exist.`;
	if (!fs.existsSync(filePath)) return undefined;
	const stat = fs.statSync(filePath);
	if (stat.isDirectory()) return `cannot write ${label} to ${filePath}: it is a folder.`;
	// A regular file is kept unless --force; a device or a pipe (/dev/stdout, /dev/full, >(…)) is written to.
	if (stat.isFile() && !options.force) return `cannot write ${label} to ${filePath}: the file already exists (add --force to overwrite it).`;
	return undefined;
}

function isCharacterDeviceOrPipe(filePath: string): boolean {
	try {
		const stat = fs.statSync(filePath);
		return stat.isCharacterDevice() || stat.isFIFO() || stat.isSocket();
	} catch {
		return false;
	}
}

/** Open an NDJSON file (create it, or overwrite it with `force`). Returns a sentence instead when it cannot. */
export function openNdjsonWriter(label: NdjsonLabel, filePath: string, options: {readonly force?: boolean; readonly io?: NdjsonIo} = {}): {readonly ok: true; readonly writer: NdjsonWriter} | {readonly ok: false; readonly message: string} {
	const problem = checkNdjsonPath(label, filePath, options);
	if (problem) return {ok: false, message: problem};
	const isStream = isCharacterDeviceOrPipe(filePath);
	let file: LineFile | undefined;
	try {
		// 'wx': a file that appeared since the check is not overwritten either.
		file = openLineFile(filePath, options.force || isStream ? 'w' : 'wx', options.io);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') return {ok: false, message: `cannot write ${label} to ${filePath}: the file already exists (add --force to overwrite it).`};
		return {ok: false, message: `cannot write ${label} to ${filePath} (${code ?? 'an error'}).`};
	}

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
				const code = (error as NodeJS.ErrnoException).code;
				if (code !== 'EPIPE') failure = `writing ${label} to ${filePath} failed after ${count} complete line${count === 1 ? '' : 's'} (${code ?? 'error'}${code === 'ENOSPC' ? ': the disk is full' : ''}); the file ends at its last complete line.`;
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
