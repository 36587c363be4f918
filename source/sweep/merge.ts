/**
 * `sweep --merge FILES…`: the JSON outputs of `--plan`'s command lines (one summary each,
 * with its `settings`), or earlier `sweep --json` outputs, back into one sweep, in the
 * sweep's own order (./grid.ts), so the table equals the one the sweep prints in process.
 * Pure: the caller reads the files.
 */
import type {RunSummary} from '../sim/index.js';
import {compareValues, formatSettingValue, type Settings} from './grid.js';
import type {SweepRun} from './format.js';

/** A file's text and the name to show in messages. */
export type MergeInput = {readonly file: string; readonly text: string};

/** The merged runs, or the first problem (file:line:column where it can say). */
export type MergeResult = {readonly ok: true; readonly runs: SweepRun[]; readonly notes: string[]} | {readonly ok: false; readonly message: string};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Line and column of a character offset. */
function position(text: string, offset: number): string {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** Where JSON.parse stopped, from its message (`… at position 12` / `(line 2 column 5)`). */
function jsonErrorPlace(text: string, message: string): string {
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	if (lineColumn) return `${lineColumn[1]}:${lineColumn[2]}`;
	const at = /position (\d+)/.exec(message);
	if (at) return position(text, Number(at[1]));
	return position(text, text.length);
}

function looksLikeSummary(value: Record<string, unknown>): boolean {
	return typeof value['preset'] === 'string' && typeof value['seed'] === 'number' && isRecord(value['requests']) && isRecord(value['errors']) && isRecord(value['latencyMs']) && isRecord(value['cost']);
}

/** The runs in one file. */
function readRuns(input: MergeInput): SweepRun[] | string {
	const {file, text} = input;
	if (text.trim() === '') return `${file}: the file is empty (did its run fail? its command line prints one JSON summary)`;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return `${file}:${jsonErrorPlace(text, message)}: expected the JSON output of a plan line (scaletop PRESET --headless --json …), got text that is not JSON`;
	}

	if (isRecord(value) && Array.isArray(value['runs'])) {
		const runs: SweepRun[] = [];
		for (const [index, run] of value['runs'].entries()) {
			if (!isRecord(run) || !isRecord(run['settings']) || typeof run['seed'] !== 'number' || !isRecord(run['summary']) || !looksLikeSummary(run['summary'])) return `${file}: runs[${index}] is not a sweep run ({ "settings", "seed", "summary" })`;
			runs.push({settings: run['settings'], seed: run['seed'], summary: run['summary'] as unknown as RunSummary});
		}

		return runs;
	}

	if (!isRecord(value) || !looksLikeSummary(value)) return `${file}: expected a run summary (scaletop PRESET --headless --json) or a sweep's --json output, got ${Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'another JSON object' : `a JSON ${typeof value}`}`;
	const {settings, ...summary} = value;
	if (settings !== undefined && !isRecord(settings)) return `${file}: "settings" must be a map of key paths to values`;
	return [{settings: (settings ?? {}) as Settings, seed: value['seed'] as number, summary: summary as unknown as RunSummary}];
}

/** Merge files into one sweep, in the sweep's order; refuses runs of different presets, keys or a run given twice. */
export function mergeRuns(inputs: readonly MergeInput[]): MergeResult {
	if (inputs.length === 0) return {ok: false, message: 'sweep --merge needs the JSON files of the runs (scaletop sweep --merge runs/*.json)'};
	const all: Array<SweepRun & {readonly file: string}> = [];
	for (const input of inputs) {
		const runs = readRuns(input);
		if (typeof runs === 'string') return {ok: false, message: runs};
		all.push(...runs.map(run => ({...run, file: input.file})));
	}

	const first = all[0];
	if (!first) return {ok: false, message: `${inputs[0]!.file}: holds no runs`};
	const keys = Object.keys(first.settings);
	const seen = new Map<string, string>();
	for (const run of all) {
		if (run.summary.preset !== first.summary.preset) return {ok: false, message: `${run.file}: a run of preset "${run.summary.preset}", but ${first.file} is a run of "${first.summary.preset}" (one sweep is one preset)`};
		const runKeys = Object.keys(run.settings);
		if (runKeys.join('\n') !== keys.join('\n')) return {ok: false, message: `${run.file}: sets ${runKeys.length === 0 ? 'nothing' : runKeys.join(', ')}, but ${first.file} sets ${keys.length === 0 ? 'nothing' : keys.join(', ')} (one sweep varies the same keys in every run)`};
		if (run.summary.simulatedSeconds !== first.summary.simulatedSeconds) return {ok: false, message: `${run.file}: simulated ${run.summary.simulatedSeconds} s, but ${first.file} simulated ${first.summary.simulatedSeconds} s (was a run cut short, or --duration different?)`};
		const identity = JSON.stringify([run.settings, run.seed]);
		const earlier = seen.get(identity);
		if (earlier !== undefined) return {ok: false, message: `${run.file}: the run with seed ${run.seed}${keys.length > 0 ? ` and ${keys.map(key => `${key}=${formatSettingValue(run.settings[key])}`).join(', ')}` : ''} is also in ${earlier}`};
		seen.set(identity, run.file);
	}

	const ordered = [...all].sort((a, b) => {
		for (const key of keys) {
			const order = compareValues(a.settings[key], b.settings[key]);
			if (order !== 0) return order;
		}

		return a.seed - b.seed;
	});
	const combinations = new Set(all.map(run => JSON.stringify(run.settings))).size;
	const seeds = new Set(all.map(run => run.seed)).size;
	const notes = combinations * seeds === all.length ? [] : [`${combinations * seeds - all.length} of the grid's ${combinations * seeds} runs (${combinations} combinations × ${seeds} seeds) are missing`];
	return {ok: true, runs: ordered.map(({settings, seed, summary}) => ({settings, seed, summary})), notes};
}
