/**
 * `scaletop --list-presets [--json]`: the built-in presets, the default first — names, durations
 * and titles as a table, or as JSON (`[{name, title, durationSeconds, description, isDefault}]`).
 */
import {UsageError, type FlagValues} from '../headless/args.js';
import {defaultPresetName, listBuiltInPresets} from '../presets/load-preset.js';
import {formatDuration} from '../presets/units.js';
import {write} from './output.js';

/** Print the list; returns the exit code. Only `--json` goes with it. */
export function runListPresets(positionals: readonly string[], flags: FlagValues, typed: Readonly<Record<string, string>>): number {
	if (positionals.length > 0) throw new UsageError(`--list-presets takes no preset, got "${positionals.join(' ')}"`);
	const other = Object.keys(flags).find(name => name !== 'list-presets' && name !== 'json');
	if (other) throw new UsageError(`${typed[other]} does not apply to --list-presets (only --json does)`);
	const presets = listBuiltInPresets();
	if (flags['json']) {
		write(JSON.stringify(presets.map(preset => ({name: preset.name, title: preset.title, durationSeconds: preset.durationSeconds, description: preset.description, isDefault: preset.name === defaultPresetName})), null, 2));
		return 0;
	}

	const width = Math.max(...presets.map(preset => preset.name.length));
	for (const preset of presets) {
		const mark = preset.name === defaultPresetName ? ' (default)' : '';
		write(`${preset.name.padEnd(width)}  ${formatDuration(preset.durationSeconds).padStart(6)}  ${preset.title}${mark}`);
	}

	return 0;
}
