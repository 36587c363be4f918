/**
 * A checked-in cast (test/fixtures/casts/clock.cast) pins the file format byte for byte: header,
 * timing, markers, painting. The frames come from a tiny renderer (the clock, a bar and the
 * caption), so the dashboard's look can change without touching it. After a deliberate format
 * change, rewrite it with `UPDATE_CASTS=1 npx vitest run test/recorder/golden.test.ts` and review
 * the diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';
import {recordHeadless} from '../../source/recorder/record-headless.js';
import {makeConfig, selectCaption, selectHeader, type SimState} from '../../source/sim/index.js';
import type {FrameOptions} from '../../source/ui/render-frame.js';
import {parseCast, replayScreen} from './helpers/replay.js';

const fixture = fileURLToPath(new URL('../fixtures/casts/clock.cast', import.meta.url));

const config = makeConfig({
	name: 'clock',
	title: 'A clock, a bar and a caption',
	seed: 3,
	durationSeconds: 120,
	timeline: [
		{atTick: 30, action: {type: 'preset/caption-shown', text: 'Half a minute'}},
		{atTick: 90, action: {type: 'preset/marker-reached', label: 'ninety'}},
	],
});

/** The clock, a green bar growing with it, and the caption: three short lines. */
function renderClock(state: SimState, {columns}: FrameOptions): string {
	const {tick} = selectHeader(state);
	const bar = '#'.repeat(Math.floor((tick / 120) * (columns - 2)));
	return [`t=${tick}s`, `[\u001B[32m${bar}\u001B[39m]`, selectCaption(state)].join('\n');
}

it('recording the clock preset gives the checked-in cast, byte for byte', async () => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-golden-')), 'clock.cast');
	const result = await recordHeadless({config, path: file, columns: 24, rows: 5, speed: 20, fps: 2, render: renderClock, isHandlingSignals: false});
	expect(result.exitCode).toBe(0);
	// The header's command names the file it was recorded to (a temporary folder here).
	const text = fs.readFileSync(file, 'utf8').replace(`--record ${file} `, '--record clock.cast ');
	if (process.env['UPDATE_CASTS']) fs.writeFileSync(fixture, text);
	expect(text).toBe(fs.readFileSync(fixture, 'utf8'));
	const screen = await replayScreen(parseCast(text));
	expect(screen.map(line => line.trimEnd())).toEqual(['t=120s', `[${'#'.repeat(22)}]`, 'Half a minute', '', '']);
});
