/**
 * The dashboard frame as text, without React or Ink: the recorder's path. It draws the same
 * frame plan (./frame-plan.ts) with the same panel line functions the Ink components draw
 * (each component is its lines function painted into a box), so a recording shows what the
 * live dashboard shows — test/ui/ink-vs-recorder.test.tsx holds the two equal, frame by frame,
 * for several presets at 80×24 and 120×40. The `?` overlay (bordered tables drawn by
 * @alcalzone/ink-table) exists only in the Ink tree: recordings never open it.
 *
 * Why a second path at all: a headless recording renders every frame of a run, and through Ink
 * a frame costs several milliseconds of string-width and ANSI tokenizing (docs/dashboard.md);
 * as text it is a fraction of a millisecond, which keeps recording far faster than the cast plays.
 */
import {planFrame, type PlanOptions} from './frame-plan.js';
import type {Theme} from './theme.js';
import type {UiState} from './ui-state.js';
import type {DashboardVm} from './view-models/to-dashboard.js';
import {paintBlock, type PanelContent} from './components/lines.js';
import {headerLine} from './components/header.js';
import {instanceTableLines} from './components/instance-table.js';
import {eventLogLines} from './components/event-log.js';
import {detailPaneLines} from './components/detail-pane.js';
import {captionContent} from './components/caption-line.js';
import {keyBarLine} from './components/key-bar.js';
import {tooSmallLines} from './components/too-small.js';
import type {PanelBox} from './layout.js';

/** Blocks of equal height side by side, one space apart. */
function beside(blocks: ReadonlyArray<readonly string[]>): string[] {
	return blocks[0].map((_, i) => blocks.map(b => b[i]).join(' '));
}

/** The frame for a `columns`×`rows` screen: one string per row (with escape codes), none wider than `columns`. */
export function composeFrame(vm: DashboardVm, ui: UiState, columns: number, rows: number, theme: Theme, options: PlanOptions = {}): string[] {
	const plan = planFrame(vm, ui, columns, rows, options);
	const paint = (content: PanelContent, box: PanelBox) => paintBlock(content, box, theme);
	if (plan.kind === 'too-small') {
		const lines = tooSmallLines(columns, rows);
		return paint({lines}, {width: Math.max(1, columns), height: Math.max(1, Math.min(lines.length, rows))}).map(trimEnd);
	}

	const out = paint({lines: [headerLine(plan.header.input, plan.header.box.width)]}, plan.header.box);
	if (plan.help) {
		// Recordings never show the overlay; keep the rows so the frame has its height.
		out.push(...paint({lines: []}, plan.help.box));
	}

	if (plan.columns.length > 0) {
		out.push(...beside(plan.columns.map(column => column.panels.flatMap(({panel, input, box}) => paint(panel.lines(input, box), box)))));
	}

	const {lower} = plan;
	if (lower?.kind === 'detail') out.push(...paint(detailPaneLines(lower.detail.input, lower.detail.box), lower.detail.box));
	if (lower?.kind === 'lists') {
		out.push(...paint(instanceTableLines(lower.table.input, lower.table.box), lower.table.box));
		if (lower.log) out.push(...paint(eventLogLines(lower.log.input, lower.log.box), lower.log.box));
	}

	if (plan.caption) out.push(...paint(captionContent(plan.caption.input, plan.caption.box), plan.caption.box));
	if (plan.keyBar) out.push(...paint({lines: [keyBarLine(plan.keyBar.input, plan.keyBar.box.width)]}, plan.keyBar.box));
	return out.map(trimEnd);
}

/** Drop trailing plain spaces (padding outside any style), as Ink does. */
function trimEnd(line: string): string {
	return line.replace(/ +$/, '');
}
