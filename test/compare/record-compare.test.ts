/**
 * `scaletop compare A B --headless --record FILE.cast`: the comparison view rendered from
 * simulated time. The cast is read as a player reads it (header, events in time order, the
 * screen replayed through a terminal emulator); test/compare/compare-cli.test.ts has the built
 * CLI's cast reproduced from its header's command and accepted by `asciinema cat`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {compareCommand, loadSides} from '../../source/compare/command.js';
import {compareFrames, compareFramePlan, pairMarkers} from '../../source/compare/record-compare.js';
import {frameLines} from '../../source/ui/screen/paint-screen.js';
import {expectedScreen, parseCast, replayScreen, stripSgr} from '../recorder/helpers/replay.js';

let folder: string;
beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-compare-rec-'));
});
afterEach(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

async function compare(args: readonly string[]) {
	let stdout = '';
	let stderr = '';
	const status = await compareCommand(args, {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: (text: string) => (stderr += text)}, threads: 1});
	return {status, stdout, stderr};
}


describe('compare --headless --record', () => {
	test('writes the comparison view: a valid cast whose screen shows both labelled dashboards and the strip, then prints the table', async () => {
		const file = path.join(folder, 'pair.cast');
		// 5 simulated minutes at the default speed (5×) in 2 frames a second: a 60-second cast of 121 frames.
		const result = await compare(['thrashing', 'steady', '--headless', '--record', file, '--duration', '5m', '--fps', '2']);
		expect(result.stderr).toBe(`Recorded 60.0 s of cast (121 frames) to ${file}.\n`);
		expect(result.status).toBe(0);
		expect(result.stdout.split('\n')[0]).toBe('scaletop compare · A thrashing vs B steady — seed 13, 5m simulated');
		// The table is the headless comparison's: each side as that preset run alone.
		expect(result.stdout).toBe((await compare(['thrashing', 'steady', '--headless', '--duration', '5m'])).stdout);

		const cast = parseCast(fs.readFileSync(file, 'utf8'));
		expect(cast.header).toMatchObject({
			version: 2,
			width: 120,
			height: 40,
			title: 'Thrashing: no cooldown and tight thresholds vs Steady: the same load as thrashing under a sane policy',
			command: `scaletop compare thrashing steady --headless --record ${file} --seed 13 --duration 5m --speed 5 --fps 2 --cols 120 --rows 40`,
		});
		expect(cast.events.at(-1)!.timeSeconds).toBe(60);
		const screen = (await replayScreen(cast)).map(line => line.trimEnd());
		expect(screen[0]).toBe('compare  A thrashing vs B steady  the same load (constant 86/s): both sides see the same arrivals, tick for tick');
		expect(screen[1]).toMatch(/^A {2}scaletop {2}thrashing {2}00:05:00\/00:05:00 {2}×5 /);
		expect(screen.find(line => line.startsWith('B  scaletop'))).toMatch(/^B {2}scaletop {2}steady {2}00:05:00\/00:05:00 {2}×5 /);
		const strip = screen.slice(31, 39);
		expect(strip[1]).toMatch(/^│ so far +│ +5xx │ +p99 ms │ +cost │ instances │ +peak │ activities │$/);
		expect(strip.map(line => line.split('│')[1]?.trim())).toEqual([undefined, 'so far', undefined, 'A thrashing', 'B steady', 'B − A', 'better', undefined]);
		// The strip's 5xx are the table's.
		const tableFailures = /^5xx errors +([\d,]+) +([\d,]+)/m.exec(result.stdout)!;
		expect(strip[3]!.split('│')[2]!.trim()).toBe(tableFailures[1]);
		expect(strip[4]!.split('│')[2]!.trim()).toBe(tableFailures[2]);

		// The last screen is the last frame, as the frames are made (the same pure function the live first frame uses).
		const [a, b] = loadSides(['thrashing', 'steady'], {durationSeconds: 300});
		let last = '';
		for (const frame of compareFrames(a, b, {columns: 120, rows: 40, fps: 2, speed: 5, isColor: true})) last = frame.text;
		expect(screen).toEqual(expectedScreen(frameLines(stripSgr(last), 40, 120), 120, 40).map(line => line.trimEnd()));

		// A marker per timeline event of either side, in time order, where it happens.
		const markers = cast.events.filter(event => event.code === 'm');
		expect(markers.map(marker => marker.data)).toEqual(pairMarkers(a, b).map(marker => marker.label));
		expect(markers.map(marker => marker.timeSeconds)).toEqual(pairMarkers(a, b).map(marker => marker.seconds / 5));
		expect(markers[0]!.data).toMatch(/^A: /);
		expect(markers.some(marker => marker.data.startsWith('B: '))).toBe(true);

	}, 120_000);

	test('one marker for an event both sides have at the same moment', () => {
		const [a, b] = loadSides(['tour', 'tour'], {});
		const markers = pairMarkers(a, b);
		expect(markers.length).toBeGreaterThan(3);
		expect(markers.every(marker => marker.label.startsWith('A and B: '))).toBe(true);
		expect(compareFramePlan(a, b, {fps: 10, speed: 5})).toEqual({totalFrames: 601, castSeconds: 60});
	});

	test('the output path rules of every --record: an existing file is refused without --force (exit 2, untouched)', async () => {
		const file = path.join(folder, 'exists.cast');
		fs.writeFileSync(file, 'keep me\n');
		const refused = await compare(['thrashing', 'steady', '--headless', '--record', file, '--duration', '1m']);
		expect(refused).toEqual({status: 2, stdout: '', stderr: `scaletop: --record ${file}: the file already exists (add --force to overwrite it).\n`});
		expect(fs.readFileSync(file, 'utf8')).toBe('keep me\n');
		const missing = path.join(folder, 'no-such-folder', 'x.cast');
		expect(await compare(['thrashing', 'steady', '--headless', '--record', missing, '--duration', '1m'])).toEqual({status: 2, stdout: '', stderr: `scaletop: --record ${missing}: the folder ${path.dirname(missing)} does not exist.\n`});
		const forced = await compare(['thrashing', 'steady', '--headless', '--record', file, '--duration', '1m', '--fps', '1', '--force', '--json']);
		expect(forced.status).toBe(0);
		expect(Object.keys(JSON.parse(forced.stdout) as object)).toEqual(['a', 'b']);
		expect(parseCast(fs.readFileSync(file, 'utf8')).header['width']).toBe(120);
	}, 60_000);

	test('the recording flags are checked, each in one sentence', async () => {
		const file = path.join(folder, 'x.cast');
		expect(await compare(['thrashing', 'steady', '--headless', '--cols', '100'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --cols applies to --headless --record FILE.cast (scaletop compare A B --headless --record F.cast --cols …)\n'});
		expect(await compare(['thrashing', 'steady', '--headless', '--record', file, '--fps', '0'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --fps must be a whole number from 1 to 120, got "0"\n'});
		expect(await compare(['thrashing', 'steady', '--headless', '--record', file, '--speed', '100000'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --speed 100000 makes this 1h comparison a cast of 36ms; a cast lasts 1s to 1h, so --speed must be from 1 to 3600 here\n'});
		expect(await compare(['thrashing', 'steady', '--headless', '--ascii'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --ascii applies to the live comparison (scaletop compare A B --ascii) and to recordings (--record F.cast), not to the headless table\n'});
		expect(fs.existsSync(file)).toBe(false);
	});
});
