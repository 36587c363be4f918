/**
 * The comparison's worker thread: side B of `compare A B --headless` (./run-pair.ts). The first
 * message is the config; each one after it a simulated moment to advance to, answered with the
 * side's result there. Stops when the main thread terminates it.
 */
import {parentPort} from 'node:worker_threads';
import {sideRun, type PairWorkerAnswer, type PairWorkerRequest, type SideRun} from './run-pair.js';

let side: SideRun | undefined;
parentPort?.on('message', (request: PairWorkerRequest) => {
	if ('config' in request) {
		side = sideRun(request.config);
		return;
	}

	parentPort?.postMessage({result: side!.advanceTo(request.seconds)} satisfies PairWorkerAnswer);
});
