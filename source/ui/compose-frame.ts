/**
 * The whole dashboard frame as lines of text with escape codes: the one layout of scaletop.
 * The live runner writes these lines to the terminal, `renderFrame` hands them to the
 * recorder, and <Dashboard> shows them through Ink — so all three draw the same screen.
 *
 * Why not Ink's layout and output: Ink re-tokenizes every character of every frame (string
 * width, ANSI slicing); a dense 160×50 frame took 25–45 ms that way on this project's machine,
 * against a goal of 10 ms. Panels here are fixed-width text from the start, so composing them
 * is string concatenation.
 */
import {planLayout, type PanelWants} from './layout.js';
import {paintLine} from './paint.js';
import type {Line, Theme} from './theme.js';
import type {UiState} from './ui-state.js';
import type {DashboardVm} from './view-models/to-dashboard.js';
import {headerLine} from './components/header.js';
import {loadPanelLines} from './components/load-panel.js';
import {loadBalancerPanelLines} from './components/load-balancer-panel.js';
import {scalingGroupPanelLines} from './components/scaling-group-panel.js';
import {alarmListLines} from './components/alarm-list.js';
import {instanceTableLines} from './components/instance-table.js';
import {eventLogLines} from './components/event-log.js';
import {captionLines} from './components/caption-line.js';
import {keyBarLine} from './components/key-bar.js';
import {helpLines} from './components/help-overlay.js';
import {tooSmallLines} from './components/too-small.js';

/** How tall each panel would like to be, for the layout. */
export function panelWants(vm: DashboardVm): PanelWants {
	return {
		loadBalancer: 2 + Math.max(1, vm.loadBalancer.targets.length),
		scalingGroup: vm.scalingGroup ? 3 + Math.max(1, vm.scalingGroup.policies.length) : 2,
		alarms: 1 + Math.max(1, vm.alarms.length),
	};
}

/** `height` painted lines of exactly `width` columns. */
function block(lines: readonly Line[], width: number, height: number, theme: Theme, selectedIndex?: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < height; i++) out.push(paintLine(lines[i] ?? [], width, theme, i === selectedIndex));
	return out;
}

/** Blocks of equal height side by side, one space apart. */
function beside(blocks: ReadonlyArray<readonly string[]>): string[] {
	return blocks[0].map((_, i) => blocks.map((b) => b[i]).join(' '));
}

/** The frame for a `columns`×`rows` terminal: `rows − 1` lines, none wider than `columns`. */
export function composeFrame(vm: DashboardVm, ui: UiState, columns: number, rows: number, theme: Theme): string[] {
	const caption = captionLines(vm.caption, vm.header.title, columns);
	const layout = planLayout(columns, rows, panelWants(vm), caption.length);
	if (layout.isTooSmall) {
		const lines = tooSmallLines(columns, rows);
		return block(lines, Math.max(1, columns), Math.max(1, Math.min(lines.length, rows - 1)), theme).map(trimEnd);
	}
	const {width} = layout;
	const out = block([headerLine(vm.header, width)], width, 1, theme);
	if (ui.isHelpVisible) {
		out.push(...block(helpLines(width, layout.bodyHeight), width, layout.bodyHeight, theme));
	} else {
		const load = block(loadPanelLines(vm.load, layout.load.width), layout.load.width, layout.load.height, theme);
		const elb = block(loadBalancerPanelLines(vm.loadBalancer, layout.loadBalancer.width), layout.loadBalancer.width, layout.loadBalancer.height, theme);
		const asg = block(scalingGroupPanelLines(vm.scalingGroup, layout.scalingGroup.width, layout.scalingGroup.height), layout.scalingGroup.width, layout.scalingGroup.height, theme);
		const alarms = block(alarmListLines(vm.alarms, layout.alarms.width), layout.alarms.width, layout.alarms.height, theme);
		out.push(...(layout.panelColumns === 4 ? beside([load, elb, asg, alarms]) : beside([[...load, ...elb], [...asg, ...alarms]])));
		const table = instanceTableLines({
			rows: vm.instances, selectedId: ui.selectedId, sortColumn: ui.sortColumn, isSortDescending: ui.isSortDescending,
			scrollOffset: ui.scrollOffset, width, height: layout.tableHeight,
		});
		out.push(...block(table.lines, width, layout.tableHeight, theme, table.selectedLine));
		out.push(...block(eventLogLines(vm.events, width), width, layout.logHeight, theme));
	}
	out.push(...block(caption, width, caption.length, theme));
	out.push(...block([keyBarLine(ui.flash, width)], width, 1, theme));
	return out.map(trimEnd);
}

/** Drop trailing plain spaces (padding outside any style); the screen writer erases the rest of each row. */
function trimEnd(line: string): string {
	return line.replace(/ +$/, '');
}
