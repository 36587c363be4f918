/**
 * The recorder shows the screen the live dashboard shows (issue 12). For frames of several
 * presets at several moments, at 80×24 and 120×40, the same state is drawn twice:
 *
 * - live: the component tree (<Dashboard> with the view-model built as <App> builds it, its
 *   selections resolved as <App> resolves them) rendered by Ink in debug mode into the live
 *   path's {@link InkScreen}, whose bytes go to a headless terminal (xterm);
 * - recorded: `headlessFrames`, the recorder's frames, whose cast events go to another one.
 *
 * Both terminals must read the same, line for line (ANSI stripped), and Ink's own frame text
 * must equal the recorder's frame text, ANSI stripped, line for line.
 */
import React from 'react';
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import xterm from '@xterm/headless';
import {describe, expect, test, vi} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {headlessFrames, recordingUiState} from '../../source/recorder/headless-frames.js';
import {renderFrame} from '../../source/ui/render-frame.js';
import {InkScreen} from '../../source/live/ink-screen.js';
import {Dashboard} from '../../source/ui/dashboard.js';
import {App, resolveSelections} from '../../source/app.js';
import {makeTheme} from '../../source/ui/theme.js';
import {toDetailVm, toRunVm, toTableVm, type DashboardVm} from '../../source/ui/view-models/to-dashboard.js';
import {toKeyBarVm} from '../../source/ui/view-models/to-key-bar.js';
import type {SimState} from '../../source/sim/index.js';
import {initialUiState, type UiState} from '../../source/ui/ui-state.js';
import {createInitialState} from '../../source/sim/index.js';
import {plain} from './helpers/render-text.js';

type Terminal = InstanceType<typeof xterm.Terminal>;

async function write(terminal: Terminal, data: string): Promise<void> {
	await new Promise<void>(resolve => {
		terminal.write(data, resolve);
	});
}

/** Every cell with its colours and attributes, row by row. */
function cellsOf(terminal: Terminal): string[] {
	const buffer = terminal.buffer.active;
	const rows: string[] = [];
	for (let row = 0; row < terminal.rows; row++) {
		const line = buffer.getLine(row)!;
		let text = '';
		for (let column = 0; column < terminal.cols; column++) {
			const cell = line.getCell(column)!;
			text += `${cell.getChars() || ' '}${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:${cell.getBgColor()}/${cell.isBold()}${cell.isDim()}${cell.isInverse()}${cell.isUnderline()} `;
		}

		rows.push(text);
	}

	return rows;
}

/** What a user reads on the terminal: each row's text, trailing spaces dropped. */
function screenText(terminal: Terminal): string[] {
	const buffer = terminal.buffer.active;
	const rows: string[] = [];
	for (let row = 0; row < terminal.rows; row++) rows.push(buffer.getLine(row)!.translateToString(true));
	return rows;
}

/** A keyboard that never types: a TTY as Ink wants it (raw mode), with nothing to read. */
function quietStdin(): NodeJS.ReadStream {
	return Object.assign(new EventEmitter(), {
		isTTY: true,
		setRawMode() {},
		setEncoding() {},
		read: () => null,
		ref() {},
		unref() {},
		resume() {},
		pause() {},
	}) as unknown as NodeJS.ReadStream;
}

/** The view-model as <App> builds it (in parts) from a state and the UI state. */
function appVm(state: SimState, ui: UiState): DashboardVm {
	const {sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView, flash, isFilterEditing} = ui;
	const run = toRunVm(state, {isPaused: ui.isPaused, speed: ui.speed, pace: {actualSpeed: ui.speed, isLagging: false}});
	return {
		...run,
		table: toTableVm(state, {sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView}),
		detail: toDetailVm(state, ui.detail),
		keyBar: toKeyBarVm({flash, filter, isFilterEditing}, run.tierKeys),
	};
}

/** The live path: one Ink instance rendering into an InkScreen, its bytes on a headless terminal. */
function liveScreen(columns: number, rows: number) {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const pending: string[] = [];
	let inkFrame = '';
	const screen = new InkScreen(chunk => pending.push(chunk), () => ({columns, rows}));
	const originalWrite = screen.write.bind(screen);
	screen.write = (chunk: unknown) => {
		inkFrame = String(chunk);
		return originalWrite(chunk);
	};

	const stdin = quietStdin();
	const theme = makeTheme('color');
	const element = (state: SimState, ui: UiState) => {
		const vm = appVm(state, ui);
		return <Dashboard vm={vm} ui={resolveSelections(ui, vm)} columns={columns} rows={rows} theme={theme} />;
	};

	let instance: ReturnType<typeof render> | undefined;
	return {
		terminal,
		async show(state: SimState, ui: UiState): Promise<string> {
			if (instance) instance.rerender(element(state, ui));
			else instance = render(element(state, ui), {stdout: screen as unknown as NodeJS.WriteStream, stdin, debug: true, exitOnCtrlC: false, patchConsole: false});
			for (const chunk of pending.splice(0)) await write(terminal, chunk);
			return inkFrame;
		},
		close() {
			screen.close();
			instance?.unmount();
			terminal.dispose();
		},
	};
}

const presets = ['tour', 'autoscaling-cpu-alarm', 'az-outage', 'database-bottleneck'];
const sizes = [[80, 24], [120, 40]] as const;
/** The moments compared, as fractions of the run (the start, the middle of things, the end). */
const moments = [0, 0.08, 0.25, 0.45, 0.7, 1];

describe('what Ink renders equals what the recorder writes', () => {
	test.each(presets.flatMap(preset => sizes.map(([columns, rows]) => [preset, columns, rows] as const)))('%s at %i×%i', async (preset, columns, rows) => {
		const loaded = loadPreset(preset);
		if (!loaded.ok) throw new Error(loaded.message);
		// A dozen frames over the run: each compared moment is a frame of the recording.
		const fps = 1;
		const speed = loaded.config.durationSeconds / 12;
		const ui = recordingUiState({speed});
		let shown: SimState | undefined;
		const frames = headlessFrames(loaded.config, {
			columns, rows, fps, speed, isColor: true,
			render(state, options, frameUi) {
				shown = state;
				return renderFrame(state, options, frameUi);
			},
		});
		const recorded = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
		const live = liveScreen(columns, rows);
		let compared = 0;
		try {
			let wanted: Set<number> | undefined;
			for (const frame of frames) {
				wanted ??= new Set(moments.map(m => Math.round(m * (frame.totalFrames - 1))));
				for (const event of frame.events) if (event.code === 'o') await write(recorded, event.data);
				if (!wanted.has(frame.frame)) continue;
				const inkFrame = await live.show(shown!, ui);
				const where = `${preset} ${columns}×${rows}, frame ${frame.frame} (tick ${frame.tick})`;
				expect(plain(inkFrame).split('\n'), `${where}: Ink's frame vs the recorder's`).toEqual(plain(frame.text).split('\n'));
				expect(screenText(live.terminal), `${where}: the live terminal vs the cast's`).toEqual(screenText(recorded));
				expect(cellsOf(live.terminal), `${where}: colours and attributes`).toEqual(cellsOf(recorded));
				compared++;
			}
		} finally {
			live.close();
			recorded.dispose();
		}

		expect(compared).toBe(moments.length);
		// Not a blank screen compared with a blank screen.
		expect(screenText(recorded).filter(line => line.trim() !== '').length).toBeGreaterThan(rows / 2);
	});
});

describe('the real <App> through the live screen path', () => {
	test.each(sizes)('at %i×%i its first frame (paused) is the recorder\'s frame of the same state', async (columns, rows) => {
		const loaded = loadPreset('tour');
		if (!loaded.ok) throw new Error(loaded.message);
		const chunks: string[] = [];
		const screen = new InkScreen(chunk => chunks.push(chunk), () => ({columns, rows}));
		const inkFrames: string[] = [];
		const originalWrite = screen.write.bind(screen);
		screen.write = (chunk: unknown) => {
			if (String(chunk).trim() !== '') inkFrames.push(String(chunk));
			return originalWrite(chunk);
		};

		const stdin = quietStdin();
		const instance = render(<App config={loaded.config} theme={makeTheme('color')} isPaused />, {stdout: screen as unknown as NodeJS.WriteStream, stdin, debug: true, exitOnCtrlC: false, patchConsole: false});
		try {
			await vi.waitFor(() => {
				expect(inkFrames.length).toBeGreaterThan(0);
			});
			const recorded = renderFrame(createInitialState(loaded.config), {columns, rows, isColor: true}, initialUiState({isPaused: true}));
			expect(plain(inkFrames.at(-1)!).split('\n')).toEqual(plain(recorded).split('\n'));
			expect(plain(recorded)).toContain('❚❚ PAUSED');
		} finally {
			screen.close();
			instance.unmount();
		}
	});
});
