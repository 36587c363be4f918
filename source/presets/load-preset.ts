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
import {formatProblem, type PresetProblem} from './problems.js';
import type {Override} from './overrides.js';
import {readTraceFiles} from './trace-files.js';

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
		text = fs.readFileSync(filePath, 'utf8');
	} catch {
		return fail(`cannot read the preset ${label}: no such file`);
	}

	const fallbackName = path.basename(filePath).replace(/\.ya?ml$/i, '');
	const labelFolder = label.replace(/[^/\\]*$/, '');
	const result = parsePreset(text, {file: label, fallbackName, readTrace: (relative, format) => readTraceFiles(path.dirname(filePath), relative, format, labelFolder), overrides});
	if (!result.ok) return {ok: false, message: result.problems.map(formatProblem).join('\n'), problems: result.problems};
	return {ok: true, config: result.config, file: label};
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
