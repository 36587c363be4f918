/**
 * Recorder figures for `npm run bench`: how much faster than real time a headless recording is
 * made. The case is the issue's: a 30-minute preset at 30× speed and 10 fps, i.e. a 60-second,
 * 601-frame cast at 120 × 36. Goal: made at least 20× faster than it plays. And the comparison
 * view (`compare thrashing steady --headless --record`, issue 13): two 1-hour runs at 60×, 10
 * fps, 120 × 40, the same 60-second cast; the same goal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {listBuiltInPresets, loadPreset} from '../presets/load-preset.js';
import {openCastFile} from '../recorder/cast-file.js';
import {headlessFrames} from '../recorder/headless-frames.js';
import {frameLines, paintFrame} from '../ui/screen/paint-screen.js';
import {loadSides} from '../compare/command.js';
import {recordCompare} from '../compare/record-compare.js';
import {recordHeadless} from '../recorder/record-headless.js';
import {makeConfig, type SimConfig} from '../sim/index.js';
import type {BenchLine} from './types.js';

/** A built-in 30-minute preset if there is one, else a 30-minute run with a spike and captions. */
function thirtyMinuteConfig(): {readonly config: SimConfig; readonly label: string} {
	const listing = listBuiltInPresets().find(preset => preset.durationSeconds === 1800);
	const loaded = listing ? loadPreset(listing.name) : undefined;
	if (loaded?.ok) return {config: loaded.config, label: `preset ${listing!.name}`};
	const config = makeConfig({
		name: 'bench-recorder',
		title: 'Recorder bench',
		durationSeconds: 1800,
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 40},
		timeline: [
			{atTick: 300, action: {type: 'preset/caption-shown', text: 'A spike: five times the load for ten minutes'}},
			{atTick: 300, action: {type: 'traffic/spike-started', factor: 5, durationSeconds: 600}},
			{atTick: 1200, action: {type: 'preset/caption-shown', text: 'The group scales back in'}},
		],
	});
	return {config, label: 'a 30-minute spike scenario'};
}

/** Best of `runs` recordings: wall ms, frames, cast seconds and file size. */
async function measure(config: SimConfig, runs: number): Promise<{wallMs: number; frames: number; castSeconds: number; bytes: number}> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-bench-'));
	const file = path.join(folder, 'bench.cast');
	let best = {wallMs: Number.POSITIVE_INFINITY, frames: 0, castSeconds: 0, bytes: 0};
	try {
		for (let run = 0; run < runs; run++) {
			const start = performance.now();
			// Sequential on purpose: each run is timed alone.
			const result = await recordHeadless({config, path: file, force: true, speed: 30, fps: 10, columns: 120, rows: 36, isHandlingSignals: false});
			const wallMs = performance.now() - start;
			if (result.exitCode !== 0) throw new Error(result.message ?? 'the recording failed');
			if (wallMs < best.wallMs) best = {wallMs, frames: result.frames, castSeconds: result.castSeconds, bytes: fs.statSync(file).size};
		}
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}

	return best;
}

/** Best of `runs` recordings of the comparison thrashing vs steady: wall ms and cast seconds. */
async function measureCompare(runs: number): Promise<{wallMs: number; frames: number; castSeconds: number}> {
	const [a, b] = loadSides(['thrashing', 'steady'], {});
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-bench-'));
	let best = {wallMs: Number.POSITIVE_INFINITY, frames: 0, castSeconds: 0};
	try {
		for (let run = 0; run < runs; run++) {
			const start = performance.now();
			const result = await recordCompare({a, b, references: ['thrashing', 'steady'], path: path.join(folder, 'compare.cast'), force: true, isHandlingSignals: false});
			const wallMs = performance.now() - start;
			if (result.exitCode !== 0) throw new Error(result.message ?? 'the recording failed');
			if (wallMs < best.wallMs) best = {wallMs, frames: result.frames, castSeconds: result.castSeconds};
		}
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}

	return best;
}

/** The recorder's own share per frame: painting the line diff, encoding and writing it (no sim, no render). */
function recorderOverheadMs(config: SimConfig): number {
	const texts = [...headlessFrames(config, {columns: 120, rows: 36, fps: 10, speed: 30, isColor: true})].map(frame => frame.text);
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-bench-'));
	try {
		const opened = openCastFile({path: path.join(folder, 'overhead.cast'), header: {columns: 120, rows: 36}});
		if (!opened.ok) throw new Error(opened.message);
		const start = performance.now();
		let previous: string[] | undefined;
		for (const [index, text] of texts.entries()) {
			const lines = frameLines(text, 36, 120);
			const data = paintFrame(previous, lines);
			previous = lines;
			if (data !== '') opened.file.write({timeSeconds: index / 10, code: 'o', data});
		}

		const elapsed = performance.now() - start;
		opened.file.close();
		return elapsed / texts.length;
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
}

/** Recording speed as a multiple of the cast's own duration, per-frame cost and file size. */
export async function bench(): Promise<BenchLine[]> {
	const {config, label} = thirtyMinuteConfig();
	await measure(config, 1);
	const best = await measure(config, 3);
	const multiple = (best.castSeconds * 1000) / best.wallMs;
	await measureCompare(1);
	const compared = await measureCompare(3);
	return [
		{name: `headless recording, ${label}, 30× speed, 10 fps, 120×36 (${best.castSeconds} s cast)`, value: `${multiple.toFixed(1)}× faster than it plays (${(best.wallMs / 1000).toFixed(2)} s, best of 3)`, goal: '≥ 20×'},
		{name: 'headless recording, time per frame (advance + render + paint + write)', value: `${(best.wallMs / best.frames).toFixed(2)} ms`},
		{name: 'headless recording, cast file size', value: `${(best.bytes / 1024).toFixed(0)} KiB for ${best.frames} frames`},
		{name: 'recorder\'s own share per frame (line diff + encode + write)', value: `${recorderOverheadMs(config).toFixed(3)} ms`},
		{name: `compare thrashing steady --headless --record: both dashboards and the strip, 60× speed, 10 fps, 120×40 (${compared.castSeconds} s cast, ${compared.frames} frames)`, value: `${((compared.castSeconds * 1000) / compared.wallMs).toFixed(1)}× faster than it plays (${(compared.wallMs / 1000).toFixed(2)} s, best of 3)`, goal: '≥ 20×'},
	];
}
