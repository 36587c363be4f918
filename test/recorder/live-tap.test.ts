import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openLiveTap, type LiveTapOptions} from '../../source/recorder/live-tap.js';
import {parseCast, replayScreen} from './helpers/replay.js';

let folder: string;
beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-live-'));
});
afterEach(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

/** A fake clock the test moves by hand. */
function clock(startMs: number) {
	let nowMs = startMs;
	return {nowMs: () => nowMs, tick(ms: number) {
		nowMs += ms;
	}};
}

function options(file: string, nowMs: () => number, extra: Partial<LiveTapOptions> = {}): LiveTapOptions {
	return {
		path: file, columns: 80, rows: 24, title: 'Flash sale', seed: 7, command: 'scaletop flash-sale --seed 7 --record demo.cast',
		preset: 'flash-sale', nowMs, env: {TERM: 'xterm-256color', SHELL: '/bin/zsh', HOME: '/root'}, ...extra,
	};
}

describe('openLiveTap', () => {
	it('writes what the dashboard writes, with times since it opened, markers and resizes, line by line', () => {
		const file = path.join(folder, 'live.cast');
		const time = clock(5000);
		const opened = openLiveTap(options(file, time.nowMs));
		if (!opened.ok) throw new Error(opened.message);
		const {tap} = opened;
		expect(fs.readFileSync(file, 'utf8')).toBe(
			'{"version":2,"width":80,"height":24,"idle_time_limit":2,"command":"scaletop flash-sale --seed 7 --record demo.cast","title":"Flash sale",'
			+ '"env":{"TERM":"xterm-256color","SHELL":"/bin/zsh"},"scaletop":{"preset":"flash-sale","seed":7}}\n',
		);
		time.tick(12.5);
		tap.write('\u001B[?1049hhello');
		time.tick(987.5);
		tap.marker('spike');
		tap.write('');
		time.tick(500);
		tap.resize(100, 30);
		expect(fs.readFileSync(file, 'utf8').split('\n').slice(1)).toEqual([
			'[0.012500, "o", "\\u001b[?1049hhello"]',
			'[1.000000, "m", "spike"]',
			'[1.500000, "r", "100x30"]',
			'',
		]);
		tap.close();
		tap.close();
		tap.write('after close');
		expect(parseCast(fs.readFileSync(file, 'utf8')).events).toHaveLength(3);
		// The line a live --record prints after the dashboard has gone: output events are frames.
		expect(tap.report()).toEqual({message: `Recorded 1.5 s of cast (1 frames) to ${file}.`, isFailed: false});
	});

	it('leaves on a terminal exactly what the dashboard drew', async () => {
		const file = path.join(folder, 'screen.cast');
		const time = clock(0);
		const opened = openLiveTap(options(file, time.nowMs));
		if (!opened.ok) throw new Error(opened.message);
		const chunks = ['\u001B[2J\u001B[Hscaletop t=0\nline two\n  indented\r\nlast', '\u001B[1;1H\u001B[2Kscaletop t=1'];
		for (const chunk of chunks) {
			time.tick(100);
			opened.tap.write(chunk);
		}

		opened.tap.close();
		const screen = await replayScreen(parseCast(fs.readFileSync(file, 'utf8')));
		expect(screen.slice(0, 5).map(line => line.trimEnd())).toEqual(['scaletop t=1', 'line two', '  indented', 'last', '']);
	});

	it('writes v3 with intervals on request', () => {
		const file = path.join(folder, 'live3.cast');
		const time = clock(0);
		const opened = openLiveTap(options(file, time.nowMs, {castFormat: 'v3'}));
		if (!opened.ok) throw new Error(opened.message);
		time.tick(250);
		opened.tap.write('a');
		time.tick(250);
		opened.tap.write('b');
		opened.tap.close();
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		expect(JSON.parse(lines[0])).toMatchObject({version: 3, term: {cols: 80, rows: 24, type: 'xterm-256color'}, env: {SHELL: '/bin/zsh'}});
		expect(lines.slice(1)).toEqual(['[0.250, "o", "a"]', '[0.250, "o", "b"]', '']);
	});

	it('refuses an existing file without force, with one sentence', () => {
		const file = path.join(folder, 'taken.cast');
		fs.writeFileSync(file, 'x');
		expect(openLiveTap(options(file, () => 0))).toEqual({ok: false, exitCode: 2, message: `--record ${file}: the file already exists (add --force to overwrite it).`});
	});
});
