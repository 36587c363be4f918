import {describe, expect, it} from 'vitest';
import {encodeCast, type CastEvent} from '../../../source/recorder/cast-writer.js';
import {clipLine, finishPainting, frameLines, paintFrame} from '../../../source/ui/screen/paint-screen.js';
import {expectedScreen, parseCast, replayScreen, replayTerminal, stripSgr} from '../../recorder/helpers/replay.js';

const columns = 20;
const rows = 6;

/** Paint successive frames into a cast, replay it in xterm, return the screen after each frame. */
async function screensAfter(frames: readonly string[]): Promise<string[][]> {
	const screens: string[][] = [];
	let previous: string[] | undefined;
	const events: CastEvent[] = [];
	for (const [index, frame] of frames.entries()) {
		const lines = frameLines(frame, rows, columns);
		const data = paintFrame(previous, lines);
		previous = lines;
		if (data !== '') events.push({timeSeconds: index, code: 'o', data});
		screens.push(await replayScreen(parseCast(encodeCast({columns, rows}, events))));
	}

	return screens;
}

describe('paintFrame through a real terminal emulator', () => {
	it('leaves exactly each frame on screen: growing, shrinking, full-width and blank lines', async () => {
		const frames = [
			'scaletop  t=0\nline two\nthird',
			'scaletop  t=1\nline 2\n\nfourth line\nfifth',
			'x'.repeat(columns) + '\n' + 'y'.repeat(columns) + '\nshort',
			'only one line',
			Array.from({length: rows}, (_, row) => String(row).repeat(columns)).join('\n'),
			'after a full screen\n',
		];
		const screens = await screensAfter(frames);
		for (const [index, frame] of frames.entries()) {
			expect(screens[index], `frame ${index}`).toEqual(expectedScreen(frameLines(frame, rows), columns, rows));
		}
	});

	it('keeps colours out of the text and never leaves a background colour on erased cells', async () => {
		const red = '\u001B[41m';
		const frames = [`${red}ALARM  \u001B[49m ok\nplain`, `${red}x\nok only`];
		const screens = await screensAfter(frames);
		expect(screens[0]).toEqual(expectedScreen(['ALARM   ok', 'plain'], columns, rows));
		expect(screens[1]).toEqual(expectedScreen(frameLines(stripSgr(frames[1]), rows), columns, rows));
		const first = paintFrame(undefined, frameLines(frames[0], rows));
		const second = paintFrame(frameLines(frames[0], rows), frameLines(frames[1], rows));
		const terminal = await replayTerminal(parseCast(encodeCast({columns, rows}, [
			{timeSeconds: 0, code: 'o', data: first},
			{timeSeconds: 1, code: 'o', data: second},
		])));
		const line = (row: number) => terminal.buffer.active.getLine(row)!;
		const isRed = (row: number, column: number) => line(row).getCell(column)!.isBgPalette() && line(row).getCell(column)!.getBgColor() === 1;
		expect(isRed(0, 0)).toBe(true);
		expect(Array.from({length: columns - 1}, (_, column) => isRed(0, column + 1))).not.toContain(true);
		expect(Array.from({length: columns}, (_, column) => line(1).getCell(column)!.isBgDefault())).not.toContain(false);
		terminal.dispose();
	});

	it('cuts a frame taller than the terminal to its rows instead of scrolling', async () => {
		const tall = Array.from({length: rows + 3}, (_, row) => `row ${row}`).join('\n');
		const [screen] = await screensAfter([tall]);
		expect(screen[0]).toBe('row 0'.padEnd(columns));
		expect(screen[rows - 1]).toBe(`row ${rows - 1}`.padEnd(columns));
	});
});

describe('clipLine', () => {
	it('cuts visible characters only, keeping every escape sequence', () => {
		expect(clipLine('abcdef', 4)).toBe('abcd');
		expect(clipLine('\u001B[31mab\u001B[39mcdef\u001B[0m', 3)).toBe('\u001B[31mab\u001B[39mc\u001B[0m');
		expect(clipLine('ab', 4)).toBe('ab');
		expect(clipLine('▁▂▃▅▇█', 3)).toBe('▁▂▃');
	});

	it('keeps a too-wide last row from scrolling the screen', async () => {
		const frame = Array.from({length: rows}, (_, row) => (row === rows - 1 ? 'w'.repeat(columns + 7) : `row ${row}`)).join('\n');
		const [screen] = await screensAfter([frame]);
		expect(screen[0]).toBe('row 0'.padEnd(columns));
		expect(screen[rows - 1]).toBe('w'.repeat(columns));
	});
});

describe('paintFrame output', () => {
	it('is empty when nothing changed and rewrites only the changed cells of changed lines', () => {
		expect(paintFrame(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe('');
		expect(paintFrame(['a', 'b', 'c'], ['a', 'B', 'c'])).toBe('\u001B[2;1H\u001B[0mB\u001B[0m');
		expect(paintFrame(['t=10s  ok'], ['t=11s  ok'])).toBe('\u001B[1;4H\u001B[0m1\u001B[0m');
		expect(paintFrame(['\u001B[32mok\u001B[39m 5'], ['\u001B[31mok\u001B[39m 5'])).toBe('\u001B[1;1H\u001B[0;31mok\u001B[0m');
	});

	it('erases what is left of a line that got shorter', () => {
		expect(paintFrame(['abcdef'], ['abc'])).toBe('\u001B[1;4H\u001B[0m\u001B[K\u001B[0m');
	});

	it('skips a line written differently that looks the same', () => {
		expect(paintFrame(['\u001B[1m\u001B[32mok\u001B[0m'], ['\u001B[32;1mok\u001B[39;22m'])).toBe('');
	});

	it('rewrites a whole line it cannot read cell by cell (other escape codes)', () => {
		expect(paintFrame(['\u001B]8;;http://x\u0007a'], ['b'])).toBe('\u001B[1;1H\u001B[0m\u001B[2Kb\u001B[0m');
	});

	it('starts with a clear screen and a hidden cursor', () => {
		expect(paintFrame(undefined, ['hi'])).toBe('\u001B[0m\u001B[H\u001B[2J\u001B[?25l\u001B[1;1Hhi\u001B[0m');
	});

	it('finishes by showing the cursor below the frame, without touching a cell', () => {
		expect(finishPainting(3, 36)).toBe('\u001B[4;1H\u001B[?25h');
		expect(finishPainting(36, 36)).toBe('\u001B[36;1H\u001B[?25h');
	});
});
