/**
 * The sweep's pool: results in the list's order whatever the threads, and a worker that
 * stops without answering fails the sweep with a sentence instead of hanging it.
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {runJob, runJobs, type Job} from '../../source/sweep/pool.js';

function jobs(count: number): Job[] {
	const loaded = loadPreset('steady');
	if (!loaded.ok) throw new Error(loaded.message);
	return Array.from({length: count}, (_, index) => ({index, config: {...loaded.config, seed: index + 1, durationSeconds: 120}}));
}

describe('runJobs', () => {
	test('one thread: every run, in order, each equal to the run alone; progress told per run', async () => {
		const list = jobs(4);
		const told: number[] = [];
		const results = await runJobs(list, {threads: 1, onResult: (_result, done) => told.push(done)});
		expect(results.map(result => result.index)).toEqual([0, 1, 2, 3]);
		expect(results.map(result => result.summary)).toEqual(list.map(job => runJob(job).summary));
		expect(told).toEqual([1, 2, 3, 4]);
	});

	test('a worker that stops without answering fails the sweep (no hang)', async () => {
		const workerUrl = pathToFileURL(path.resolve('test/fixtures/sweep/dying-worker.mjs'));
		await expect(runJobs(jobs(6), {threads: 2, workerUrl})).rejects.toThrow('a sweep worker stopped with exit code 0');
	});
});
