/**
 * One full dashboard frame as a string, without a terminal: for the recorder and tests. It is
 * exactly what the live dashboard shows at that size in its default UI state (running, 1×,
 * first instance selected, sorted by id), with ANSI colours when `isColor`, else the NO_COLOR
 * look (bold / dim only). Lines are joined with `\n`; the frame is `rows − 1` lines tall.
 */
import React from 'react';
import {renderToString} from 'ink';
import type {SimState} from '../sim/index.js';
import {Dashboard} from './dashboard.js';
import {makeTheme} from './theme.js';
import {initialUiState, type UiState} from './ui-state.js';
import {toDashboardVm} from './view-models/to-dashboard.js';

export type FrameOptions = {readonly columns: number; readonly rows: number; readonly isColor: boolean};

/** Render the dashboard for `state` at `columns`×`rows`. `ui` defaults to a fresh UI state. */
export function renderFrame(state: SimState, options: FrameOptions, ui: UiState = initialUiState()): string {
	const vm = toDashboardVm(state, ui);
	return renderToString(
		<Dashboard vm={vm} ui={ui} columns={options.columns} rows={options.rows} theme={makeTheme(options.isColor ? 'color' : 'mono')} />,
		{columns: options.columns},
	);
}
