import React from 'react';
import {Box, Text} from 'ink';
import {paintLine} from '../paint.js';
import type {Line, Theme} from '../theme.js';

/** Props of {@link Lines}. */
export type LinesProps = {
	readonly lines: readonly Line[];
	readonly width: number;
	/** Exactly this many rows: extra lines are dropped, missing ones are blank. */
	readonly height: number;
	readonly theme: Theme;
	/** Index of a line to draw in reverse video (the selected table row). */
	readonly selectedIndex?: number;
};

/**
 * A block of pre-formatted lines, each one `<Text>` of exactly `width` columns. Every panel
 * draws through it: one text node per line keeps Ink's per-frame work small (its maintainers'
 * advice: few, large text nodes, colour per segment rather than per character).
 */
export function Lines({lines, width, height, theme, selectedIndex}: LinesProps) {
	const rows: string[] = [];
	for (let i = 0; i < height; i++) rows.push(paintLine(lines[i] ?? [], width, theme, i === selectedIndex));
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			{rows.map((row, i) => (
				<Text key={i} wrap="truncate-end">
					{row}
				</Text>
			))}
		</Box>
	);
}
