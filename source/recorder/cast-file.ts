/**
 * The recorder's only side effect: a cast file on disk (style.md §1.3, an edge).
 *
 * The header is written when the file is opened and every event line is written whole with
 * synchronous writes, so whatever stops the process (Ctrl-C, SIGTERM, a crash, even SIGKILL)
 * leaves a valid, playable cast up to that moment. A disk that fills mid-line is the same: the
 * file is cut back to its last complete event (../files/line-file.ts), never mid-line or
 * mid-UTF-8, and `write` throws a CastWriteError saying why. Paths are checked before anything starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import {openLineFile, type LineFile, type LineFileIo} from '../files/line-file.js';
import {createCastEncoder, encodeHeader, type CastEvent, type CastFormat, type CastHeader} from './cast-writer.js';

/** A failed write to the cast; its message is a short reason ("the disk is full"). The file ends at its last complete event. */
export class CastWriteError extends Error {}

/** Options of `checkCastPath`: `force` allows overwriting an existing file (`--force`). */
export type CastPathOptions = {readonly force?: boolean};

/** `error.code` of a Node fs error, or undefined. */
function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * Whether a cast can be written to `filePath`. Returns undefined when it can, or one sentence
 * for the user (the CLI prints it and exits 2) when the folder is missing, the path is a
 * folder, it is not writable, or the file exists and `force` is not set. Creates nothing.
 */
export function checkCastPath(filePath: string, options: CastPathOptions = {}): string | undefined {
	if (filePath.trim() === '') return 'Cannot record: the cast file name is empty.';
	const folder = path.dirname(path.resolve(filePath));
	let stat: fs.Stats | undefined;
	try {
		stat = fs.statSync(filePath);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') return `Cannot record to ${filePath}: ${describe(error)}.`;
	}

	if (stat?.isDirectory()) return `Cannot record to ${filePath}: it is a folder.`;
	if (stat && !options.force) return `Cannot record to ${filePath}: the file already exists (add --force to overwrite it).`;
	if (stat) return writable(filePath, filePath);
	let folderStat: fs.Stats;
	try {
		folderStat = fs.statSync(folder);
	} catch {
		return `Cannot record to ${filePath}: the folder ${folder} does not exist.`;
	}

	if (!folderStat.isDirectory()) return `Cannot record to ${filePath}: ${folder} is not a folder.`;
	return writable(filePath, folder);
}

/** Undefined when `target` is writable, else the sentence. */
function writable(filePath: string, target: string): string | undefined {
	try {
		fs.accessSync(target, fs.constants.W_OK);
		return undefined;
	} catch (error) {
		return `Cannot record to ${filePath}: ${describe(error)}.`;
	}
}

/** A short human reason for an fs error. */
function describe(error: unknown): string {
	switch (errorCode(error)) {
		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EROFS': {
			return 'the file system is read-only';
		}

		case 'ENOSPC': {
			return 'the disk is full';
		}

		case 'EISDIR': {
			return 'it is a folder';
		}

		case 'EEXIST': {
			return 'the file already exists (add --force to overwrite it)';
		}

		case 'ENOENT': {
			return 'the folder does not exist';
		}

		default: {
			return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
		}
	}
}

/** An open cast file. `write` appends one event line and returns once it is written. */
export type CastFile = {
	/** Where it is written, as given. */
	readonly path: string;
	/** The asciicast version written. */
	readonly format: CastFormat;
	/** Append one event (times never go backwards: see createCastEncoder). Throws a CastWriteError when the write fails. */
	write(event: CastEvent): void;
	/** Absolute time of the last event written, seconds. */
	readonly lastTimeSeconds: number;
	/** Lines written so far, header included. */
	readonly lineCount: number;
	/** Close the file; safe to call twice. */
	close(): void;
};

/** Options of `openCastFile`. */
export type OpenCastFileOptions = {
	/** The file to create. */
	readonly path: string;
	/** Written as the first line at once. */
	readonly header: CastHeader;
	/** Default `v2`. */
	readonly format?: CastFormat;
	/** Overwrite an existing file. */
	readonly force?: boolean;
	/** File operations (tests inject a disk that fills). */
	readonly io?: LineFileIo;
};

/** Create the file and write its header; fails with one sentence instead of throwing. */
export function openCastFile(options: OpenCastFileOptions): {readonly ok: true; readonly file: CastFile} | {readonly ok: false; readonly message: string} {
	const problem = checkCastPath(options.path, {force: options.force});
	if (problem) return {ok: false, message: problem};
	const format = options.format ?? 'v2';
	let file: LineFile | undefined;
	try {
		file = openLineFile(options.path, options.force ? 'w' : 'wx', options.io);
		file.appendLine(encodeHeader(options.header, format));
	} catch (error) {
		file?.close();
		return {ok: false, message: `Cannot record to ${options.path}: ${describe(error)}.`};
	}

	const lines = file;

	const encoder = createCastEncoder(format);
	let isOpen = true;
	let lineCount = 1;
	return {
		ok: true,
		file: {
			path: options.path,
			format,
			get lastTimeSeconds() {
				return encoder.lastTimeSeconds;
			},
			get lineCount() {
				return lineCount;
			},
			write(event) {
				if (!isOpen) return;
				try {
					lines.appendLine(encoder.event(event));
				} catch (error) {
					isOpen = false;
					lines.close();
					throw new CastWriteError(describe(error));
				}

				lineCount++;
			},
			close() {
				if (!isOpen) return;
				isOpen = false;
				lines.close();
			},
		},
	};
}
