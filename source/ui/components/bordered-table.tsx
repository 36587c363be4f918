/**
 * A bordered table drawn by @alcalzone/ink-table (the maintained ES-module fork of ink-table,
 * which works with Ink 6), for short tables where borders help reading: the `?` overlay's
 * sections, a comparison's summary. Reusable: give it column names and rows of text.
 *
 * Two changes to the library's drawing, both made here rather than by hand-written tables:
 * - one rule under the heading instead of a rule between every row (the library's default
 *   doubles a table's height, and the overlay must fit 80×24);
 * - widths by display width (string-width), not `.length`: the library pads cells by `.length`,
 *   so a CJK name or an emoji would push the borders out of line; each cell is re-padded
 *   here to the column's display width.
 * Colours come from the theme (so NO_COLOR holds), and box glyphs become ASCII with `--ascii`.
 */
import React, {useContext} from 'react';
import {Box, Text} from 'ink';
import {Table, type CellProps} from '@alcalzone/ink-table';
import {toAscii, type Theme, type Tone} from '../theme.js';
import {textWidth} from '../text-width.js';
import {ThemeContext} from './theme-context.js';

type Row = Readonly<Record<string, string>>;

/** Props of {@link BorderedTable}. */
export type BorderedTableProps = {
	/** Column names, left to right: each is the heading and the key of its cells in `rows`. */
	readonly columns: readonly string[];
	readonly rows: readonly Row[];
	/** Columns aligned right (numbers). */
	readonly alignRight?: readonly string[];
};

/**
 * A cell's text (padded by the library by `.length`) re-padded to its display width: the
 * difference is taken from, or given to, the side with more padding (the right for
 * left-aligned cells, the left for right-aligned ones).
 */
export function repad(cell: string): string {
	const excess = textWidth(cell) - cell.length;
	if (excess === 0) return cell;
	const left = cell.length - cell.trimStart().length;
	const right = cell.length - cell.trimEnd().length;
	if (excess > 0) {
		return right >= left ? cell.slice(0, cell.length - Math.min(excess, right)) : cell.slice(Math.min(excess, left));
	}

	return right >= left ? cell + ' '.repeat(-excess) : ' '.repeat(-excess) + cell;
}

function painted(theme: Theme, tone: Tone, text: string): string {
	return theme.paint(tone, theme.charset === 'ascii' ? toAscii(text) : text);
}

function HeadingCell({children}: React.PropsWithChildren) {
	const theme = useContext(ThemeContext);
	return <Text>{painted(theme, 'title', repad(String(children)))}</Text>;
}

function BodyCell({children}: CellProps) {
	const theme = useContext(ThemeContext);
	return <Text>{painted(theme, 'normal', repad(String(children)))}</Text>;
}

function Border({children}: React.PropsWithChildren) {
	const theme = useContext(ThemeContext);
	return <Text>{painted(theme, 'dim', String(children))}</Text>;
}

/** The library's table with one rule under the heading and widths by display width. */
class CompactTable extends Table<Row> {
	override getColumns() {
		const {columns, padding} = this.getConfig();
		return columns.map(propsOrKey => {
			const props = typeof propsOrKey === 'object' ? propsOrKey : {key: propsOrKey, align: 'left' as const};
			const key = String(props.key);
			const width = Math.max(textWidth(key), ...this.props.data.map(row => textWidth(String(row[key] ?? '')))) + padding * 2;
			return {column: key, width, key, align: props.align ?? 'left'};
		});
	}

	override render() {
		const columns = this.getColumns();
		return (
			<Box flexDirection="column">
				{this.header({key: 'header', columns, data: {}})}
				{this.heading({key: 'heading', columns, data: this.getHeadings()})}
				{this.separator({key: 'separator', columns, data: {}})}
				{this.props.data.map((row, index) => (
					// eslint-disable-next-line react/no-array-index-key -- rows have no identity of their own
					<Box key={index}>{this.data({key: `row-${index}`, columns, data: row})}</Box>
				))}
				{this.footer({key: 'footer', columns, data: {}})}
			</Box>
		);
	}
}

/** Rows a table of `rows` rows takes on screen: borders, heading, its rule, the rows. */
export function borderedTableHeight(rows: number): number {
	return rows + 4;
}

/** Columns a table takes: a border before each column and after the last, each column one space either side. */
export function borderedTableWidth(columns: readonly string[], rows: readonly Row[]): number {
	return 1 + columns.reduce((sum, c) => sum + Math.max(textWidth(c), ...rows.map(r => textWidth(r[c] ?? ''))) + 3, 0);
}

/** A bordered table of text. */
export function BorderedTable({columns, rows, alignRight = []}: BorderedTableProps) {
	const spec = columns.map(key => ({key, align: alignRight.includes(key) ? ('right' as const) : ('left' as const)}));
	return <CompactTable data={[...rows]} columns={spec} padding={1} header={HeadingCell} cell={BodyCell} skeleton={Border} />;
}
