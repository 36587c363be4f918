/**
 * Reading a replay's files (the file-system edge of traces): one file, or for ALB access logs
 * a folder of `.log` / `.log.gz` files, always inside the preset's folder (symlinks included).
 * gzip is recognised by its content (the bytes 1f 8b), not by the name, and a gzip stream that
 * is cut short says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {formatLimit, maxTraceBytes} from './limits.js';

/** The formats a trace may be in (the preset's `load.format`). */
export type TraceFormat = 'csv' | 'alb-log' | 'cloudwatch' | 'metrics';

/** One file of a trace: the name to show in messages and its text. */
export type TraceFile = {readonly name: string; readonly text: string};

/** The files, or one sentence (about `file` when it is one file's fault). */
export type TraceFiles = {readonly ok: true; readonly files: readonly TraceFile[]} | {readonly ok: false; readonly file?: string; readonly message: string};

const megabytes = `${maxTraceBytes / 1_048_576} MB`;
const cutShort = (length: number) => `the gzip data is cut short after ${formatLimit(length)} byte${length === 1 ? '' : 's'}: the file is truncated (was its download or copy interrupted?)`;

/**
 * Text of a file's bytes, gunzipped when they are gzip; or why not. gzip is told by its first
 * two bytes, and a file that is only the first (`1f`) is gzip cut after one byte; an empty file
 * named `.gz` is one cut before its first.
 */
export function decodeTraceBytes(bytes: Uint8Array, name = ''): {readonly text: string} | {readonly message: string} {
	const isGzip = bytes.length >= 2 && bytes[0] === 0x1F && bytes[1] === 0x8B;
	if (bytes.length === 0 && /\.gz$/i.test(name)) return {message: 'the file is empty where gzip data was expected: the file is truncated (was its download or copy interrupted?)'};
	if (bytes.length === 1 && bytes[0] === 0x1F) return {message: cutShort(1)};
	if (!isGzip) return bytes.length > maxTraceBytes ? {message: `the file is larger than ${megabytes} (scaletop's limit for a trace)`} : {text: new TextDecoder().decode(bytes)};
	try {
		return {text: new TextDecoder().decode(zlib.gunzipSync(bytes, {maxOutputLength: maxTraceBytes}))};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'Z_BUF_ERROR') return {message: cutShort(bytes.length)};
		if (code === 'ERR_BUFFER_TOO_LARGE') return {message: `the file is larger than ${megabytes} uncompressed (scaletop's limit for a trace)`};
		const reason = error instanceof Error ? error.message : String(error);
		return {message: `the file starts like gzip (bytes 1f 8b) but is not valid gzip data (${reason})`};
	}
}

function isInside(root: string, target: string): boolean {
	return target === root || target.startsWith(root + path.sep);
}

/**
 * Read the trace at `relative` inside `folder`. `label` is how messages name the folder
 * (`presets/`, or the preset's own path). ALB logs may be a folder: its `.log` and `.log.gz`
 * files, by name.
 */
export function readTraceFiles(folder: string, relative: string, format: TraceFormat, label: string): TraceFiles {
	const shown = `${label}${relative}`;
	let root: string;
	let target: string;
	try {
		root = fs.realpathSync(folder);
		target = fs.realpathSync(path.resolve(folder, relative));
	} catch {
		return {ok: false, message: 'cannot be read: no such file'};
	}

	if (!isInside(root, target)) return {ok: false, message: 'resolves to a place outside the preset\'s folder'};
	let names: string[];
	try {
		if (fs.statSync(target).isDirectory()) {
			if (format !== 'alb-log') return {ok: false, message: 'is a folder; a folder of logs is for format: alb-log, this format reads one file'};
			names = fs.readdirSync(target).filter(name => /\.log(?:\.gz)?$/i.test(name)).sort();
			if (names.length === 0) return {ok: false, message: 'is a folder without .log or .log.gz files'};
			names = names.map(name => path.join(target, name));
		} else {
			names = [target];
		}
	} catch {
		return {ok: false, message: 'cannot be read'};
	}

	const files: TraceFile[] = [];
	let totalLength = 0;
	for (const name of names) {
		const display = name === target ? shown : `${shown.replace(/\/?$/, '/')}${path.basename(name)}`;
		let bytes: Uint8Array;
		try {
			const real = fs.realpathSync(name);
			if (!isInside(root, real)) return {ok: false, file: display, message: 'the file resolves to a place outside the preset\'s folder'};
			bytes = fs.readFileSync(real);
		} catch {
			return {ok: false, file: display, message: 'the file cannot be read'};
		}

		const decoded = decodeTraceBytes(bytes, name);
		if ('message' in decoded) return {ok: false, file: display, message: decoded.message};
		totalLength += decoded.text.length;
		if (totalLength > maxTraceBytes) return {ok: false, message: `holds more than ${megabytes} of logs uncompressed: scaletop's limit for a trace`};
		files.push({name: display, text: decoded.text});
	}

	return {ok: true, files};
}
