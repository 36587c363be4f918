/**
 * Runs a list of headless runs on every core (worker threads beside this one) and returns their
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

/**
 * Run every job; results sorted by index (only the finished ones when aborted). With N
 * threads, N − 1 workers run beside this thread, which takes jobs too between their messages:
 * it is warm already (the workers start cold: ~0.25 s to load and compile), and a core is not
 * left to a thread that only waits.
 */
export async function runJobs(jobs: readonly Job[], options: PoolOptions): Promise<JobResult[]> {
	const threads = Math.max(1, Math.min(Math.floor(options.threads), jobs.length));
	if (threads <= 1) return runInThisThread(jobs, options);
	const url = options.workerUrl ?? new URL('worker.js', import.meta.url);
	const results: JobResult[] = [];
	let next = 0;
	let failure: Error | undefined;
	let isClosing = false;
	const workers: Worker[] = [];
	const isStopped = () => failure !== undefined || (options.signal?.aborted ?? false);
	const done = (result: JobResult) => {
		results.push(result);
		options.onResult?.(result, results.length);
	};

	try {
		let running = 0;
		let wake: (() => void) | undefined;
		const inFlight = new Map<Worker, number>();
		// Two runs queued per worker while many are left, so that a worker never waits for this
		// thread (busy with its own run) to hand it the next one; one each near the end, so
		// that the last runs are not stuck behind another in a worker's queue.
		const feed = (worker: Worker) => {
			while (!isStopped() && next < jobs.length && (inFlight.get(worker) ?? 0) < (jobs.length - next > threads ? 2 : 1)) {
				running++;
				inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
				worker.postMessage(jobs[next++]);
			}
		};

		for (let k = 0; k < threads - 1; k++) {
			const worker = new Worker(url);
			workers.push(worker);
			worker.on('message', (result: JobResult) => {
				running--;
				inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
				done(result);
				feed(worker);
				wake?.();
			});
			worker.on('error', error => {
				failure ??= error;
				wake?.();
			});
			worker.on('exit', code => {
				if (!isClosing) failure ??= new Error(`a sweep worker stopped with exit code ${code}`);
				wake?.();
			});
			feed(worker);
		}

		// This thread's share: one job at a time, with a turn of the event loop in between so
		// that the workers' results, new jobs for them and signals are handled.
		while (!isStopped() && next < jobs.length) {
			done(runJob(jobs[next++]!));
			await nextTurn();
		}

		while (running > 0 && failure === undefined) {
			await new Promise<void>(resolve => {
				wake = resolve;
			});
			wake = undefined;
		}
	} finally {
		isClosing = true;
		await Promise.all(workers.map(async worker => worker.terminate()));
	}

	if (failure) throw failure;
	return results.sort((a, b) => a.index - b.index);
}
