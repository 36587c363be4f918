/**
 * Two simulations on one clock, for the live comparison: one pacing timer advances both by
 * the same ticks every frame, so their clocks never drift apart (the dashboard's own hook,
 * ../../ui/hooks/use-simulation.ts, paces one; its pure pacing arithmetic is reused here).
 * Paused, the timer stops; `stepOne` advances both one tick; `act` applies a key's action to
 * both (./pair-actions.ts).
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {performance} from 'node:perf_hooks';
import {advance, createInitialState, type SimAction, type SimConfig, type SimState} from '../../sim/index.js';
import {advanceWithin, paceOf, ticksForFrame, type Pace, type SimulationOptions} from '../../ui/hooks/use-simulation.js';
import {actOnBoth, type PairResult} from './pair-actions.js';

/** Both sides' states. */
export type Pair = {readonly a: SimState; readonly b: SimState};

export type PairSimulation = {
	readonly pair: Pair;
	readonly act: (action: SimAction) => PairResult;
	readonly stepOne: () => Pair;
	/** Both states now (ahead of `pair` until React renders again). */
	readonly current: () => Pair;
	readonly pace: Pace;
};

/** Frames in the window the pace is measured over. */
const paceFrames = 20;

/** The live pair of simulations for `a` and `b` (one tick length: the caller checks). */
export function usePairSimulation(configA: SimConfig, configB: SimConfig, options: SimulationOptions): PairSimulation {
	const [pair, setPair] = useState<Pair>(() => ({a: createInitialState(configA), b: createInitialState(configB)}));
	const current = useRef(pair);
	const [pace, setPace] = useState<Pace>({actualSpeed: options.speed, isLagging: false});
	const {isPaused, speed, fps} = options;
	const latest = useRef({isPaused, speed});
	latest.current = {isPaused, speed};
	const commit = useCallback((next: Pair) => {
		current.current = next;
		setPair(next);
	}, []);
	useEffect(() => {
		if (isPaused) return undefined;
		const frameMs = 1000 / fps;
		const budgetMs = frameMs / 2;
		let carry = 0;
		let msPerTick: number | undefined;
		let last = performance.now();
		const window: Array<{readonly wanted: number; readonly dropped: number}> = [];
		const timer = setInterval(() => {
			if (latest.current.isPaused) return;
			const now = performance.now();
			const elapsed = Math.min(now - last, 4 * frameMs);
			last = now;
			const wantedSpeed = latest.current.speed;
			const due = ticksForFrame(carry, wantedSpeed, elapsed, configA.tickSeconds);
			carry = due.carry;
			let dropped = 0;
			if (due.ticks > 0) {
				// B follows A chunk for chunk: the cost measured is the pair's.
				let b = current.current.b;
				const result = advanceWithin(current.current.a, due.ticks, budgetMs, msPerTick, () => performance.now(), (a, ticks) => {
					b = advance(b, ticks);
					return advance(a, ticks);
				});
				msPerTick = result.msPerTick;
				dropped = due.ticks - result.ticksDone;
				if (dropped > 0) carry = 0;
				commit({a: result.state, b});
			}

			window.push({wanted: (wantedSpeed * elapsed) / 1000 / configA.tickSeconds, dropped});
			if (window.length > paceFrames) window.shift();
			const next = paceOf(wantedSpeed, window.reduce((sum, f) => sum + f.wanted, 0), window.reduce((sum, f) => sum + f.dropped, 0));
			const rounded = next.isLagging ? {actualSpeed: Number(next.actualSpeed.toPrecision(2)), isLagging: true} : next;
			setPace(old => (old.isLagging === rounded.isLagging && old.actualSpeed === rounded.actualSpeed ? old : rounded));
		}, frameMs);
		return () => {
			clearInterval(timer);
		};
	}, [isPaused, fps, configA.tickSeconds, commit]);
	// A timeline's pause (either side's) pauses the comparison.
	const seen = useRef(pair.a.pauseRequests + pair.b.pauseRequests);
	const onPauseRequested = useRef(options.onPauseRequested);
	onPauseRequested.current = options.onPauseRequested;
	const requests = pair.a.pauseRequests + pair.b.pauseRequests;
	useEffect(() => {
		if (requests > seen.current) onPauseRequested.current();
		seen.current = requests;
	}, [requests]);
	const act = useCallback((action: SimAction) => {
		const result = actOnBoth(current.current.a, current.current.b, action);
		commit({a: result.a, b: result.b});
		return result;
	}, [commit]);
	const stepOne = useCallback(() => {
		const next = {a: advance(current.current.a, 1), b: advance(current.current.b, 1)};
		commit(next);
		return next;
	}, [commit]);
	const now = useCallback(() => current.current, []);
	return {pair, act, stepOne, current: now, pace};
}
