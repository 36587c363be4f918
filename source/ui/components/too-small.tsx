import React from 'react';
import {tooSmallLines} from '../panels/too-small.js';
import type {Theme} from '../theme.js';
import {Lines} from './lines.js';

/** Props of {@link TooSmall}. */
export type TooSmallProps = {readonly columns: number; readonly rows: number; readonly theme: Theme};

/** Shown instead of the dashboard below 80×24; the dashboard comes back when the terminal grows. */
export function TooSmall({columns, rows, theme}: TooSmallProps) {
	const lines = tooSmallLines(columns, rows);
	return <Lines lines={lines} width={Math.max(1, columns)} height={Math.max(1, Math.min(lines.length, rows - 1))} theme={theme} />;
}

