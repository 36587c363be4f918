/**
 * The line-and-cell diff must look exactly like repainting every frame in full: after each
 * frame of a real recording, every cell of the emulator's screen (character, colours, bold,
 * dim, inverse …) equals the screen of a terminal that was cleared and given the whole frame.
 */
import xterm from '@xterm/headless';
import {expect, it} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {headlessFrames} from '../../source/recorder/headless-frames.js';
import {frameLines, paintFrame} from '../../source/ui/screen/paint-screen.js';

type Terminal = InstanceType<typeof xterm.Terminal>;

async function write(terminal: Terminal, data: string): Promise<void> {
	await new Promise<void>(resolve => {
		terminal.write(data, resolve);
	});
}

/** Every cell as text: character and all its attributes. */
function cellsOf(terminal: Terminal): string[] {
	const rows: string[] = [];
	const buffer = terminal.buffer.active;
	for (let row = 0; row < terminal.rows; row++) {
		const line = buffer.getLine(row)!;
		let text = '';
		for (let column = 0; column < terminal.cols; column++) {
			const cell = line.getCell(column)!;
			text += `${cell.getChars() || ' '}|${cell.getFgColorMode()}:${cell.getFgColor()}|${cell.getBgColorMode()}:${cell.getBgColor()}|`
				+ `${cell.isBold()}${cell.isDim()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}${cell.isStrikethrough()} `;
		}

		rows.push(text);
	}

	return rows;
}

it('every frame of a recorded tour looks the same as a full repaint, cell by cell', async () => {
	const loaded = loadPreset('tour');
	if (!loaded.ok) throw new Error(loaded.message);
	const [columns, rows] = [100, 30];
	const diffed = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const full = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	let frames = 0;
	let changedFrames = 0;
	for (const frame of headlessFrames(loaded.config, {columns, rows, fps: 4, speed: 15, isColor: true})) {
		for (const event of frame.events) if (event.code === 'o') await write(diffed, event.data);
		await write(full, paintFrame(undefined, frameLines(frame.text, rows, columns)));
		expect(cellsOf(diffed), `frame ${frame.frame}`).toEqual(cellsOf(full));
		frames++;
		if (frame.events.some(event => event.code === 'o')) changedFrames++;
	}

	expect(frames).toBe(81);
	expect(changedFrames).toBeGreaterThan(70);
	diffed.dispose();
	full.dispose();
});
