/**
 * A sweep's worker thread: receives one run (a config) at a time, runs it headless and posts
 * back its summary. Started by ./pool.ts; stops when the pool terminates it.
 */
import {parentPort} from 'node:worker_threads';
import {runJob, type Job} from './pool.js';

parentPort?.on('message', (job: Job) => {
	parentPort?.postMessage(runJob(job));
});
