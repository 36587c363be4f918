/**
 * Where the live comparison's parts go in a terminal of a size. Pure.
 *
 * Stacked: a header line (the two presets and whether they see the same traffic), dashboard A
 * and dashboard B (compact: ../../ui/layout.ts), the comparison strip and the key bar. Two
 * compact dashboards side by side would need 160 columns; stacked they fit 120×40 (15 rows each)
 * and anything from 80×36. Shorter than that, the dashboards give way to their header lines
 * (clock, speed, cost) above the strip, and a line says what the dashboards need; under 80×14
 * the view says the size it needs.
 */
import {minColumns, minCompactRows} from '../../ui/layout.js';
import {borderedTableHeight} from '../../ui/components/bordered-table.js';

/** Rows of the strip: its borders, headings and rule, and the rows A, B, B − A, better. */
export const stripHeight = borderedTableHeight(4);

/** Rows besides the two dashboards: the header, the strip, the key bar. */
const chromeRows = 1 + stripHeight + 1;

/** The smallest terminal that shows both dashboards. */
export const stackedMinRows = chromeRows + 2 * minCompactRows;

/** The smallest terminal the comparison draws in at all (header, both side headers, strip, a note, key bar). */
export const compareMinRows = chromeRows + 3;

export type ComparePlan =
	| {readonly kind: 'too-small'; readonly columns: number; readonly rows: number}
	/** Both dashboards, A above B, `sideRows` rows each. */
	| {readonly kind: 'stacked'; readonly width: number; readonly sideRows: readonly [number, number]}
	/** Each side's header line only, and a note of the size that shows the dashboards. */
	| {readonly kind: 'headers'; readonly width: number; readonly spareRows: number};

/** The plan for a `columns`×`rows` terminal. */
export function planCompare(columns: number, rows: number): ComparePlan {
	if (columns < minColumns || rows < compareMinRows) return {kind: 'too-small', columns, rows};
	const sides = rows - chromeRows;
	if (rows >= stackedMinRows) return {kind: 'stacked', width: columns, sideRows: [Math.ceil(sides / 2), Math.floor(sides / 2)]};
	return {kind: 'headers', width: columns, spareRows: rows - compareMinRows};
}

/** The note shown instead of the dashboards when the terminal is too short for them. */
export function headersNote(columns: number, rows: number): string {
	return `both dashboards need ${Math.max(columns, minColumns)}×${stackedMinRows} (this terminal is ${columns}×${rows}): the figures so far, below`;
}

/** The message of a terminal too small for the comparison. */
export function compareTooSmall(columns: number, rows: number): string {
	return `terminal too small for a comparison: need ${minColumns}×${compareMinRows} (${minColumns}×${stackedMinRows} for both dashboards), have ${columns}×${rows}`;
}
