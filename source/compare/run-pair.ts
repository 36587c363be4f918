/**
 * The two runs of `compare A B --headless`, on one simulated clock and interruptible. Both
 * sides advance chunk by chunk to the same simulated moments — A in this thread, B on a
 * worker thread beside it when there are two cores (./pair-worker.ts) — and between two chunks
 * the event loop turns, so Ctrl-C is heard; then both stop at the same moment and the table so
 * far compares like with like (as `PRESET --headless` prints its summary so far). Each side
 * runs to its own end; chunking does not change a run (advance(advance(s, a), b) equals
 * advance(s, a + b)), so each side's summary is still that preset run alone.
 */
import {Worker} from 'node:worker_threads';
import {checkInvariants} from '../headless/run-headless.js';
import {advance, createInitialState, selectSummary, type RunSummary, type SimConfig, type SimState} from '../sim/index.js';

/** Where one side is: its summary, its broken invariants, whether it reached its end. */
export type SideResult = {readonly summary: RunSummary; readonly violations: readonly string[]; readonly isComplete: boolean};

/** One side's run, advanced to a simulated moment at a time (in this thread or in the worker). */
export type SideRun = {advanceTo(seconds: number): SideResult};

/** A side's run: advance to a moment (never past its end), checking its invariants after each step. */
export function sideRun(config: SimConfig): SideRun {
	const totalTicks = Math.round(config.durationSeconds / config.tickSeconds);
	let state: SimState = createInitialState(config);
	let summary = selectSummary(state);
	const violations: string[] = [];
	return {
		advanceTo(seconds) {
			const tick = Math.min(totalTicks, Math.round(seconds / config.tickSeconds));
			if (tick > state.clock.tick) {
				state = advance(state, tick - state.clock.tick);
				const next = selectSummary(state);
				if (violations.length === 0) violations.push(...checkInvariants(state, next, summary.cost.totalUsd));
				summary = next;
			}

			return {summary, violations, isComplete: state.clock.tick >= totalTicks};
		},
	};
}

/** The moments both sides stop at: one simulated hour apart at most, at most 16 for a short run, the last the longer side's end. */
export function pairMoments(a: SimConfig, b: SimConfig): number[] {
	const longest = Math.max(a.durationSeconds, b.durationSeconds);
	const step = Math.max(60, Math.min(3600, Math.ceil(longest / 16 / 60) * 60));
	const moments: number[] = [];
	for (let seconds = step; seconds < longest; seconds += step) moments.push(seconds);
	moments.push(longest);
	return moments;
}

/** Options of `runPair`. */
export type PairOptions = {
	readonly a: SimConfig;
	readonly b: SimConfig;
	/** 2: B on a worker thread; 1: both in this thread. */
	readonly threads: number;
	/** Aborted: both stop at the next moment they reach together. */
	readonly signal?: AbortSignal;
	/** The worker module (default ./pair-worker.js beside this file, as built in dist/). */
	readonly workerUrl?: URL;
};

/** A message to the worker, and its answer. */
export type PairWorkerRequest = {readonly config: SimConfig} | {readonly seconds: number};
export type PairWorkerAnswer = {readonly result: SideResult} | {readonly ready: true};

const nextTurn = async () => new Promise(resolve => {
	setImmediate(resolve);
});

/** B's run on a worker thread: each advance is a message and its answer. */
function workerSide(config: SimConfig, url: URL): {advanceTo(seconds: number): Promise<SideResult>; close(): Promise<number>} {
	const worker = new Worker(url);
	let pending: {resolve(result: SideResult): void; reject(error: Error): void} | undefined;
	let failure: Error | undefined;
	let isClosing = false;
	const fail = (error: Error) => {
		failure ??= error;
		pending?.reject(failure);
		pending = undefined;
	};

	worker.on('message', (answer: PairWorkerAnswer) => {
		if ('result' in answer) {
			pending?.resolve(answer.result);
			pending = undefined;
		}
	});
	worker.on('error', fail);
	worker.on('exit', code => {
		if (!isClosing) fail(new Error(`the comparison's worker stopped with exit code ${code}`));
	});
	worker.postMessage({config} satisfies PairWorkerRequest);
	return {
		async advanceTo(seconds) {
			if (failure) throw failure;
			return new Promise<SideResult>((resolve, reject) => {
				pending = {resolve, reject};
				worker.postMessage({seconds} satisfies PairWorkerRequest);
			});
		},
		async close() {
			isClosing = true;
			return worker.terminate();
		},
	};
}

/** Run both sides to their ends, or until the signal; both results at the same moment. */
export async function runPair(options: PairOptions): Promise<{readonly a: SideResult; readonly b: SideResult}> {
	const a = sideRun(options.a);
	const worker = options.threads >= 2 ? workerSide(options.b, options.workerUrl ?? new URL('pair-worker.js', import.meta.url)) : undefined;
	const local = worker ? undefined : sideRun(options.b);
	let resultA = a.advanceTo(0);
	let resultB = local?.advanceTo(0) ?? resultA;
	try {
		if (worker) resultB = await worker.advanceTo(0);
		for (const seconds of pairMoments(options.a, options.b)) {
			if (options.signal?.aborted) break;
			// B goes first on its thread, A meanwhile on this one.
			const b = worker?.advanceTo(seconds);
			resultA = a.advanceTo(seconds);
			resultB = b ? await b : local!.advanceTo(seconds);
			await nextTurn();
		}
	} finally {
		await worker?.close();
	}

	return {a: resultA, b: resultB};
}
