/**
 * A sweep's results as the user reads them: a table with one row per combination (median and
 * spread across seeds of 5xx, p99, cost and scaling activities), `--json` (every run with its
 * settings, seed and full summary) or `--csv` (one row per run). Pure: results in, text out.
 */
import {formatCount, formatUsd} from '../headless/format-summary.js';
import {summaryJson} from '../headless/output-schemas.js';
import {formatDuration} from '../presets/units.js';
import type {RunSummary} from '../sim/index.js';
import {formatTable, type Column} from '../text/table.js';
import {formatSettingValue, sameSettings, type Settings} from './grid.js';
import {figuresOf, spreadOf, type Spread, type SweepFigures} from './stats.js';

/** One finished run of a sweep. */
export type SweepRun = {readonly settings: Settings; readonly seed: number; readonly summary: RunSummary};

/** `sweep --json`: `{ "runs": [ { "settings", "seed", "summary" } ] }`. */
export function formatSweepJson(runs: readonly SweepRun[]): string {
	return JSON.stringify({runs: runs.map(run => ({settings: run.settings, seed: run.seed, summary: summaryJson(run.summary)}))}, null, 2);
}

/** Runs grouped by combination, in the runs' order. */
export function groupRuns(runs: readonly SweepRun[]): Array<{readonly settings: Settings; readonly runs: SweepRun[]}> {
	const groups: Array<{settings: Settings; runs: SweepRun[]}> = [];
	for (const run of runs) {
		const last = groups.at(-1);
		if (last && sameSettings(last.settings, run.settings)) last.runs.push(run);
		else groups.push({settings: run.settings, runs: [run]});
	}

	return groups;
}

/** Short, still unique names for the keys: the last path segments (`defaultCooldown`, `alarm.threshold`). */
export function shortKeys(keys: readonly string[]): string[] {
	const split = keys.map(key => key.split('.'));
	const depth = split.map(() => 1);
	const name = (index: number) => split[index]!.slice(-depth[index]!).join('.');
	for (let round = 0; round < 20; round++) {
		const names = keys.map((_, index) => name(index));
		const clashing = names.map((text, index) => names.indexOf(text) !== index || names.lastIndexOf(text) !== index);
		if (!clashing.includes(true)) return names;
		for (const [index, clash] of clashing.entries()) if (clash && depth[index]! < split[index]!.length) depth[index]!++;
	}

	return [...keys];
}

type FigureColumn = {readonly header: string; readonly pick: (figures: SweepFigures) => number; readonly format: (value: number) => string};

const ms = (value: number) => (value >= 100 ? formatCount(value) : value.toFixed(1));
const oneDecimal = new Intl.NumberFormat('en-US', {maximumFractionDigits: 1});
/** Activities are whole; their median across an even number of seeds may end in .5. */
const activities = (value: number) => oneDecimal.format(value);

const figureColumns: readonly FigureColumn[] = [
	// 5xx counts are fluid (fractional) in the model: shown rounded, as in the summary.
	{header: '5xx', pick: figures => figures.errors5xx, format: formatCount},
	{header: 'p99 ms', pick: figures => figures.p99Ms, format: ms},
	{header: 'cost', pick: figures => figures.costUsd, format: formatUsd},
	{header: 'activities', pick: figures => figures.activities, format: activities},
];

function rangeText(spread: Spread, format: (value: number) => string): string {
	return spread.min === spread.max ? '' : `${format(spread.min)}–${format(spread.max)}`;
}

/** Seeds as ranges: `1-10`, `1-3,7`. */
export function formatSeeds(seeds: readonly number[]): string {
	const sorted = [...new Set(seeds)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let k = 0; k < sorted.length;) {
		let end = k;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
		parts.push(end === k ? String(sorted[k]) : `${sorted[k]}-${sorted[end]}`);
		k = end + 1;
	}

	return parts.join(',');
}

/** The readable table. */
export function formatSweepTable(runs: readonly SweepRun[]): string {
	const groups = groupRuns(runs);
	const first = runs[0];
	if (!first) return 'scaletop sweep: no runs\n';
	const keys = Object.keys(first.settings);
	const names = shortKeys(keys);
	const seeds = [...new Set(runs.map(run => run.seed))];
	const perGroup = Math.max(...groups.map(group => group.runs.length));
	const isSpread = perGroup > 1;
	const lines = [
		`scaletop sweep · ${first.summary.preset} — ${groups.length} combination${groups.length === 1 ? '' : 's'} × ${seeds.length} seed${seeds.length === 1 ? '' : 's'} (${formatSeeds(seeds)}) = ${runs.length} run${runs.length === 1 ? '' : 's'}, ${formatDuration(first.summary.simulatedSeconds)} simulated each`,
	];
	const nameWidth = Math.max(...names.filter((name, index) => name !== keys[index]).map(name => name.length));
	for (const [index, key] of keys.entries()) if (names[index] !== key) lines.push(`  ${names[index]!.padEnd(nameWidth)} = ${key}`);
	lines.push(isSpread ? 'each figure: the median across seeds, then the lowest–highest seed' : 'one seed per combination', '');
	const columns: Column[] = [
		...names.map(header => ({header})),
		...figureColumns.flatMap(column => (isSpread ? [{header: column.header, align: 'right' as const}, {header: 'range', align: 'left' as const}] : [{header: column.header, align: 'right' as const}])),
	];
	const rows = groups.map(group => {
		const figures = group.runs.map(run => figuresOf(run.summary));
		const cells = keys.map(key => formatSettingValue(group.settings[key]));
		for (const column of figureColumns) {
			const spread = spreadOf(figures.map(column.pick));
			cells.push(column.format(spread.median));
			if (isSpread) cells.push(rangeText(spread, column.format));
		}

		return cells;
	});
	lines.push(...formatTable(columns, rows));
	const short = groups.filter(group => group.runs.length < perGroup);
	if (short.length > 0) lines.push('', `${short.length} combination${short.length === 1 ? ' has' : 's have'} fewer seeds than the others (missing runs)`);
	return `${lines.join('\n')}\n`;
}

/** One CSV field (RFC 4180: quoted when it holds a comma, a quote or a line break). */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** `sweep --csv`: a header and one row per run. */
export function formatSweepCsv(runs: readonly SweepRun[]): string {
	const keys = runs[0] ? Object.keys(runs[0].settings) : [];
	const header = [...keys, 'seed', 'arrived', 'completed', 'failed', 'errors_502', 'errors_503', 'errors_504', 'latency_mean_ms', 'latency_p50_ms', 'latency_p99_ms', 'throughput_per_s', 'scaling_activities', 'instances_peak', 'cost_usd'];
	const rows = runs.map(run => {
		const s = run.summary;
		return [
			...keys.map(key => formatSettingValue(run.settings[key])),
			...[run.seed, s.requests.arrived, s.requests.completed, s.requests.failed, s.errors['502'], s.errors['503'], s.errors['504'], s.latencyMs.mean, s.latencyMs.p50, s.latencyMs.p99, s.throughputPerSecond, s.scalingActivities, s.instances.peak, s.cost.totalUsd].map(String),
		];
	});
	return `${[header, ...rows].map(row => row.map(csvField).join(',')).join('\n')}\n`;
}
