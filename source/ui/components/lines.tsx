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

/** Are two view-models the same: one object, or objects whose fields are the same values (a panel's input is often built fresh around unchanged parts)? */
export function isSameVm(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every(key => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** Memo comparison for panels: the same view-model (see {@link isSameVm}) and a box of the same size. */
export function samePanelProps<T>(a: PanelProps<T>, b: PanelProps<T>): boolean {
	return isSameVm(a.vm, b.vm) && a.box.width === b.box.width && a.box.height === b.box.height;
}

/** A memoised panel drawn from a lines function. */
export function linesPanel<T>(name: string, lines: (vm: T, box: PanelBox) => PanelContent) {
	const Panel = memo(function Panel({vm, box}: PanelProps<T>) {
		return <Lines content={lines(vm, box)} box={box} />;
	}, samePanelProps);
	Panel.displayName = name;
	return Panel;
}

/** The `+N more` line of a panel that cannot show all its rows. */
export function moreLine(hidden: number, what = 'more'): Line {
	return [{text: `+${hidden} ${what}`, tone: 'dim'}];
}

/**
 * `rows` fitted to `room` lines: all of them when they fit, else the first `room − 1` and a
 * `+N more` line, so a panel never hides rows without saying so (htop's and k9s's habit).
 */
export function fitRows(rows: readonly Line[], room: number, what = 'more'): Line[] {
	if (rows.length <= room) return [...rows];
	if (room <= 0) return [];
	const shown = Math.max(0, room - 1);
	return [...rows.slice(0, shown), moreLine(rows.length - shown, what)];
}
