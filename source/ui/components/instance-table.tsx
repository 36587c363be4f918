/**
 * The top-like instance table. A component of our own rather than @alcalzone/ink-table (which
 * the `?` overlay uses): that table draws a border around every cell, sizes columns from
 * their content only, measures with `.length` and styles whole cells, while this one is a
 * dense, borderless, fixed-width grid that drops its least needed columns when narrow, with a
 * flexible CPU-bar column, per-segment colour, a reverse-video selected row whose bar keeps
 * its look, zone headings, scrolling, and one text node per row to stay cheap at 10 fps.
 */
import {glyphs, type Line, type Segment} from '../theme.js';
import {lineWidth, seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {bar, fit, fitRight} from '../view-models/format.js';
import {textWidth} from '../text-width.js';
import type {InstanceRowVm, InstanceTableVm, TableRowVm} from '../view-models/to-instance-rows.js';
import {columnTitles, scrollToShow, type SortColumn} from '../ui-state.js';
import {linesPanel, type PanelContent} from './lines.js';

/** What the table shows: its rows, the selected instance, the scroll position and the focus. */
export type InstanceTableInput = {
	readonly table: InstanceTableVm;
	readonly selectedId: string | undefined;
	/** First row shown (kept by the UI state; adjusted here so that the selection shows). */
	readonly scrollOffset: number;
	readonly isFocused: boolean;
};

/** A column: a sort column, or the TIER column (shown when the route has tiers behind the fleet; not a sort column). */
type ColumnKey = SortColumn | 'tier';
type Column = {readonly key: ColumnKey; readonly width: number; readonly isRight: boolean; readonly cell: (row: InstanceRowVm, width: number) => string};

const titleOf = (key: ColumnKey) => (key === 'tier' ? 'TIER' : columnTitles[key]);

/** Rows above the instances: the title and the column titles. */
const headRows = 2;

/** Columns left out first when the table is narrow (the first goes first). */
const dropOrder: readonly ColumnKey[] = ['inFlight', 'uptime', 'type', 'ec2', 'latency'];

/** The narrowest the CPU bar may get before columns are dropped. */
const minBarWidth = 8;

const longest = (rows: readonly InstanceRowVm[], pick: (r: InstanceRowVm) => string, min: number) => rows.reduce((m, r) => Math.max(m, textWidth(pick(r))), min);

/** The columns that fit `width`, with their widths, and the CPU bar's width (what is left, at most 40). */
export function tableColumns(rows: readonly InstanceRowVm[], width: number, hasTiers = false): {readonly columns: readonly Column[]; readonly barWidth: number} {
	const isWide = width >= 100;
	let columns: Column[] = [
		// Below 100 columns a long id (an RDS identifier: scaletop-db-replica-1) keeps its end, which tells the nodes apart.
		{key: 'id', width: isWide ? longest(rows, r => r.id, 6) : Math.min(14, longest(rows, r => r.id, 6)), isRight: false, cell: (r, w) => (textWidth(r.id) > w ? `…${r.id.slice(-(w - 1))}` : r.id)},
		...(hasTiers ? [{key: 'tier' as const, width: longest(rows, r => r.tier, 4), isRight: false, cell: (r: InstanceRowVm) => r.tier}] : []),
		{key: 'type', width: longest(rows, r => r.instanceType, 8), isRight: false, cell: r => r.instanceType},
		{key: 'zone', width: isWide ? longest(rows, r => r.zone, 4) : 2, isRight: false, cell: (r, w) => (w < r.zone.length ? r.zone.slice(-w) : r.zone)},
		{key: 'lifecycle', width: longest(rows, r => r.lifecycle, 9), isRight: false, cell: r => r.lifecycle},
		{key: 'ec2', width: longest(rows, r => r.ec2, 7), isRight: false, cell: r => r.ec2},
		{key: 'health', width: longest(rows, r => r.health, isWide ? 9 : 7), isRight: false, cell: r => r.health},
		{key: 'cpu', width: 4, isRight: true, cell: r => r.cpu},
		{key: 'rps', width: 6, isRight: true, cell: r => r.rps},
		{key: 'inFlight', width: 5, isRight: true, cell: r => r.inFlight},
		{key: 'latency', width: 7, isRight: true, cell: r => r.latency},
		{key: 'uptime', width: 7, isRight: true, cell: r => r.uptime},
	];
	// Marker, one space after each column, one before the bar.
	const fixedWidth = (list: readonly Column[]) => 1 + list.reduce((sum, c) => sum + c.width + 1, 0) + 1;
	for (const key of dropOrder) {
		if (width - fixedWidth(columns) >= minBarWidth) break;
		columns = columns.filter(c => c.key !== key);
	}

	return {columns, barWidth: Math.min(40, Math.max(4, width - fixedWidth(columns)))};
}

/** The column titles, the sorted one with its arrow. */
function headLine(table: InstanceTableVm, columns: readonly Column[], barWidth: number): Line {
	const arrow = table.isSortDescending ? glyphs.sortDescending : glyphs.sortAscending;
	const head: Segment[] = [seg(' ')];
	for (const c of columns) {
		const isSorted = c.key === table.sortColumn;
		const title = titleOf(c.key);
		if (c.key === 'cpu') head.push(seg(fit('', barWidth + 1)));
		if (isSorted && c.isRight) {
			// The arrow goes left of a right-aligned title, in the gap before it.
			head.pop();
			head.push(seg(c.key === 'cpu' ? fit('', barWidth) : ''), seg(fitRight(`${arrow}${title}`, c.width + 1), 'accent'), seg(' '));
		} else {
			const text = isSorted ? `${title}${arrow}` : title;
			head.push(seg(c.isRight ? fitRight(text, c.width) : fit(text, c.width), isSorted ? 'accent' : 'title'), seg(' '));
		}
	}

	return head;
}

/** The title: how many instances, the tier shown, where the window is, the filter and what it leaves out (k9s's title bar). */
function tableTitle(table: InstanceTableVm, width: number, counter: string, isFocused: boolean): Line {
	const extra: Segment[] = [seg(`${table.ids.length}`, 'normal')];
	if (table.tiers.length > 0) extra.push(seg(' · ', 'dim'), seg(table.tierView === 'all' ? 'every tier' : `tier ${table.tierView}`, 'accent'), seg(' (v next)', 'dim'));
	if (counter) extra.push(seg(` · ${counter}`, 'dim'));
	if (table.filter !== '') extra.push(seg(' · ', 'dim'), seg(`/${table.filter}`, 'accent'), seg(` ${table.filteredOut} filtered out (Esc clears)`, 'dim'));
	if (table.hiddenTerminated > 0) extra.push(seg(` · ${table.hiddenTerminated} terminated hidden (t shows)`, 'dim'));
	return titleLine('Instances', width, extra, isFocused);
}

/** One instance's line. */
function rowLine(row: InstanceRowVm, columns: readonly Column[], barWidth: number): Line {
	const line: Segment[] = [seg(row.marker, row.tone)];
	for (const c of columns) {
		const text = c.isRight ? fitRight(c.cell(row, c.width), c.width) : fit(c.cell(row, c.width), c.width);
		if (c.key === 'cpu') {
			// A t2 out of CPU credits is held at its baseline: the bar says so, or its low CPU% with a long latency is a mystery.
			const gauge = row.isThrottled ? (barWidth >= 12 ? `${bar(row.cpuPercent, barWidth - 10)} THROTTLED` : fit('THROTTLED', barWidth)) : bar(row.cpuPercent, barWidth);
			line.push({text: gauge, tone: row.isThrottled ? 'warn' : row.cpuPercent >= 90 ? 'alarm' : row.cpuPercent >= 70 ? 'warn' : 'ok', isGauge: true}, seg(' '));
		}

		const tone = c.key === 'health' ? row.healthTone : c.key === 'id' || c.key === 'lifecycle' || c.key === 'ec2' ? row.tone : c.key === 'tier' ? 'dim' : c.key === 'cpu' && row.isThrottled ? 'warn' : 'normal';
		line.push(seg(text, tone), seg(' '));
	}

	return line;
}

/** A zone heading: `── us-east-1a · 3 instances, 3 healthy ───`. */
function zoneLine(text: string, tone: Segment['tone'], width: number): Line {
	const head: Line = [seg(`${glyphs.rule}${glyphs.rule} `, 'dim'), seg(text, tone), seg(' ')];
	return [...head, seg(glyphs.rule.repeat(Math.max(0, width - lineWidth(head))), 'dim')];
}

/** The table's lines for its box (column header first) and the selected line. */
export function instanceTableLines(input: InstanceTableInput, box: PanelBox): PanelContent {
	const {table, selectedId} = input;
	const {width, height} = box;
	const instances = table.rows.filter((r): r is InstanceRowVm => r.kind === 'instance');
	const {columns, barWidth} = tableColumns(instances, width, table.tiers.length > 0);
	const total = table.rows.length;
	const room = Math.max(0, height - headRows);
	const overflows = total > room;
	// A long fleet keeps its last line for `+N more`.
	const visible = overflows ? Math.max(1, room - 1) : room;
	const found = table.rows.findIndex(r => r.kind === 'instance' && r.id === selectedId);
	const selectedIndex = found === -1 ? table.rows.findIndex(r => r.kind === 'instance') : found;
	const offset = scrollToShow(input.scrollOffset, Math.max(0, selectedIndex), visible, total);
	const counter = overflows ? `rows ${offset + 1}-${Math.min(total, offset + visible)} of ${total}` : '';
	const lines: Line[] = [tableTitle(table, width, counter, input.isFocused), headLine(table, columns, barWidth)];
	for (const row of table.rows.slice(offset, offset + visible) as readonly TableRowVm[]) {
		lines.push(row.kind === 'zone' ? zoneLine(row.text, row.tone, width) : rowLine(row, columns, barWidth));
	}

	if (overflows) {
		const below = total - offset - visible;
		lines.push([seg(below > 0 ? ` +${below} more (↓ PgDn scroll)` : ` ${offset} above (↑ PgUp scroll)`, 'dim')]);
	}

	if (total === 0) lines.push([seg(table.filter === '' ? ' no instances' : ` no instance matches "${table.filter}" (Esc clears the filter)`, 'dim')]);
	const selected = selectedIndex >= offset && selectedIndex < offset + visible ? headRows + selectedIndex - offset : undefined;
	return {lines, selected};
}

/** Rows of instances the table shows at once in a box of `height` (for paging). */
export function tableViewportRows(total: number, height: number): number {
	const room = Math.max(0, height - headRows);
	return Math.max(1, total > room ? room - 1 : room);
}

/** The instance table. */
export const InstanceTable = linesPanel<InstanceTableInput>('InstanceTable', instanceTableLines);
