/**
 * The top-like instance table. A small component of our own rather than @alcalzone/ink-table:
 * that table draws box borders around every cell, sizes columns from content only and styles
 * whole cells through Ink props, while this one needs a dense, borderless, fixed-width grid
 * with a flexible CPU-bar column, per-segment colour, a reverse-video selected row and
 * scrolling — and one text node per row to stay cheap at 10 fps.
 */
import {glyphs, type Line, type Segment} from '../theme.js';
import {fitLine, lineText, seg} from '../paint.js';
import {bar, fit, fitRight} from '../view-models/format.js';
import type {InstanceRowVm} from '../view-models/to-instance-rows.js';
import {scrollToShow, type SortColumn} from '../ui-state.js';

type Column = {readonly key: SortColumn; readonly title: string; readonly width: number; readonly isRight: boolean};

/** Column widths for this width and these rows; the CPU bar takes what is left (at least 4). */
export function tableColumns(rows: readonly InstanceRowVm[], width: number): {readonly columns: readonly Column[]; readonly barWidth: number} {
	const longest = (pick: (r: InstanceRowVm) => string, min: number) => rows.reduce((m, r) => Math.max(m, pick(r).length), min);
	const isWide = width >= 100;
	const columns: Column[] = [
		{key: 'id', title: 'ID', width: longest((r) => r.id, 6), isRight: false},
		{key: 'type', title: 'TYPE', width: longest((r) => r.instanceType, 8), isRight: false},
		{key: 'zone', title: 'AZ', width: isWide ? longest((r) => r.zone, 4) : 2, isRight: false},
		{key: 'state', title: 'STATE', width: longest((r) => r.state, 9), isRight: false},
		{key: 'health', title: 'HEALTH', width: isWide ? longest((r) => r.health, 9) : 9, isRight: false},
		{key: 'cpu', title: 'CPU%', width: 4, isRight: true},
		{key: 'rps', title: 'REQ/S', width: 6, isRight: true},
		{key: 'inFlight', title: 'INFL', width: 5, isRight: true},
		{key: 'latency', title: 'LAT', width: 7, isRight: true},
		{key: 'uptime', title: 'UP', width: 7, isRight: true},
	];
	const fixed = 1 + columns.reduce((sum, c) => sum + c.width + 1, 0);
	return {columns, barWidth: Math.min(40, Math.max(4, width - fixed - 1))};
}

function cellText(row: InstanceRowVm, key: SortColumn, zoneWidth: number): string {
	switch (key) {
		case 'id': return row.id;
		case 'type': return row.instanceType;
		case 'zone': return zoneWidth < row.zone.length ? row.zone.slice(-zoneWidth) : row.zone;
		case 'state': return row.state;
		case 'health': return row.health;
		case 'cpu': return row.cpu;
		case 'rps': return row.rps;
		case 'inFlight': return row.inFlight;
		case 'latency': return row.latency;
		case 'uptime': return row.uptime;
	}
}

/** What the table shows. */
export type InstanceTableInput = {
	readonly rows: readonly InstanceRowVm[];
	readonly selectedId: string | undefined;
	readonly sortColumn: SortColumn;
	readonly isSortDescending: boolean;
	readonly scrollOffset: number;
	readonly width: number;
	/** Rows including the column header. */
	readonly height: number;
};

/** The table's lines (header first), the selected line's index, for the visible window. */
export function instanceTableLines(props: InstanceTableInput): {readonly lines: Line[]; readonly selectedLine: number | undefined} {
	const {rows, selectedId, sortColumn, isSortDescending, width, height} = props;
	const {columns, barWidth} = tableColumns(rows, width);
	const visible = Math.max(0, height - 1);
	const found = rows.findIndex((r) => r.id === selectedId);
	const selectedIndex = found === -1 ? 0 : found;
	const offset = scrollToShow(props.scrollOffset, selectedIndex, visible, rows.length);
	const arrow = isSortDescending ? glyphs.sortDescending : glyphs.sortAscending;
	let head: Segment[] = [seg(' ')];
	for (const c of columns) {
		const isSorted = c.key === sortColumn;
		if (c.key === 'cpu') head.push(seg(fit('', barWidth + 1)));
		if (isSorted && c.isRight) {
			// The arrow goes left of a right-aligned title, in the gap before it.
			head.pop();
			head.push(seg(fitRight(`${arrow}${c.title}`, c.width + 1), 'accent'), seg(' '));
		} else {
			const title = isSorted ? `${c.title}${arrow}` : c.title;
			head.push(seg(c.isRight ? fitRight(title, c.width) : fit(title, c.width), isSorted ? 'accent' : 'title'), seg(' '));
		}
	}
	if (rows.length > visible) {
		// Where the window is in a long fleet; it takes the place of the last titles if it must.
		const counter = `${offset + 1}-${Math.min(rows.length, offset + visible)}/${rows.length}`;
		head = [...fitLine(head, Math.min(lineText(head).length, width - counter.length - 1)), seg(' '), seg(counter, 'dim')];
	}
	const lines: Line[] = [head];
	for (const row of rows.slice(offset, offset + visible)) {
		const line: Segment[] = [seg(row.marker, row.tone)];
		for (const c of columns) {
			const text = c.isRight ? fitRight(cellText(row, c.key, c.width), c.width) : fit(cellText(row, c.key, c.width), c.width);
			if (c.key === 'cpu') line.push(seg(bar(row.cpuPercent, barWidth), row.cpuPercent >= 90 ? 'alarm' : row.cpuPercent >= 70 ? 'warn' : 'ok'), seg(' '));
			const tone = c.key === 'health' ? row.healthTone : c.key === 'id' || c.key === 'state' ? row.tone : 'normal';
			line.push(seg(text, tone), seg(' '));
		}
		lines.push(line);
	}
	if (rows.length === 0) lines.push([seg(' no instances', 'dim')]);
	return {lines, selectedLine: rows.length === 0 ? undefined : selectedIndex - offset + 1};
}
