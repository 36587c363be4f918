/**
 * The only file-system access of presets: find a preset by built-in name or path, read it,
 * read its trace (./trace-files.ts: only inside the preset's folder, symlinks included), and
 * list the built-in library. Parsing and validation are ./parse-preset.ts (pure).
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {SimConfig} from '../sim/index.js';
import {didYouMean} from '../text/did-you-mean.js';
import {parsePreset} from './parse-preset.js';
import {formatProblems, type PresetProblem} from './problems.js';
import type {Override} from './overrides.js';
import {readTraceFiles} from './trace-files.js';
import {maxPresetBytes} from './limits.js';

/** The folder of built-in presets (`presets/` at the package root). */
export const builtInPresetsDirectory = fileURLToPath(new URL('../../presets/', import.meta.url));

/** The default preset. */
export const defaultPresetName = 'tour';

/** A loaded preset, or why not. `message` is the whole error text (one line per problem). */
export type LoadResult =
	| {readonly ok: true; readonly config: SimConfig; readonly file: string}
	| {readonly ok: false; readonly message: string; readonly problems: readonly PresetProblem[]};

/** A built-in preset as `--list-presets` shows it. */
export type PresetListing = {readonly name: string; readonly title: string; readonly durationSeconds: number; readonly description: string};

/** Names of the built-in presets (file names without .yaml), sorted. */
export function builtInPresetNames(directory = builtInPresetsDirectory): string[] {
	try {
		return fs.readdirSync(directory).filter(name => name.endsWith('.yaml')).map(name => name.slice(0, -5)).sort();
	} catch {
		return [];
	}
}

function looksLikePath(reference: string): boolean {
	return reference.includes('/') || reference.includes('\\') || /\.ya?ml$/i.test(reference);
}

/**
 * Load a preset by built-in name (`tour`) or by path (`./my-preset.yaml`), with `--set`
 * overrides applied before it is validated.
 */
export function loadPreset(reference: string, directory = builtInPresetsDirectory, overrides: readonly Override[] = []): LoadResult {
	const fail = (message: string): LoadResult => ({ok: false, message, problems: []});
	let filePath: string;
	let label: string;
	if (looksLikePath(reference) || fs.existsSync(reference)) {
		filePath = path.resolve(reference);
		label = reference;
	} else {
		const names = builtInPresetNames(directory);
		if (!names.includes(reference)) {
			const suggestion = didYouMean(reference, names);
			return fail(`unknown preset "${reference}"${suggestion ? `, did you mean "${suggestion}"?` : ''} (scaletop --list-presets lists the built-in presets; a file path works too)`);
		}

		filePath = path.join(directory, `${reference}.yaml`);
		label = `presets/${reference}.yaml`;
	}

	let text: string;
	try {
		if (fs.statSync(filePath).isDirectory()) return fail(`${label} is a folder, not a preset file`);
		const bytes = readAtMost(filePath, maxPresetBytes);
		if (bytes === undefined) return fail(`${label} is larger than ${formatBytes(maxPresetBytes)}: a preset is a page of settings (scaletop's limit; a recorded load belongs in a trace file, load.pattern: trace)`);
		text = new TextDecoder().decode(bytes);
	} catch (error) {
		return fail(`cannot read the preset ${label}: ${readFailure(error)}`);
	}

	const fallbackName = path.basename(filePath).replace(/\.ya?ml$/i, '');
	const labelFolder = label.replace(/[^/\\]*$/, '');
	const result = parsePreset(text, {file: label, fallbackName, readTrace: (relative, format) => readTraceFiles(path.dirname(filePath), relative, format, labelFolder), overrides});
	if (!result.ok) return {ok: false, message: formatProblems(result.problems), problems: result.problems};
	return {ok: true, config: result.config, file: label};
}

/**
 * The file's bytes, or undefined when it holds more than `limit` (read in chunks, so a pipe or a
 * huge file costs at most `limit` bytes of memory).
 */
function readAtMost(filePath: string, limit: number): Uint8Array | undefined {
	const descriptor = fs.openSync(filePath, 'r');
	try {
		const buffer = Buffer.alloc(limit + 1);
		let length = 0;
		for (;;) {
			const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
			if (read === 0) break;
			length += read;
			if (length > limit) return undefined;
		}

		return buffer.subarray(0, length);
	} finally {
		fs.closeSync(descriptor);
	}
}

function formatBytes(bytes: number): string {
	return bytes >= 1_048_576 ? `${bytes / 1_048_576} MB` : `${bytes / 1024} KB`;
}

/** Why a preset could not be read, in a few words. */
function readFailure(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	return code ?? 'it could not be read';
}

/** The built-in presets with their titles and durations, the default first. */
export function listBuiltInPresets(directory = builtInPresetsDirectory): PresetListing[] {
	const listings: PresetListing[] = [];
	for (const name of builtInPresetNames(directory)) {
		const result = loadPreset(name, directory);
		if (result.ok) listings.push({name, title: result.config.title, durationSeconds: result.config.durationSeconds, description: result.config.description});
	}

	return listings.sort((a, b) => Number(b.name === defaultPresetName) - Number(a.name === defaultPresetName) || a.name.localeCompare(b.name));
}
