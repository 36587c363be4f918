/**
 * The one way a panel's lines reach Ink: a box of exactly its size with one <Text> per row,
 * each row painted by the theme to exactly the box's width (./paint.ts). One text node per row,
 * colour inside it, no padding of styled spaces: what Ink's maintainers advise for speed, and
 * what keeps every frame within 1.5× of Ink's floor (docs/dashboard.md). The recorder paints the
 * same rows with `paintBlock` and joins them without Ink.
 */
import React, {memo, useContext} from 'react';
import {Box, Text} from 'ink';
import {paintLine} from '../paint.js';
import type {Line, Theme} from '../theme.js';
import type {PanelBox} from '../layout.js';
import {ThemeContext} from './theme-context.js';

/** A panel's content for its box: rows of segments and the selected row, if any. */
export type PanelContent = {readonly lines: readonly Line[]; readonly selected?: number};

/** The rows of a box painted: exactly `box.height` strings of exactly `box.width` columns. */
export function paintBlock(content: PanelContent, box: PanelBox, theme: Theme): string[] {
	const out: string[] = [];
	for (let i = 0; i < box.height; i++) out.push(paintLine(content.lines[i] ?? [], box.width, theme, i === content.selected));
	return out;
}

/** Trailing spaces outside any style: Ink pads the box itself. An empty row keeps one space so that it still takes its row. */
function trimmed(line: string): string {
	const text = line.replace(/ +$/, '');
	return text === '' ? ' ' : text;
}

/** A box of rows. */
export const Lines = memo(function Lines({content, box}: {readonly content: PanelContent; readonly box: PanelBox}) {
	const theme = useContext(ThemeContext);
	const rows = paintBlock(content, box, theme);
	return (
		<Box flexDirection="column" width={box.width} height={box.height} flexShrink={0} overflow="hidden">
			{rows.map((row, i) => (
				<Text key={i} wrap="truncate">{trimmed(row)}</Text>
			))}
		</Box>
	);
});

/** Props of a panel: its view-model and its box, nothing else. */
export type PanelProps<T> = {readonly vm: T; readonly box: PanelBox};

/** Memo comparison for panels: the same view-model object and a box of the same size. */
export function samePanelProps<T>(a: PanelProps<T>, b: PanelProps<T>): boolean {
	return a.vm === b.vm && a.box.width === b.box.width && a.box.height === b.box.height;
}

/** A memoised panel drawn from a lines function. */
export function linesPanel<T>(name: string, lines: (vm: T, box: PanelBox) => PanelContent) {
	const Panel = memo(function Panel({vm, box}: PanelProps<T>) {
		return <Lines content={lines(vm, box)} box={box} />;
	}, samePanelProps);
	Panel.displayName = name;
	return Panel;
}

/** `+N more` when `shown` of `total` rows fit. */
export function moreLine(hidden: number): Line {
	return [{text: `+${hidden} more`, tone: 'dim'}];
}
