import React from 'react';
import type {Line, Theme} from '../theme.js';
import {seg} from '../paint.js';
import {minColumns, minRows} from '../layout.js';
import {Lines} from './lines.js';

/** The message: `terminal too small: need 80×24, have W×H` (on two lines when narrower than it). */
export function tooSmallLines(columns: number, rows: number): Line[] {
	const head = 'terminal too small:';
	const tail = `need ${minColumns}×${minRows}, have ${columns}×${rows}`;
	if (head.length + 1 + tail.length <= columns) return [[seg(`${head} ${tail}`, 'warn')]];
	return [[seg(head, 'warn')], [seg(tail, 'warn')]];
}

/** Props of {@link TooSmall}. */
export type TooSmallProps = {readonly columns: number; readonly rows: number; readonly theme: Theme};

/** Shown instead of the dashboard below 80×24; the dashboard comes back when the terminal grows. */
export function TooSmall({columns, rows, theme}: TooSmallProps) {
	const lines = tooSmallLines(columns, rows);
	return <Lines lines={lines} width={Math.max(1, columns)} height={Math.max(1, Math.min(lines.length, rows - 1))} theme={theme} />;
}
