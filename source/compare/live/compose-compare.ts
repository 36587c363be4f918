/**
 * The live comparison's frame as text, without React or Ink: the first frame of a live run
 * (drawn before Ink has loaded) and the frames of `compare --headless --record`. It follows the
 * same plan as <CompareView> (./compare-plan.ts) and draws each side with the dashboard's own
 * text composition (../../ui/compose-frame.ts); the strip comes in as lines (the bordered table
 * rendered by Ink's renderToString, or blank rows while Ink loads). test/compare/live-view.test.tsx
 * holds the two paths equal.
 */
import {composeFrame} from '../../ui/compose-frame.js';
import {headerLine} from '../../ui/components/header.js';
import {keyBarLine} from '../../ui/components/key-bar.js';
import {paintBlock} from '../../ui/components/lines.js';
import {seg} from '../../ui/paint.js';
import type {Line, Theme} from '../../ui/theme.js';
import type {UiState} from '../../ui/ui-state.js';
import type {DashboardVm} from '../../ui/view-models/to-dashboard.js';
import type {KeyBarVm} from '../../ui/view-models/to-key-bar.js';
import {compareTooSmall, headersNote, planCompare, stripHeight} from './compare-plan.js';
import {compareHeaderLine, type CompareHeadingVm} from './heading.js';

/** Everything a comparison frame shows. */
export type CompareFrameInput = {
	readonly heading: CompareHeadingVm;
	readonly a: DashboardVm;
	readonly b: DashboardVm;
	readonly uiA: UiState;
	readonly uiB: UiState;
	/** The strip's rows as painted text (`stripHeight` of them), or none (blank rows). */
	readonly strip: readonly string[];
	readonly keyBar: KeyBarVm;
};

const trimEnd = (line: string) => line.replace(/ +$/, '');

/** The frame for a `columns`×`rows` terminal: one string per row. */
export function composeCompareFrame(input: CompareFrameInput, columns: number, rows: number, theme: Theme): string[] {
	const plan = planCompare(columns, rows);
	const one = (line: Line, width: number, height = 1) => paintBlock({lines: [line]}, {width, height}, theme).map(trimEnd);
	if (plan.kind === 'too-small') return one([seg(compareTooSmall(columns, rows), 'warn')], Math.max(1, columns));
	const {width} = plan;
	const out = one(compareHeaderLine(input.heading), width);
	if (plan.kind === 'stacked') {
		out.push(...composeFrame(input.a, input.uiA, width, plan.sideRows[0], theme, {isCompact: true}));
		out.push(...composeFrame(input.b, input.uiB, width, plan.sideRows[1], theme, {isCompact: true}));
	} else {
		out.push(...one(headerLine(input.a.header, width), width), ...one(headerLine(input.b.header, width), width));
		out.push(...one([seg(headersNote(columns, rows), 'dim')], width));
	}

	for (let k = 0; k < stripHeight; k++) out.push(input.strip[k] ?? '');
	if (plan.kind === 'headers') for (let k = 0; k < plan.spareRows; k++) out.push('');
	out.push(...one(keyBarLine(input.keyBar, width), width));
	return out;
}
