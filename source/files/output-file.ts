/**
 * The one check and the one way to open for every file scaletop writes (`--metrics`, `--events`,
 * `--record`, a comparison's `--record`), so the same problem gets the same sentence whichever
 * flag it is, named as typed: `--metrics day.ndjson: the file already exists (add --force to
 * overwrite it).` Paths are checked before anything starts, and nothing is created by the check.
 *
 * An existing regular file is kept unless `force` (`--force`); a device or a pipe (/dev/stdout,
 * /dev/full, `>(…)`) is written to as it is. The file is opened with `wx` when not forced, so a
 * file that appears between the check and the open is not overwritten either.
 */
import fs from 'node:fs';
import path from 'node:path';
import {openLineFile, type LineFile, type LineFileIo} from './line-file.js';

/** Options of `checkOutputPath` and `openOutputFile`: `force` allows overwriting an existing file (`--force`). */
export type OutputPathOptions = {readonly force?: boolean};

/** `error.code` of a Node fs error, or undefined. */
function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** A short human reason for an fs error ("the disk is full"), for the end of a sentence. */
export function fileErrorReason(error: unknown): string {
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

/** `--metrics day.ndjson: the disk is full.`: the sentence for a problem with the file a flag names. */
export function outputProblem(flag: string, filePath: string, reason: string): string {
	return `${flag} ${filePath}: ${reason}.`;
}

/** Undefined when `target` is writable, else the reason. */
function writableReason(target: string): string | undefined {
	try {
		fs.accessSync(target, fs.constants.W_OK);
		return undefined;
	} catch (error) {
		return fileErrorReason(error);
	}
}

/**
 * Why `filePath` cannot take the output of `flag` (as typed: `--metrics`), as one sentence for
 * the user (the CLI prints it and exits 2); undefined when it can. Refuses an empty name, a
 * missing folder, a folder, a path whose folder is a file, a file or folder without write
 * permission, and an existing regular file unless `force`. Creates nothing.
 */
export function checkOutputPath(flag: string, filePath: string, options: OutputPathOptions = {}): string | undefined {
	if (filePath.trim() === '') return `${flag} needs a file name, got ${JSON.stringify(filePath)}`;
	const problem = (reason: string) => outputProblem(flag, filePath, reason);
	let stat: fs.Stats | undefined;
	try {
		stat = fs.statSync(filePath);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') return problem(fileErrorReason(error));
	}

	if (stat?.isDirectory()) return problem('it is a folder');
	// A regular file is kept unless --force; a device or a pipe is written to.
	if (stat?.isFile() && !options.force) return problem('the file already exists (add --force to overwrite it)');
	if (stat) {
		const reason = writableReason(filePath);
		return reason === undefined ? undefined : problem(reason);
	}

	const folder = path.dirname(filePath);
	let folderStat: fs.Stats;
	try {
		folderStat = fs.statSync(folder);
	} catch {
		return problem(`the folder ${folder} does not exist`);
	}

	if (!folderStat.isDirectory()) return problem(`${folder} is not a folder`);
	const reason = writableReason(folder);
	return reason === undefined ? undefined : problem(reason);
}

function isDeviceOrPipe(filePath: string): boolean {
	try {
		const stat = fs.statSync(filePath);
		return stat.isCharacterDevice() || stat.isBlockDevice() || stat.isFIFO() || stat.isSocket();
	} catch {
		return false;
	}
}

/** Options of `openOutputFile`. */
export type OpenOutputFileOptions = OutputPathOptions & {
	/** File operations (tests inject a disk that fills). */
	readonly io?: LineFileIo;
};

/**
 * Check `filePath` (checkOutputPath) and open it for whole lines (../files/line-file.ts):
 * created, or overwritten with `force`. Returns the sentence instead when it cannot.
 */
export function openOutputFile(flag: string, filePath: string, options: OpenOutputFileOptions = {}): {readonly ok: true; readonly file: LineFile} | {readonly ok: false; readonly message: string} {
	const problem = checkOutputPath(flag, filePath, options);
	if (problem) return {ok: false, message: problem};
	try {
		// 'wx': a file that appeared since the check is not overwritten either.
		return {ok: true, file: openLineFile(filePath, options.force || isDeviceOrPipe(filePath) ? 'w' : 'wx', options.io)};
	} catch (error) {
		return {ok: false, message: outputProblem(flag, filePath, fileErrorReason(error))};
	}
}
