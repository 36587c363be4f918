import type {ReactNode} from 'react';
import {renderToString} from 'ink';
import {paintLine} from '../../../source/ui/paint.js';
import {makeTheme, type Line} from '../../../source/ui/theme.js';

/** Escape sequences (SGR and friends). */
export const ansiPattern = /\u001B\[[0-9;?]*[A-Za-z]/g;

/** Text without escape codes and without trailing spaces on each line. */
export function plain(text: string): string {
	return text.replace(ansiPattern, '').split('\n').map((line) => line.trimEnd()).join('\n');
}

/** Render an element at `columns` and return what a user reads (no colours). */
export function renderText(node: ReactNode, columns: number): string {
	return plain(renderToString(node, {columns}));
}

/** Render an element at `columns` with its escape codes. */
export function renderRaw(node: ReactNode, columns: number): string {
	return renderToString(node, {columns});
}

/** Painted lines of a panel (exactly `height` rows of `width`), as a user reads them and raw. */
export function showLines(lines: readonly Line[], width: number, height = lines.length, selectedIndex?: number): {readonly text: string; readonly raw: string} {
	const theme = makeTheme('color');
	const raw: string[] = [];
	for (let i = 0; i < height; i++) raw.push(paintLine(lines[i] ?? [], width, theme, i === selectedIndex));
	return {text: plain(raw.join('\n')), raw: raw.join('\n')};
}

/** Plain text of a panel's painted lines. */
export function show(lines: readonly Line[], width: number, height = lines.length): string {
	return showLines(lines, width, height).text;
}
