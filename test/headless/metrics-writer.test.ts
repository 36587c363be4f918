import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {openMetricsWriter} from '../../source/headless/metrics-writer.js';
import type {MetricsLine} from '../../source/sim/index.js';

const line = (t: number): MetricsLine => ({t, arrivalRate: 20, completedRate: 19.5, cpuAvg: 67, latencyP50: 35, latencyP99: 240, inService: 2, pending: 0, desired: 2, healthy: 2, errors: {'502': 0, '503': 0, '504': 0}, costUsd: 0.001 * t});

test('each line is on disk as soon as it is written, so a cut-short run leaves whole JSON lines', () => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-metrics-')), 'run.ndjson');
	const opened = openMetricsWriter(file);
	if (!opened.ok) expect.fail(opened.message);
	opened.writer.write(line(60));
	opened.writer.write(line(120));
	// Read before closing: nothing is buffered in the process.
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	expect(lines.at(-1)).toBe('');
	expect(lines.slice(0, -1).map(text => (JSON.parse(text) as MetricsLine).t)).toEqual([60, 120]);
	opened.writer.close();
	opened.writer.close();
	expect(opened.writer.lineCount()).toBe(2);
});

test('a folder that does not exist is one sentence, before anything runs', () => {
	const opened = openMetricsWriter('/nonexistent-folder/run.ndjson');
	expect(opened).toEqual({ok: false, message: 'cannot write metrics to /nonexistent-folder/run.ndjson: the folder /nonexistent-folder does not exist.'});
});

test('a folder as the file is refused', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-metrics-'));
	const opened = openMetricsWriter(folder);
	expect(opened.ok).toBe(false);
	if (!opened.ok) expect(opened.message).toBe(`cannot write metrics to ${folder}: it is a folder.`);
});
