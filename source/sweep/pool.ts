/**
 * Runs a list of headless runs on worker threads (one per core by default) and returns their
 * results in the list's order. Each run is a pure function of its config, so the results are
 * the same whatever the number of threads and whichever thread ran which run. With one
 * thread the runs go in this thread, with no worker at all.
 */
import {Worker} from 'node:worker_threads';
import {runHeadless} from '../headless/run-headless.js';
import type {RunSummary, SimConfig} from '../sim/index.js';

/** One run to do. */
export type Job = {readonly index: number; readonly config: SimConfig};

/** What a run gave. */
export type JobResult = {readonly index: number; readonly summary: RunSummary; readonly violations: readonly string[]};

/** How to run the jobs. */
export type PoolOptions = {
	/** Worker threads (≥ 1). 1 runs in this thread. */
	readonly threads: number;
	/** Told after each finished run (for the progress bar). */
	readonly onResult?: (result: JobResult, done: number) => void;
	/** Aborted: no new run starts; the promise resolves with the runs finished so far. */
	readonly signal?: AbortSignal;
	/** The worker module (default ./worker.js beside this file, as built in dist/). */
	readonly workerUrl?: URL;
};

/** One run in this thread (the worker does the same). */
export function runJob(job: Job): JobResult {
	const result = runHeadless({config: job.config});
	return {index: job.index, summary: result.summary, violations: result.violations};
}

const nextTurn = () => new Promise(resolve => {
	setImmediate(resolve);
});

async function runInThisThread(jobs: readonly Job[], options: PoolOptions): Promise<JobResult[]> {
	const results: JobResult[] = [];
	for (const job of jobs) {
		if (options.signal?.aborted) break;
		const result = runJob(job);
		results.push(result);
		options.onResult?.(result, results.length);
		// Let a signal handler and the progress bar run between two runs.
		await nextTurn();
	}

	return results;
}

/** Run every job; results sorted by index (only the finished ones when aborted). */
export async function runJobs(jobs: readonly Job[], options: PoolOptions): Promise<JobResult[]> {
	const threads = Math.max(1, Math.min(Math.floor(options.threads), jobs.length));
	if (threads <= 1) return runInThisThread(jobs, options);
	const url = options.workerUrl ?? new URL('worker.js', import.meta.url);
	const results: JobResult[] = [];
	let next = 0;
	const workers: Worker[] = [];
	try {
		await new Promise<void>((resolve, reject) => {
			let running = 0;
			const feed = (worker: Worker) => {
				if (options.signal?.aborted || next >= jobs.length) {
					if (running === 0) resolve();
					return;
				}

				running++;
				worker.postMessage(jobs[next++]);
			};

			options.signal?.addEventListener('abort', () => {
				if (running === 0) resolve();
			});
			for (let k = 0; k < threads; k++) {
				const worker = new Worker(url);
				workers.push(worker);
				worker.on('message', (result: JobResult) => {
					running--;
					results.push(result);
					options.onResult?.(result, results.length);
					feed(worker);
				});
				worker.on('error', error => {
					reject(error);
				});
				worker.on('exit', code => {
					if (code !== 0) reject(new Error(`a sweep worker stopped with exit code ${code}`));
				});
				feed(worker);
			}
		});
	} finally {
		await Promise.all(workers.map(async worker => worker.terminate()));
	}

	return results.sort((a, b) => a.index - b.index);
}
