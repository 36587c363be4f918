/**
 * The recorder's only side effect: a cast file on disk (style.md §1.3, an edge).
 *
 * The header is written when the file is opened and every event line is written whole with one
 * synchronous write, so whatever stops the process (Ctrl-C, SIGTERM, a crash, even SIGKILL)
 * leaves a valid, playable cast up to that moment. Paths are checked before anything starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import {createCastEncoder, encodeHeader, type CastEvent, type CastFormat, type CastHeader} from './cast-writer.js';

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
	/** Append one event (times never go backwards: see createCastEncoder). */
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
};

/** Create the file and write its header; fails with one sentence instead of throwing. */
export function openCastFile(options: OpenCastFileOptions): {readonly ok: true; readonly file: CastFile} | {readonly ok: false; readonly message: string} {
	const problem = checkCastPath(options.path, {force: options.force});
	if (problem) return {ok: false, message: problem};
	const format = options.format ?? 'v2';
	let fd: number;
	try {
		fd = fs.openSync(options.path, options.force ? 'w' : 'wx');
		writeWhole(fd, encodeHeader(options.header, format) + '\n');
	} catch (error) {
		return {ok: false, message: `Cannot record to ${options.path}: ${describe(error)}.`};
	}

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
				writeWhole(fd, encoder.event(event) + '\n');
				lineCount++;
			},
			close() {
				if (!isOpen) return;
				isOpen = false;
				fs.closeSync(fd);
			},
		},
	};
}

/** One line, all of it: a single write for a regular file, looping only on a short write. */
function writeWhole(fd: number, text: string): void {
	const bytes = Buffer.from(text, 'utf8');
	let offset = 0;
	while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}
