/**
 * The dashboard as an Ink component: the lines of {@link composeFrame}, one text node each.
 * Used where Ink draws (tests, ink-testing-library); the live runner and the recorder write
 * the same lines without going through Ink's output.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {composeFrame} from './compose-frame.js';
import type {Theme} from './theme.js';
import type {UiState} from './ui-state.js';
import type {DashboardVm} from './view-models/to-dashboard.js';

/** Props of {@link Dashboard}. */
export type DashboardProps = {
	readonly vm: DashboardVm;
	readonly ui: UiState;
	readonly columns: number;
	readonly rows: number;
	readonly theme: Theme;
};

/** The whole screen for one frame. */
export function Dashboard({vm, ui, columns, rows, theme}: DashboardProps) {
	const lines = composeFrame(vm, ui, columns, rows, theme);
	return (
		<Box flexDirection="column" width={columns}>
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line === '' ? ' ' : line}
				</Text>
			))}
		</Box>
	);
}
