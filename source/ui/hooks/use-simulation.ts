/**
 * Runs the simulation in real time: owns the SimState and the pacing timer — the only
 * `setInterval` in scaletop. Speed changes how many ticks a frame advances, never what a tick
 * simulates: at 1× one tick (1 s) passes every second, at 600× sixty ticks pass per frame at
 * 10 fps. Frames where no tick is due change nothing, so React and Ink draw nothing.
 *
 * Each frame simulates within a wall-time budget (half the frame), so that no speed and no
 * fleet size can keep the event loop from keys and signals: ticks that do not fit are dropped,
 * and the hook reports how fast the simulation really ran (the header says it lags, and by how
 * much). Paused, the timer stops; `stepOne` advances one tick. The clock is read here, at the
 * edge (style.md §1.3); the pacing arithmetic is pure and tested on its own.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {performance} from 'node:perf_hooks';
import {advance, createInitialState, step, type SimAction, type SimConfig, type SimState} from '../../sim/index.js';

/** Whole ticks due after `elapsedMs` of wall time, and the fraction carried to the next frame. */
export function ticksForFrame(carry: number, speed: number, elapsedMs: number, tickSeconds: number): {readonly ticks: number; readonly carry: number} {
	const due = carry + (speed * elapsedMs) / 1000 / tickSeconds;
	const ticks = Math.floor(due + 1e-9);
	return {ticks, carry: Math.max(0, due - ticks)};
}

/**
 * Advance `state` by up to `ticks` ticks within `budgetMs` of `now()`, in chunks sized from the
 * measured cost of a tick: the first chunk of a frame takes a quarter of the budget by the last
 * estimate (one tick when there is none yet), so a fleet that grew since still cannot hold the
 * event loop long; later chunks use the cost just measured. At least one tick runs when one is
 * due (a tick cannot be split). Returns the new state, the ticks done and the cost per tick.
 */
export function advanceWithin(state: SimState, ticks: number, budgetMs: number, msPerTick: number | undefined, now: () => number, run: (state: SimState, ticks: number) => SimState = advance): {readonly state: SimState; readonly ticksDone: number; readonly msPerTick: number | undefined} {
	const start = now();
	let done = 0;
	let current = state;
	let cost = msPerTick;
	while (done < ticks) {
		const used = now() - start;
		if (done > 0 && used >= budgetMs) break;
		const room = cost === undefined ? 1 : Math.max(1, Math.floor((done === 0 ? budgetMs / 4 : budgetMs - used) / Math.max(cost, 1e-4)));
		const chunk = Math.min(ticks - done, room);
		const before = now();
		current = run(current, chunk);
		cost = (now() - before) / chunk;
		done += chunk;
	}

	return {state: current, ticksDone: done, msPerTick: cost};
}

/**
 * States the run must hand on however far a frame advances: the state at every multiple of
 * `everyTicks` (the `--metrics` sampler writes one line per interval from them, as headless
 * does, even when a slow frame crosses several boundaries at once).
 */
export type Sampling = {
	readonly everyTicks: number;
	readonly onSample: (state: SimState) => void;
};

/**
 * `run` (default `advance`) that stops at every multiple of `sampling.everyTicks` on the way
 * and hands that state to `sampling.onSample` (the sim is deterministic: splitting an advance
 * changes nothing but where it pauses). Without sampling, `run` itself.
 */
export function sampledAdvance(sampling: Sampling | undefined, run: (state: SimState, ticks: number) => SimState = advance): (state: SimState, ticks: number) => SimState {
	if (!sampling) return run;
	const every = Math.max(1, Math.round(sampling.everyTicks));
	return (state, ticks) => {
		let current = state;
		let left = ticks;
		while (left > 0) {
			const chunk = Math.min(left, every - (current.clock.tick % every));
			current = run(current, chunk);
			left -= chunk;
			if (current.clock.tick % every === 0) sampling.onSample(current);
		}

		return current;
	};
}

/** How fast the run really goes, over the last few seconds of wall time. */
export type Pace = {
	/** Simulated seconds per real second achieved (equals the speed asked for when keeping up). */
	readonly actualSpeed: number;
	/** The simulation cannot keep up with the speed asked for (under 90 % of it). */
	readonly isLagging: boolean;
};

/** Pace from the ticks wanted and the ticks dropped (not simulated for lack of time) over a window of frames. */
export function paceOf(speed: number, wantedTicks: number, droppedTicks: number): Pace {
	if (wantedTicks <= 0) return {actualSpeed: speed, isLagging: false};
	const ratio = Math.max(0, 1 - droppedTicks / wantedTicks);
	return {actualSpeed: speed * ratio, isLagging: ratio < 0.9};
}

/** The same pace, rounded to two significant digits, so that a steady lag does not redraw every frame. */
function roundedPace(pace: Pace): Pace {
	if (!pace.isLagging) return pace;
	const digits = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(pace.actualSpeed, 1e-3))) - 1);
	return {actualSpeed: Math.round(pace.actualSpeed / digits) * digits, isLagging: true};
}

export type SimulationOptions = {
	readonly isPaused: boolean;
	/** Simulated seconds per real second. */
	readonly speed: number;
	/** Frames per second of the pacing timer. */
	readonly fps: number;
	/** Called when a preset's timeline asks the live run to pause (`state.pauseRequests` grew). */
	readonly onPauseRequested: () => void;
	/** States handed on at every interval boundary the run reaches (see {@link Sampling}). */
	readonly sampling?: Sampling;
};

export type Simulation = {
	readonly state: SimState;
	/** Apply a discrete action (a key); returns the state it led to (its new events say what happened). */
	readonly act: (action: SimAction) => SimState;
	/** Advance exactly one tick (the `.` key while paused); returns the state it led to. */
	readonly stepOne: () => SimState;
	/** The state now (ahead of `state` until React renders again). */
	readonly current: () => SimState;
	readonly pace: Pace;
};

/** Frames in the window the pace is measured over. */
const paceFrames = 20;

/** The live simulation for `config`. */
export function useSimulation(config: SimConfig, options: SimulationOptions): Simulation {
	const [state, setState] = useState(() => createInitialState(config));
	const current = useRef(state);
	const [pace, setPace] = useState<Pace>({actualSpeed: options.speed, isLagging: false});
	const {isPaused, speed, fps} = options;
	// The timer reads pause and speed from the latest render: a tick already due when the
	// user pauses must not slip in after the paused frame (the effect that stops the timer
	// runs only after React commits).
	const latest = useRef({isPaused, speed});
	latest.current = {isPaused, speed};
	const sampling = useRef(options.sampling);
	sampling.current = options.sampling;
	const run = useCallback((from: SimState, ticks: number) => sampledAdvance(sampling.current)(from, ticks), []);
	const commit = useCallback((next: SimState) => {
		current.current = next;
		setState(next);
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
			// After a stall (a suspended laptop, a debugger) the run does not try to catch up.
			const elapsed = Math.min(now - last, 4 * frameMs);
			last = now;
			const wantedSpeed = latest.current.speed;
			const due = ticksForFrame(carry, wantedSpeed, elapsed, config.tickSeconds);
			carry = due.carry;
			let dropped = 0;
			if (due.ticks > 0) {
				const result = advanceWithin(current.current, due.ticks, budgetMs, msPerTick, () => performance.now(), run);
				msPerTick = result.msPerTick;
				dropped = due.ticks - result.ticksDone;
				if (dropped > 0) carry = 0;
				commit(result.state);
			}

			window.push({wanted: (wantedSpeed * elapsed) / 1000 / config.tickSeconds, dropped});
			if (window.length > paceFrames) window.shift();
			const next = roundedPace(paceOf(wantedSpeed, window.reduce((sum, f) => sum + f.wanted, 0), window.reduce((sum, f) => sum + f.dropped, 0)));
			setPace((old) => (old.isLagging === next.isLagging && old.actualSpeed === next.actualSpeed ? old : next));
		}, frameMs);
		return () => {
			clearInterval(timer);
		};
	}, [isPaused, fps, config.tickSeconds, commit, run]);
	const seenPauseRequests = useRef(state.pauseRequests);
	const onPauseRequested = useRef(options.onPauseRequested);
	onPauseRequested.current = options.onPauseRequested;
	useEffect(() => {
		if (state.pauseRequests > seenPauseRequests.current) onPauseRequested.current();
		seenPauseRequests.current = state.pauseRequests;
	}, [state.pauseRequests]);
	const act = useCallback((action: SimAction) => {
		const next = step(current.current, action);
		commit(next);
		return next;
	}, [commit]);
	const stepOne = useCallback(() => {
		const next = run(current.current, 1);
		commit(next);
		return next;
	}, [commit, run]);
	const now = useCallback(() => current.current, []);
	return {state, act, stepOne, current: now, pace};
}
