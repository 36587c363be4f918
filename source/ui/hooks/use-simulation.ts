/**
 * Runs the simulation in real time: owns the SimState (a reducer over `advance` and `step`)
 * and the pacing timer — the only `setInterval` in scaletop. Speed changes how many ticks one
 * frame advances, never what a tick simulates: at 1× and 10 fps one tick (1 s) passes every
 * ten frames, at 600× sixty ticks pass per frame. Frames where no tick is due dispatch
 * nothing, so React and Ink draw nothing. Paused, the timer stops; `stepOne` advances a tick.
 */
import {useCallback, useEffect, useReducer, useRef} from 'react';
import {advance, createInitialState, step, type SimAction, type SimConfig, type SimState} from '../../sim/index.js';

type SimMessage = {readonly type: 'advance'; readonly ticks: number} | {readonly type: 'act'; readonly action: SimAction};

/** The reducer the hook runs: time and actions, both pure. */
export function simReducer(state: SimState, message: SimMessage): SimState {
	return message.type === 'advance' ? advance(state, message.ticks) : step(state, message.action);
}

/** Whole ticks due this frame and the fraction carried to the next one. */
export function ticksForFrame(carry: number, speed: number, frameMs: number, tickSeconds: number): {readonly ticks: number; readonly carry: number} {
	const due = carry + (speed * frameMs) / 1000 / tickSeconds;
	const ticks = Math.floor(due + 1e-9);
	return {ticks, carry: due - ticks};
}

export type SimulationOptions = {
	readonly isPaused: boolean;
	/** Simulated seconds per real second. */
	readonly speed: number;
	/** Frames per second of the pacing timer. */
	readonly fps: number;
	/** Called when a preset's timeline asks the live run to pause (`state.pauseRequests` grew). */
	readonly onPauseRequested: () => void;
};

export type Simulation = {
	readonly state: SimState;
	/** Apply a discrete action (a key). */
	readonly act: (action: SimAction) => void;
	/** Advance exactly one tick (the `.` key while paused). */
	readonly stepOne: () => void;
};

/** The live simulation for `config`. */
export function useSimulation(config: SimConfig, options: SimulationOptions): Simulation {
	const [state, dispatch] = useReducer(simReducer, config, createInitialState);
	const carry = useRef(0);
	const {isPaused, speed, fps} = options;
	// The timer reads pause and speed from the latest render: a tick already due when the
	// user pauses must not slip in after the paused frame (the effect that stops the timer
	// runs only after React commits).
	const latest = useRef({isPaused, speed});
	latest.current = {isPaused, speed};
	useEffect(() => {
		if (isPaused) return undefined;
		const frameMs = 1000 / fps;
		const timer = setInterval(() => {
			if (latest.current.isPaused) return;
			const next = ticksForFrame(carry.current, latest.current.speed, frameMs, config.tickSeconds);
			carry.current = next.carry;
			if (next.ticks > 0) dispatch({type: 'advance', ticks: next.ticks});
		}, frameMs);
		return () => {
			clearInterval(timer);
		};
	}, [isPaused, fps, config.tickSeconds]);
	const seenPauseRequests = useRef(state.pauseRequests);
	const onPauseRequested = useRef(options.onPauseRequested);
	onPauseRequested.current = options.onPauseRequested;
	useEffect(() => {
		if (state.pauseRequests > seenPauseRequests.current) onPauseRequested.current();
		seenPauseRequests.current = state.pauseRequests;
	}, [state.pauseRequests]);
	const act = useCallback((action: SimAction) => {
		dispatch({type: 'act', action});
	}, []);
	const stepOne = useCallback(() => {
		dispatch({type: 'advance', ticks: 1});
	}, []);
	return {state, act, stepOne};
}
