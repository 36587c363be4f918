/**
 * The recorder's only side effect: a cast file on disk (style.md §1.3, an edge).
 *
 * The header is written when the file is opened and every event line is written whole with
 * synchronous writes, so whatever stops the process (Ctrl-C, SIGTERM, a crash, even SIGKILL)
 * leaves a valid, playable cast up to that moment. A disk that fills mid-line is the same: the
 * file is cut back to its last complete event (../files/line-file.ts), never mid-line or
 * mid-UTF-8, and `write` throws a CastWriteError saying why. The path is checked and opened as
 * every output file is (../files/output-file.ts), before anything starts.
 */
import type {LineFileIo} from '../files/line-file.js';
import {fileErrorReason, openOutputFile, outputProblem} from '../files/output-file.js';
import {createCastEncoder, encodeHeader, type CastEvent, type CastFormat, type CastHeader} from './cast-writer.js';

/** A failed write to the cast; its message is a short reason ("the disk is full"). The file ends at its last complete event. */
export class CastWriteError extends Error {}

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
	/** The flag that named it, as typed, for messages. Default `--record`. */
	readonly flag?: string;
	/** Written as the first line at once. */
	readonly header: CastHeader;
	/** Default `v2`. */
	readonly format?: CastFormat;
	/** Overwrite an existing file. */
	readonly force?: boolean;
	/** File operations (tests inject a disk that fills). */
	readonly io?: LineFileIo;
};

/** Why a cast file could not be opened: one sentence, and the exit code (2: the path, 1: the header's write failed). */
export type CastOpenFailure = {readonly ok: false; readonly message: string; readonly exitCode: 1 | 2};

/** Create the file and write its header; fails with one sentence instead of throwing. */
export function openCastFile(options: OpenCastFileOptions): {readonly ok: true; readonly file: CastFile} | CastOpenFailure {
	const opened = openOutputFile(options.flag ?? '--record', options.path, options);
	if (!opened.ok) return {...opened, exitCode: 2};
	const format = options.format ?? 'v2';
	const lines = opened.file;
	try {
		lines.appendLine(encodeHeader(options.header, format));
	} catch (error) {
		lines.close();
		return {ok: false, exitCode: 1, message: outputProblem(options.flag ?? '--record', options.path, `writing failed before the first event (${fileErrorReason(error)})`)};
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
				try {
					lines.appendLine(encoder.event(event));
				} catch (error) {
					isOpen = false;
					lines.close();
					throw new CastWriteError(fileErrorReason(error));
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
