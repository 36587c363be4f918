import type {ReactNode} from 'react';
import {renderToString} from 'ink';

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
