import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {defaultSpeed, recordHeadless} from '../../source/recorder/record-headless.js';
import {advance, createInitialState, makeConfig} from '../../source/sim/index.js';
import {renderFrame} from '../../source/ui/render-frame.js';
import {frameLines} from '../../source/ui/screen/paint-screen.js';
import {framePlan, recordingUiState} from '../../source/recorder/headless-frames.js';
import {expectedScreen, parseCast, replayScreen, stripSgr} from './helpers/replay.js';

const config = makeConfig({
	name: 'recorder-test',
	title: 'Recorder test: a spike and a caption',
	seed: 7,
	durationSeconds: 1800,
	timeline: [
		{atTick: 300, action: {type: 'traffic/spike-started', factor: 5, durationSeconds: 600}},
		{atTick: 301, action: {type: 'preset/caption-shown', text: 'The spike arrives: five times the load'}},
		{atTick: 900, action: {type: 'preset/marker-reached', label: 'after the spike'}},
		{atTick: 5000, action: {type: 'preset/marker-reached', label: 'never: after the end'}},
	],
});

let folder: string;
beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-rec-'));
});
afterEach(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

const read = (file: string) => fs.readFileSync(file, 'utf8');
/** Fewer frames than the defaults, so each recording takes a moment: a 12-second cast of 49 frames. */
const quick = {speed: 150, fps: 4, isHandlingSignals: false} as const;

describe('recordHeadless', () => {
	it('plans a 30-minute run at the defaults (30×, 10 fps) as a 60-second cast of 601 frames', () => {
		expect(framePlan(config, {speed: 30, fps: 10})).toEqual({totalFrames: 601, castSeconds: 60});
		expect(framePlan(config, {speed: 150, fps: 4})).toEqual({totalFrames: 49, castSeconds: 12});
		expect(framePlan({...config, durationSeconds: 100}, {speed: 30, fps: 10})).toEqual({totalFrames: 35, castSeconds: 3.4});
	});

	it('fits any preset into a one-minute cast by default, never slower than real time', () => {
		expect(defaultSpeed(config)).toBe(30);
		expect(defaultSpeed({...config, durationSeconds: 300})).toBe(5);
		expect(defaultSpeed({...config, durationSeconds: 86_400})).toBe(1440);
		expect(defaultSpeed({...config, durationSeconds: 20})).toBe(1);
	});

	it('records the planned frames, ending at the cast length, with the header of a reproducible run', async () => {
		const file = path.join(folder, 'demo.cast');
		const result = await recordHeadless({config, path: file, ...quick});
		expect(result).toEqual({exitCode: 0, message: `Recorded 12.0 s of cast (49 frames) to ${file}.`, frames: 49, castSeconds: 12});
		const cast = parseCast(read(file));
		expect(cast.header).toEqual({
			version: 2,
			width: 120,
			height: 36,
			idle_time_limit: 2,
			command: `scaletop recorder-test --headless --record ${file} --seed 7 --duration 30m --speed 150 --fps 4 --cols 120 --rows 36`,
			title: 'Recorder test: a spike and a caption',
			env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
			scaletop: {preset: 'recorder-test', seed: 7, speed: 150, fps: 4},
		});
		expect(cast.events.at(-1)?.timeSeconds).toBe(12);
		expect(cast.events[0]).toMatchObject({timeSeconds: 0, code: 'o'});
		const outputTimes = cast.events.filter(event => event.code === 'o').map(event => event.timeSeconds);
		expect(outputTimes.filter(time => Math.abs(time * 4 - Math.round(time * 4)) > 1e-6)).toEqual([]);
	});

	it('leaves the last frame renderFrame draws on the screen of a real terminal emulator', async () => {
		for (const isColor of [false, true]) {
			const file = path.join(folder, `final-${isColor}.cast`);
			await recordHeadless({config, path: file, columns: 100, rows: 30, isColor, ...quick});
			const finalState = advance(createInitialState(config), 1800);
			const lastFrame = renderFrame(finalState, {columns: 100, rows: 30, isColor}, recordingUiState(quick));
			const screen = await replayScreen(parseCast(read(file)));
			expect(screen).toEqual(expectedScreen(frameLines(stripSgr(lastFrame), 30), 100, 30));
		}
	});

	it('writes one marker per timeline event at its cast time, in order, and none past the end', async () => {
		const file = path.join(folder, 'markers.cast');
		await recordHeadless({config, path: file, ...quick});
		const markers = parseCast(read(file)).events.filter(event => event.code === 'm');
		// The spike and its caption a second later are one event, named as the activity log names the action.
		expect(markers).toEqual([
			{timeSeconds: 2, code: 'm', data: 'load spike ×5 for 10 min'},
			{timeSeconds: 6, code: 'm', data: 'after the spike'},
		]);
	});

	it('can also mark chosen kinds of sim events, at the tick they happened', async () => {
		const file = path.join(folder, 'events.cast');
		await recordHeadless({config, path: file, ...quick, eventMarkerKinds: ['caption', 'marker']});
		const markers = parseCast(read(file)).events.filter(event => event.code === 'm');
		expect(markers.map(marker => marker.data)).toEqual([
			'load spike ×5 for 10 min',
			'The spike arrives: five times the load',
			'after the spike',
			'after the spike',
		]);
		expect(markers[1].timeSeconds).toBeCloseTo(2.006_667, 6);
		expect(markers[3].timeSeconds).toBe(6);
	});

	it('shows the preset caption on screen from its marker on (the cast explains itself)', async () => {
		const file = path.join(folder, 'caption.cast');
		await recordHeadless({config, path: file, ...quick});
		const cast = parseCast(read(file));
		const caption = 'The spike arrives: five times the load';
		expect((await replayScreen(cast, 1.9)).join('\n')).not.toContain(caption);
		expect((await replayScreen(cast, 2.5)).join('\n')).toContain(caption);
	});

	it('gives byte-identical files for the same preset and seed, and different ones for another seed', async () => {
		const [a, b, c] = ['a.cast', 'b.cast', 'c.cast'].map(name => path.join(folder, name));
		await recordHeadless({config, path: a, ...quick});
		await recordHeadless({config, path: b, ...quick});
		await recordHeadless({config: {...config, seed: 8}, path: c, ...quick});
		// The same bytes but for the file's name in the header's command (it reproduces the cast).
		expect(read(a).replace(a, 'FILE')).toBe(read(b).replace(b, 'FILE'));
		expect(read(a).replace(a, 'FILE')).not.toBe(read(c).replace(c, 'FILE'));
	});

	it('writes v3 on request: term in the header, relative intervals summing to the same length', async () => {
		const file = path.join(folder, 'v3.cast');
		await recordHeadless({config, path: file, castFormat: 'v3', ...quick});
		const cast = parseCast(read(file));
		expect(cast.header['term']).toEqual({cols: 120, rows: 36, type: 'xterm-256color'});
		expect(cast.events.at(-1)).toEqual({timeSeconds: expect.closeTo(12, 6) as unknown, code: 'x', data: '0'});
		const lastFrame = renderFrame(advance(createInitialState(config), 1800), {columns: 120, rows: 36, isColor: true}, recordingUiState(quick));
		expect(await replayScreen(cast)).toEqual(expectedScreen(frameLines(stripSgr(lastFrame), 36), 120, 36));
	});

	it('stops when interrupted and leaves a valid cast up to that moment (exit code 130)', async () => {
		const file = path.join(folder, 'cut.cast');
		const controller = new AbortController();
		const result = await recordHeadless({
			config,
			path: file,
			isHandlingSignals: false,
			signal: controller.signal,
			onProgress({frame}) {
				if (frame === 19) controller.abort();
			},
		});
		expect(result).toEqual({exitCode: 130, message: `Recording stopped by SIGINT: ${file} holds a valid cast of the first 1.9 s.`, frames: 20, castSeconds: 1.9});
		const cast = parseCast(read(file));
		expect(cast.events.at(-1)?.timeSeconds).toBe(1.9);
	});

	it('fails before anything starts on an unwritable path or bad options, with exit code 2', async () => {
		const missing = path.join(folder, 'missing', 'x.cast');
		expect(await recordHeadless({config, path: missing, isHandlingSignals: false})).toEqual({
			exitCode: 2, message: `--record ${missing}: the folder ${path.dirname(missing)} does not exist.`, frames: 0, castSeconds: 0,
		});
		const existing = path.join(folder, 'old.cast');
		fs.writeFileSync(existing, 'old');
		expect((await recordHeadless({config, path: existing, isHandlingSignals: false})).message).toBe(`--record ${existing}: the file already exists (add --force to overwrite it).`);
		expect(read(existing)).toBe('old');
		expect((await recordHeadless({config, path: existing, force: true, ...quick})).exitCode).toBe(0);
		expect((await recordHeadless({config, path: path.join(folder, 'y.cast'), fps: 0})).message).toBe('--fps must be a whole number from 1 to 120, got 0.');
		expect((await recordHeadless({config, path: path.join(folder, 'y.cast'), speed: -1})).message).toBe('--speed must be a number above 0, got -1.');
		expect(fs.existsSync(path.join(folder, 'y.cast'))).toBe(false);
	});
});
