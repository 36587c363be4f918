import React from 'react';
import {describe, expect, test} from 'vitest';
import {Dashboard} from '../../source/ui/dashboard.js';
import {makeTheme} from '../../source/ui/theme.js';
import {initialUiState, uiReducer, type UiAction, type UiState} from '../../source/ui/ui-state.js';
import {keymap, keyTable} from '../../source/ui/keymap.js';
import {keymapContextOf, planFrame} from '../../source/ui/frame-plan.js';
import {sampleDashboardVm} from '../../source/ui/sample-views.js';
import {textWidth} from '../../source/ui/text-width.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState} from '../../source/sim/index.js';
import {composeFrame} from '../../source/ui/compose-frame.js';
import {entryLines} from '../../source/ui/components/event-log.js';
import {toDashboardVm} from '../../source/ui/view-models/to-dashboard.js';
import {plain, renderText} from './helpers/render-text.js';

const theme = makeTheme('color');

function screen(columns: number, rows: number, count = 5, ui: UiState = initialUiState()): string {
	return renderText(<Dashboard vm={sampleDashboardVm(count, ui)} ui={ui} columns={columns} rows={rows} theme={theme} />, columns);
}

describe('dashboard layout', () => {
	test('80×24 golden frame', async () => {
		await expect(screen(80, 24)).toMatchFileSnapshot('__snapshots__/dashboard-80x24.txt');
	});

	test('160×50 golden frame with 40 instances (four panels side by side)', async () => {
		await expect(screen(160, 50, 40)).toMatchFileSnapshot('__snapshots__/dashboard-160x50.txt');
	});

	test.each([
		[80, 24], [81, 25], [100, 30], [120, 40], [149, 45], [150, 45], [160, 50], [200, 60], [240, 80],
	])('at %i×%i the frame is exactly as tall as the terminal and never wider', (columns, rows) => {
		for (const count of [0, 3, 40]) {
			const lines = screen(columns, rows, count).split('\n');
			expect(lines).toHaveLength(rows);
			expect(Math.max(...lines.map((line) => textWidth(line)))).toBeLessThanOrEqual(columns);
			expect(lines[0]).toContain('00:12:34');
			expect(lines.at(-1)).toContain('q quit');
		}
	});

	test.each([[80, 24, 2], [120, 40, 2], [160, 50, 1]])('at %i×%i a long caption takes %i line(s), the frame stays as tall as the terminal, and the whole caption is on screen', (columns, rows, captionRows) => {
		const caption = 'A caption long enough to need two lines at 80 and 120 columns: the load balancer keeps routing to the dead instance until it fails two checks.';
		const vm = {...sampleDashboardVm(40), caption};
		const lines = renderText(<Dashboard vm={vm} ui={initialUiState()} columns={columns} rows={rows} theme={theme} />, columns).split('\n');
		expect(lines).toHaveLength(rows);
		expect(Math.max(...lines.map((line) => textWidth(line)))).toBeLessThanOrEqual(columns);
		const first = lines.findIndex((line) => line.startsWith('» '));
		expect(first).toBe(lines.length - 1 - captionRows);
		const shown = lines.slice(first, -1).map((line) => line.slice(2).trimEnd()).join(' ');
		expect(shown).toBe(caption);
	});

	test('extra height goes to the instance table', () => {
		const rowsShown = (rows: number) => screen(120, rows, 40).split('\n').filter((line) => /^.i-00\d\d t2/.test(line)).length;
		expect(rowsShown(40)).toBeGreaterThan(rowsShown(24));
		expect(rowsShown(60)).toBeGreaterThan(rowsShown(40));
	});

	test('at 80×24 a fleet that does not fit says how many more rows there are', () => {
		expect(screen(80, 24, 40).split('\n').some(line => /^ \+\d+ more \(↓ PgDn scroll\)$/.test(line))).toBe(true);
	});

	test('at 200×60 with 40 instances the screen is used: no run of empty rows', () => {
		const lines = screen(200, 60, 40).split('\n');
		const empty = lines.map((line, i) => (line.trim() === '' ? i : -1)).filter(i => i >= 0);
		expect(empty).toEqual([]);
	});

	test.each([[79, 24], [80, 23], [40, 10]])('%i×%i is too small, and says what is needed', (columns, rows) => {
		expect(screen(columns, rows).replace('\n', ' ')).toBe(`terminal too small: need 80×24, have ${columns}×${rows}`);
	});

	test('the help overlay (bordered tables) takes the place of the panels, keeping header, caption and key bar', () => {
		const lines = screen(80, 24, 5, {...initialUiState(), isHelpVisible: true}).split('\n');
		expect(lines).toHaveLength(24);
		expect(lines[1]).toMatch(/^▸Help ↑↓ PgUp PgDn scroll · any other key closes ─+$/);
		expect(lines[3]).toMatch(/^┌─+┬─+┐$/);
		expect(lines.slice(6, 10).map(line => line.slice(2, 9).trimEnd())).toEqual(['s', 'l / L', 'k', 'x']);
		expect(lines.join('\n')).not.toContain('ID▲');
		expect(lines.at(-1)).toContain('q quit');
	});

	test('an open detail pane takes the place of the table and the log', () => {
		const lines = screen(80, 24, 5, {...initialUiState(), detail: {kind: 'instance', id: 'i-0001'}}).split('\n');
		expect(lines).toHaveLength(24);
		expect(lines.join('\n')).not.toContain('ID▲');
	});

	test('compact (a side of a comparison): no caption, no key bar, no log; the header carries its label', () => {
		const vm = sampleDashboardVm(5);
		const labelled = {...vm, header: {...vm.header, label: 'A'}};
		const lines = renderText(<Dashboard vm={labelled} ui={initialUiState()} columns={100} rows={24} theme={theme} isCompact />, 100).split('\n');
		expect(lines).toHaveLength(24);
		expect(lines[0].startsWith('A  scaletop  flash-sale')).toBe(true);
		expect(lines.join('\n')).not.toContain('q quit');
		expect(lines.join('\n')).not.toContain('Activity');
		expect(lines.join('\n')).toContain('ID▲');
	});

	test('compact fits a half of a 120×40 comparison: exactly its rows (13 to 20), the panels whole, the table below them', () => {
		const vm = sampleDashboardVm(5);
		for (const rows of [13, 15, 20]) {
			const lines = renderText(<Dashboard vm={vm} ui={initialUiState()} columns={120} rows={rows} theme={theme} isCompact />, 120).split('\n');
			expect(lines, `${rows} rows`).toHaveLength(rows);
			const table = lines.findIndex(line => line.startsWith('▸Instances'));
			// Below the panels (8 rows at least: the load panel keeps 6, the ELB beside it 2).
			expect(table, `${rows} rows`).toBeGreaterThanOrEqual(9);
			expect(lines[table + 1], `${rows} rows`).toContain('ID▲');
		}

		expect(renderText(<Dashboard vm={vm} ui={initialUiState()} columns={120} rows={12} theme={theme} isCompact />, 120)).toContain('terminal too small');
	});

	test('paused shows in the header, and the last key in the key bar', () => {
		const ui = {...initialUiState(), isPaused: true, flash: 'i-0003 terminate: Terminating'};
		const lines = screen(80, 24, 5, ui).split('\n');
		expect(lines[0]).toContain('❚❚ PAUSED');
		expect(lines.at(-1)).toMatch(/^» i-0003 terminate: Terminating +\? help {2}q quit$/);
	});

	test('at 80×24 paging through the help shows what every key does whole, none cut with …', () => {
		let ui: UiState = {...initialUiState(), isHelpVisible: true};
		const vm = sampleDashboardVm(5, ui);
		const pages: string[] = [];
		for (let i = 0; i < 12; i++) {
			pages.push(screen(80, 24, 5, ui));
			ui = uiReducer(ui, keymap('', {pageDown: true}, keymapContextOf(planFrame(vm, ui, 80, 24), vm, ui)) as UiAction);
		}

		const cells = new Set(pages.flatMap(page => page.split('\n')).flatMap(line => line.split('│').map(cell => cell.trim())));
		expect(keyTable.map(binding => binding.help).filter(help => !cells.has(help))).toEqual([]);
	});

	test.each([[80, 24], [100, 30], [120, 40]])('at %i×%i PgDn to the end of the help shows the last page whole: the last table closes just above the caption', (columns, rows) => {
		let ui: UiState = {...initialUiState(), isHelpVisible: true};
		const vm = sampleDashboardVm(5, ui);
		const seen: number[] = [];
		for (let i = 0; i < 12; i++) {
			const command = keymap('', {pageDown: true}, keymapContextOf(planFrame(vm, ui, columns, rows), vm, ui));
			ui = uiReducer(ui, command as UiAction);
			seen.push(ui.helpScroll);
		}

		expect(seen.at(-1)).toBeGreaterThan(0);
		const lines = screen(columns, rows, 5, ui).split('\n');
		// (A row may stay empty when one row less would scroll a whole section away.)
		const body = lines.slice(0, lines.findIndex(line => line.startsWith('» '))).filter(line => line !== '');
		expect(body.at(-1)).toMatch(/^└─+┴─+┘$/);
		// The last section is the tiers panel's.
		expect(body.at(-2)).toContain('its share of the end-to-end latency');
		// PgUp from there comes back to the top.
		for (let i = 0; i < 12; i++) ui = uiReducer(ui, keymap('', {pageUp: true}, keymapContextOf(planFrame(vm, ui, columns, rows), vm, ui)) as UiAction);
		expect(ui.helpScroll).toBe(0);
	});
});

describe('the activity log scrolled to its end', () => {
	test.each([[80, 24], [120, 40]])('at %i×%i End (and PgDn past it) shows the last page full: the oldest entries down to the first, no more rows left empty than the next entry would take', (columns, rows) => {
		const loaded = loadPreset('autoscaling-cpu-alarm');
		if (!loaded.ok) throw new Error(loaded.message);
		const state = advance(createInitialState(loaded.config), 900);
		const frame = (ui: UiState) => plain(composeFrame(toDashboardVm(state, ui), ui, columns, rows, theme).join('\n')).split('\n');
		const press = (ui: UiState, key: Parameters<typeof keymap>[1]) => {
			const vm = toDashboardVm(state, ui);
			return uiReducer(ui, keymap('', key, keymapContextOf(planFrame(vm, ui, columns, rows), vm, ui)) as UiAction);
		};

		const focused: UiState = {...initialUiState(), focus: 'activity'};
		const atEnd = press(focused, {end: true});
		let paged = focused;
		for (let i = 0; i < 40; i++) paged = press(paged, {pageDown: true});
		expect(paged.logTop).toBe(atEnd.logTop);
		const lines = frame(atEnd);
		const title = lines.findIndex(line => line.startsWith('▸Activity'));
		const log = lines.slice(title + 1, lines.findIndex(line => line.startsWith('» ')));
		expect(lines[title]).toMatch(/^▸Activity \d+ newer above \(Home\) ─+$/);
		// The rows left empty, if any, are fewer than the next newer entry would take.
		const {events} = toDashboardVm(state, atEnd);
		const next = events[events.findIndex(e => e.number === atEnd.logTop) - 1];
		expect(log.filter(line => line.trim() === '').length).toBeLessThan(entryLines(next, columns).length);
		// The oldest entry of the run ends the page, whole.
		expect(log.filter(line => line.trim() !== '').at(-1)).toMatch(/^ {9}\S|^00:00:00 /);
		expect(log.some(line => line.startsWith('00:00:00 '))).toBe(true);
		expect(log.join(' ')).not.toContain('…');
	});
});
