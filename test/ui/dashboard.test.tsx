import React from 'react';
import {describe, expect, test} from 'vitest';
import {Dashboard} from '../../source/ui/dashboard.js';
import {makeTheme} from '../../source/ui/theme.js';
import {initialUiState, type UiState} from '../../source/ui/ui-state.js';
import {sampleDashboardVm} from '../../source/ui/sample-views.js';
import {renderText} from './helpers/render-text.js';

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
	])('at %i×%i the frame is exactly rows − 1 lines and never wider than the terminal', (columns, rows) => {
		for (const count of [0, 3, 40]) {
			const lines = screen(columns, rows, count).split('\n');
			expect(lines).toHaveLength(rows - 1);
			expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(columns);
			expect(lines[0]).toContain('00:12:34');
			expect(lines.at(-1)).toContain('q quit');
		}
	});

	test.each([[80, 24, 2], [120, 40, 2], [160, 50, 1]])('at %i×%i a long caption takes %i line(s), the frame stays rows − 1 lines, and the whole caption is on screen', (columns, rows, captionRows) => {
		const caption = 'A caption long enough to need two lines at 80 and 120 columns: the load balancer keeps routing to the dead instance until it fails two checks.';
		const vm = {...sampleDashboardVm(40), caption};
		const lines = renderText(<Dashboard vm={vm} ui={initialUiState()} columns={columns} rows={rows} theme={theme} />, columns).split('\n');
		expect(lines).toHaveLength(rows - 1);
		expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(columns);
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

	test.each([[79, 24], [80, 23], [40, 10]])('%i×%i is too small, and says what is needed', (columns, rows) => {
		expect(screen(columns, rows).replace('\n', ' ')).toBe(`terminal too small: need 80×24, have ${columns}×${rows}`);
	});

	test('the help overlay lists every key in place of the panels, keeping header and key bar', () => {
		const lines = screen(80, 24, 5, {...initialUiState(), isHelpVisible: true}).split('\n');
		expect(lines).toHaveLength(23);
		expect(lines[1]).toMatch(/^Keys \(any key closes this\) ─+$/);
		expect(lines.slice(2, 19).map((line) => line.slice(0, 12).trimEnd())).toEqual([
			's', 'l / L', 'k', 'x', 'z', 'H', 'u', '+ / -', 'a', 'c', '↑ / ↓', '< / >', 'space / p', '.', '[ / ]', '?', 'q / Ctrl-C',
		]);
		expect(lines.join('\n')).not.toContain('ID▲');
	});

	test('paused shows in the header, and the last key in the key bar', () => {
		const lines = screen(80, 24, 5, {...initialUiState(), isPaused: true, flash: 'kill i-0003'}).split('\n');
		expect(lines[0]).toContain('❚❚ PAUSED');
		expect(lines.at(-1)).toMatch(/^» kill i-0003 +\? help {2}q quit$/);
	});
});
