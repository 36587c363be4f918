/**
 * The live comparison's strip: the figures that matter (5xx, p99, cost, instances, scaling
 * activities) of both sides so far, the difference B − A and the better side, as rows of text
 * for the bordered table (../../ui/components/bordered-table.tsx). The figures and "better"
 * are the headless table's (../figures.ts), so the live view and `--headless` never disagree.
 * Pure.
 */
import type {RunSummary} from '../../sim/index.js';
import {compareFigures, figures, formatDifference, type Figure} from '../figures.js';

const byId = new Map(figures.map(figure => [figure.id, figure]));

/** Instances running or starting now (the headless table has the peak; live, now matters). */
const instancesNow: Figure = {id: 'instances', label: 'instances', better: 'neither', value: s => s.instances.final, format: value => String(value)};

/** The strip's figures, left to right, with their column headings. */
const stripFigures: ReadonlyArray<{readonly heading: string; readonly figure: Figure}> = [
	{heading: '5xx', figure: byId.get('5xx')!},
	{heading: 'p99 ms', figure: byId.get('p99')!},
	{heading: 'cost', figure: byId.get('cost')!},
	{heading: 'instances', figure: instancesNow},
	{heading: 'peak', figure: byId.get('peak')!},
	{heading: 'activities', figure: byId.get('activities')!},
];

/** The strip's first column heading (the rows' names). */
export const stripSideColumn = 'so far';

/** The strip's columns, left to right. */
export const stripColumns: readonly string[] = [stripSideColumn, ...stripFigures.map(entry => entry.heading)];

/** Every column but the first holds numbers. */
export const stripNumberColumns: readonly string[] = stripColumns.slice(1);

/** The strip's rows: A, B, B − A and the better side, one cell per figure. */
export function stripRows(a: RunSummary, b: RunSummary, labels: {readonly a: string; readonly b: string}): Array<Record<string, string>> {
	const compared = compareFigures(a, b, stripFigures.map(entry => entry.figure));
	const row = (name: string, cell: (index: number) => string) => Object.fromEntries([[stripSideColumn, name], ...stripFigures.map((entry, index) => [entry.heading, cell(index)])]);
	return [
		row(`A ${labels.a}`, index => compared[index]!.figure.format(compared[index]!.a)),
		row(`B ${labels.b}`, index => compared[index]!.figure.format(compared[index]!.b)),
		row('B − A', index => formatDifference(compared[index]!.figure, compared[index]!.difference)),
		row('better', index => compared[index]!.winner),
	];
}
