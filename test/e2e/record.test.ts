/**
 * End to end: casts scaletop writes are accepted by the real asciinema (Debian's package, which
 * .ci/run installs), and what `asciinema cat` prints leaves the last frame on a terminal.
 * asciinema 2.x's `cat` reads /dev/tty, so it runs inside `script` (util-linux), which gives it
 * a pseudo-terminal. Skipped, with the reason in the test name, where either tool is missing.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {recordHeadless} from '../../source/recorder/record-headless.js';
import {frameLines} from '../../source/recorder/paint.js';
import {recordingUiState} from '../../source/recorder/headless-frames.js';
import {advance, createInitialState, makeConfig} from '../../source/sim/index.js';
import {renderFrame} from '../../source/ui/render-frame.js';
import {expectedScreen, parseCast, replayScreen, stripSgr} from '../recorder/helpers/replay.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = ['asciinema', 'script'].filter(tool => !has(tool));
const skipReason = missing.length > 0 ? ` (SKIPPED: ${missing.join(' and ')} not installed; .ci/run installs asciinema)` : '';

/** `asciinema cat FILE` under a pseudo-terminal: its exit code and what it printed. */
function asciinemaCat(file: string): {status: number | null; output: string} {
	const result = spawnSync('script', ['-qec', `asciinema cat '${file}'`, '/dev/null'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	return {status: result.status, output: result.stdout};
}

const config = makeConfig({
	name: 'e2e-record',
	title: 'End to end: a caption and a spike',
	seed: 11,
	durationSeconds: 600,
	timeline: [
		{atTick: 60, action: {type: 'preset/caption-shown', text: 'Five times the load arrives'}},
		{atTick: 60, action: {type: 'traffic/spike-started', factor: 5, durationSeconds: 120}},
	],
});

let folder: string;
beforeAll(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-e2e-'));
});
afterAll(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

describe('recorded casts in the real asciinema', () => {
	it.skipIf(missing.length > 0)(`asciinema cat accepts a headless cast and prints the last frame${skipReason}`, async () => {
		const file = path.join(folder, 'e2e.cast');
		const result = await recordHeadless({config, path: file, columns: 100, rows: 30, speed: 60, fps: 5, isHandlingSignals: false});
		expect(result.exitCode).toBe(0);
		const {status, output} = asciinemaCat(file);
		expect(status).toBe(0);
		const lastFrame = renderFrame(advance(createInitialState(config), 600), {columns: 100, rows: 30, isColor: true}, recordingUiState({speed: 60}));
		const cast = parseCast(fs.readFileSync(file, 'utf8'));
		const printed = await replayScreen({...cast, events: [{timeSeconds: 0, code: 'o', data: output}]});
		expect(printed).toEqual(expectedScreen(frameLines(stripSgr(lastFrame), 30), 100, 30));
	});

	it.skipIf(missing.length > 0)(`asciinema cat rejects a file that is not a cast, so the check can fail${skipReason}`, () => {
		const file = path.join(folder, 'not-a-cast.cast');
		fs.writeFileSync(file, '{"version": 3, "term": {"cols": 80, "rows": 24}}\n');
		expect(asciinemaCat(file).status).not.toBe(0);
	});
});
