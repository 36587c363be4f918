/**
 * The `?` overlay, in place of the panels: every key from the one key table, and what the
 * instance table's markers and columns and the load balancer panel's columns mean, each a
 * bordered table (./bordered-table.tsx). Side by side when the screen is wide enough to show
 * everything; else one under the other, scrolled with ↑↓ PgUp PgDn (the tables keep their
 * headings while their rows scroll).
 */
import React, {memo} from 'react';
import {Box} from 'ink';
import {seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {truncateToWidth} from '../text-width.js';
import type {HelpSectionVm, HelpVm} from '../view-models/to-help.js';
import {BorderedTable, borderedTableHeight, borderedTableWidth} from './bordered-table.js';
import {Lines} from './lines.js';

/** What the overlay shows: its content and the first row shown. */
export type HelpInput = {readonly help: HelpVm; readonly scroll: number};

/** The section with its last column cut to fit `width` (and the first dropped when even that is not enough). */
export function fittedSection(section: HelpSectionVm, width: number): HelpSectionVm {
	let {columns} = section;
	const others = (list: readonly string[]) => borderedTableWidth(list.slice(0, -1), section.rows) + 3;
	if (columns.length > 2 && others(columns) + 50 > width) columns = columns.slice(1);
	const last = columns.at(-1)!;
	const room = Math.max(4, width - others(columns));
	return {...section, columns, rows: section.rows.map(row => ({...row, [last]: truncateToWidth(row[last] ?? '', room)}))};
}

/** Do all sections fit side by side (the first on the left, the rest stacked on the right) without scrolling? */
function fitsSideBySide(sections: readonly HelpSectionVm[], box: PanelBox): boolean {
	const [first, ...rest] = sections;
	const left = borderedTableWidth(first.columns, first.rows);
	const right = Math.max(...rest.map(s => borderedTableWidth(s.columns, s.rows)));
	const leftHeight = 1 + borderedTableHeight(first.rows.length);
	const rightHeight = rest.reduce((sum, s) => sum + 1 + borderedTableHeight(s.rows.length), 0);
	return left + 2 + right <= box.width && Math.max(leftHeight, rightHeight) + 1 <= box.height;
}

function Section({section, width}: {readonly section: HelpSectionVm; readonly width: number}) {
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Lines content={{lines: [[seg(section.title, 'title')]]}} box={{width, height: 1}} />
			<BorderedTable columns={section.columns} rows={section.rows} />
		</Box>
	);
}

/** The help overlay. */
export const HelpOverlay = memo(function HelpOverlay({vm, box}: {readonly vm: HelpInput; readonly box: PanelBox}) {
	const {help, scroll} = vm;
	const title = <Lines content={{lines: [titleLine('Help', box.width, [seg('↑↓ PgUp PgDn scroll · any other key closes', 'dim')], true)]}} box={{width: box.width, height: 1}} />;
	if (fitsSideBySide(help.sections, box)) {
		const [first, ...rest] = help.sections;
		const leftWidth = borderedTableWidth(first.columns, first.rows);
		return (
			<Box flexDirection="column" width={box.width} height={box.height} overflow="hidden">
				{title}
				<Box flexDirection="row">
					<Box width={leftWidth + 2} flexShrink={0}><Section section={first} width={leftWidth} /></Box>
					<Box flexDirection="column" flexShrink={0}>{rest.map(s => <Section key={s.title} section={s} width={borderedTableWidth(s.columns, s.rows)} />)}</Box>
				</Box>
			</Box>
		);
	}

	// Stacked: the first `scroll` rows (across the sections) are scrolled away; a section with none left is left out.
	let skip = scroll;
	const shown: HelpSectionVm[] = [];
	for (const section of help.sections) {
		const fitted = fittedSection(section, box.width);
		if (skip >= fitted.rows.length) {
			skip -= fitted.rows.length;
			continue;
		}

		shown.push({...fitted, rows: fitted.rows.slice(skip)});
		skip = 0;
	}

	return (
		<Box flexDirection="column" width={box.width} height={box.height} overflow="hidden">
			{title}
			{shown.map(s => <Section key={s.title} section={s} width={box.width} />)}
		</Box>
	);
}, (a, b) => a.vm === b.vm && a.box.width === b.box.width && a.box.height === b.box.height);

/** Rows the stacked overlay shows at once in a box of `height` (for paging): the first table's rows. */
export function helpViewportRows(height: number): number {
	return Math.max(1, height - 1 - 1 - borderedTableHeight(0));
}

/** Lines the overlay takes when its first `scroll` rows are scrolled away (stacked). */
function stackedHeight(help: HelpVm, scroll: number): number {
	let skip = scroll;
	let height = 1;
	for (const section of help.sections) {
		const left = section.rows.length - skip;
		skip = Math.max(0, -left);
		if (left > 0) height += 1 + borderedTableHeight(left);
	}

	return height;
}

/**
 * How far the overlay scrolls in `box`: to where the last rows fill the box (0 when everything
 * fits). PgDn on the last page shows the whole last page, not its top rows over empty space.
 */
export function helpMaxScroll(help: HelpVm, box: PanelBox): number {
	if (fitsSideBySide(help.sections, box)) return 0;
	const rows = help.sections.reduce((sum, s) => sum + s.rows.length, 0);
	let scroll = 0;
	while (scroll < rows - 1 && stackedHeight(help, scroll) > box.height) scroll++;
	return scroll;
}
