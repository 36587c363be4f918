/**
 * A sweep's grid: every combination of the `--set` alternatives × every seed, in one order
 * that does not depend on how the runs are executed (threads, a batch engine): the keys in
 * the order of the `--set` flags, each key's values in their natural order (numbers,
 * durations and rates by magnitude, other text alphabetically), the first key varying
 * slowest, and the seeds ascending within each combination. Pure.
 */
import {parseDurationSeconds, parseRatePerSecond} from '../presets/units.js';
import {readValue, type SetFlag} from '../presets/overrides.js';

/** A setting's value as the sweep reports it: the YAML meaning of what was typed (`300s`, 80, true). */
export type SettingValue = unknown;

/** One combination: key → value, keys in `--set` order. */
export type Settings = Readonly<Record<string, SettingValue>>;

/** One run of the grid. */
export type GridRun = {
	/** Position in the grid (0-based). */
	readonly index: number;
	/** Position of its combination. */
	readonly combination: number;
	readonly settings: Settings;
	/** The values as typed, key → text, for `--set KEY=TEXT`. */
	readonly texts: Readonly<Record<string, string>>;
	readonly seed: number;
};

/** A number to order a value by, when it has one (80, `300s`, `20/s`). */
function magnitude(value: SettingValue): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string') return undefined;
	return parseDurationSeconds(value) ?? parseRatePerSecond(value);
}

/** The natural order of two values: magnitudes first (ascending), then text (by code point). */
export function compareValues(a: SettingValue, b: SettingValue): number {
	const [x, y] = [magnitude(a), magnitude(b)];
	if (x !== undefined && y !== undefined && x !== y) return x - y;
	if (x !== undefined && y === undefined) return -1;
	if (x === undefined && y !== undefined) return 1;
	const [s, t] = [typeof a === 'string' ? a : JSON.stringify(a), typeof b === 'string' ? b : JSON.stringify(b)];
	return s < t ? -1 : s > t ? 1 : 0;
}

/** The texts of one flag, in natural order. */
export function orderedTexts(flag: SetFlag): string[] {
	return [...flag.values].sort((a, b) => compareValues(readValue(a), readValue(b)));
}

/** Expand flags × seeds into the grid, in the sweep's order. */
export function expandGrid(flags: readonly SetFlag[], seeds: readonly number[]): GridRun[] {
	let combinations: Array<Record<string, string>> = [{}];
	for (const flag of flags) {
		const texts = orderedTexts(flag);
		combinations = combinations.flatMap(combination => texts.map(text => ({...combination, [flag.key]: text})));
	}

	const ordered = [...seeds].sort((a, b) => a - b);
	const runs: GridRun[] = [];
	for (const [combination, texts] of combinations.entries()) {
		const settings = Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, readValue(text)]));
		for (const seed of ordered) runs.push({index: runs.length, combination, settings, texts, seed});
	}

	return runs;
}

/** `--seeds`: `1-20`, `3`, `1,5,9` or `1-5,10-12`; whole numbers, each once. */
export function parseSeeds(text: string): {readonly ok: true; readonly value: number[]} | {readonly ok: false; readonly message: string} {
	const seeds = new Set<number>();
	const bad = {ok: false as const, message: `--seeds expects seeds like 1-20, 7 or 1,5,9, got "${text}"`};
	for (const part of text.split(',')) {
		const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
		if (!match) return bad;
		const from = Number(match[1]);
		const to = match[2] === undefined ? from : Number(match[2]);
		if (to < from || to > 4_294_967_295) return bad;
		if (to - from >= 100_000 || seeds.size + (to - from) >= 100_000) return {ok: false, message: `--seeds ${text}: at most 100000 seeds`};
		for (let seed = from; seed <= to; seed++) seeds.add(seed);
	}

	return {ok: true, value: [...seeds].sort((a, b) => a - b)};
}

/** Display text of a setting value: what was typed for text, YAML-ish for the rest. */
export function formatSettingValue(value: SettingValue): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return `[${value.map(formatSettingValue).join(', ')}]`;
	return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** Same combination? (settings deep-equal by their JSON, keys in order.) */
export function sameSettings(a: Settings, b: Settings): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
