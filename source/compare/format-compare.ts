/**
 * The headless comparison (`scaletop compare A B --headless`): a header (the two presets, the
 * seed, whether they saw the same traffic) and one table, a row per figure with A, B, the
 * difference B − A (and in percent) and the better side. Pure: summaries in, text out.
 */
import {formatDuration} from '../presets/units.js';
import type {RunSummary} from '../sim/index.js';
import {formatTable} from '../text/table.js';
import {compareFigures, formatDifference, formatPercent} from './figures.js';
import type {LoadComparison} from './load-difference.js';

/** One side as the header names it. */
export type Side = {readonly label: string; readonly title: string; readonly summary: RunSummary};

/** The comparison as text; `stoppedOf`: the run was stopped early (Ctrl-C), and would have lasted that long. */
export function formatComparison(a: Side, b: Side, load: LoadComparison, stoppedOf?: number): string {
	const of = stoppedOf === undefined ? '' : ` of ${formatDuration(stoppedOf)}`;
	const simulated = (a.summary.simulatedSeconds === b.summary.simulatedSeconds
		? `${formatDuration(a.summary.simulatedSeconds)}${of} simulated`
		: `${formatDuration(a.summary.simulatedSeconds)} (A) and ${formatDuration(b.summary.simulatedSeconds)} (B)${of} simulated`) + (stoppedOf === undefined ? '' : ' (stopped early)');
	const lines = [
		`scaletop compare · A ${a.label} vs B ${b.label} — seed ${a.summary.seed}, ${simulated}`,
		`  A  ${a.title}`,
		`  B  ${b.title}`,
		`${load.isSameArrivals ? '' : 'note: '}${load.note}`,
		'',
	];
	const rows = compareFigures(a.summary, b.summary).map(({figure, a: x, b: y, difference, winner}) => [
		figure.isDetail ? `  ${figure.label}` : figure.label,
		figure.format(x),
		figure.format(y),
		formatDifference(figure, difference),
		formatPercent(x, difference),
		winner === 'same' ? 'same' : winner,
	]);
	lines.push(...formatTable([
		{header: 'figure'},
		{header: `A ${a.label}`, align: 'right'},
		{header: `B ${b.label}`, align: 'right'},
		{header: 'B − A', align: 'right'},
		{header: '', align: 'right'},
		{header: 'better'},
	], rows));
	return `${lines.join('\n')}\n`;
}
