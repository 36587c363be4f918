/**
 * One full dashboard frame as a string, without a terminal: for the recorder and tests. It is
 * exactly what the live dashboard shows at that size in its default UI state (running, 1×,
 * first instance selected, sorted by id), with ANSI colours when `isColor`, else the NO_COLOR
 * look (bold / dim only); ASCII only when `charset` is `ascii`. Lines are joined with `\n`; the frame is `rows` lines tall.
 * Loads neither React nor Ink.
 */
import type {SimState} from '../sim/index.js';
import {composeFrame} from './compose-frame.js';
import {makeTheme, type Charset} from './theme.js';
import {initialUiState, type UiState} from './ui-state.js';
import {toDashboardVm} from './view-models/to-dashboard.js';

export type FrameOptions = {readonly columns: number; readonly rows: number; readonly isColor: boolean; readonly charset?: Charset};

/** Render the dashboard for `state` at `columns`×`rows`. `ui` defaults to a fresh UI state. */
export function renderFrame(state: SimState, options: FrameOptions, ui: UiState = initialUiState()): string {
	return composeFrame(toDashboardVm(state, ui), ui, options.columns, options.rows, makeTheme(options.isColor ? 'color' : 'mono', options.charset)).join('\n');
}
