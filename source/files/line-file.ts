/**
 * A file of whole lines, the one way scaletop appends to its output files (metrics and events
 * NDJSON, asciicast recordings): each line is written at once with synchronous writes (a short
 * write is completed), and when a write fails — the disk fills, /dev/full, an I/O error — the
 * file is cut back to its last complete line before the error is passed on. So the file always
 * ends at a complete line: never a line cut in half, never a UTF-8 character cut in two.
 */
import fs from 'node:fs';

/** The file operations used (injectable, so a test can fill the disk at any byte). */
export type LineFileIo = {
	readonly openSync: (file: string, flags: string) => number;
	readonly writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
	readonly ftruncateSync: (fd: number, length: number) => void;
	readonly closeSync: (fd: number) => void;
};

export const nodeLineFileIo: LineFileIo = {
	openSync: (file, flags) => fs.openSync(file, flags),
	writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
	ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
	closeSync: fd => fs.closeSync(fd),
};

/** An open file of whole lines. */
export type LineFile = {
	/** Append `line` and a newline. Throws the write's error after cutting off any part of it that was written. */
	appendLine(line: string): void;
	/** Bytes of complete lines written. */
	readonly bytes: () => number;
	/** Close it; safe to call twice. */
	close(): void;
};

/** Open `filePath` with `flags` (`w`, `wx`); throws the fs error when it cannot. */
export function openLineFile(filePath: string, flags: string, io: LineFileIo = nodeLineFileIo): LineFile {
	let fd: number | undefined = io.openSync(filePath, flags);
	let bytes = 0;
	return {
		appendLine(line) {
			if (fd === undefined) throw new Error(`${filePath} is closed`);
			const buffer = Buffer.from(`${line}\n`, 'utf8');
			let done = 0;
			try {
				while (done < buffer.length) done += io.writeSync(fd, buffer, done, buffer.length - done);
			} catch (error) {
				if (done > 0) {
					try {
						// A pipe or a device cannot be cut back; a regular file can.
						io.ftruncateSync(fd, bytes);
					} catch {}
				}

				throw error;
			}

			bytes += buffer.length;
		},
		bytes: () => bytes,
		close() {
			if (fd === undefined) return;
			const open = fd;
			fd = undefined;
			try {
				io.closeSync(open);
			} catch {}
		},
	};
}
