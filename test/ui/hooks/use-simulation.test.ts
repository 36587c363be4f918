import {describe, expect, test} from 'vitest';
import {advance, createInitialState, makeConfig, type SimState} from '../../../source/sim/index.js';
import {advanceWithin, paceOf, sampledAdvance, ticksForFrame} from '../../../source/ui/hooks/use-simulation.js';

/** Ticks over `frames` frames at `speed`, 10 fps, 1 s ticks. */
function ticksOver(frames: number, speed: number): number[] {
	let carry = 0;
	const out: number[] = [];
	for (let i = 0; i < frames; i++) {
		const next = ticksForFrame(carry, speed, 100, 1);
		carry = next.carry;
		out.push(next.ticks);
	}
	return out;
}

describe('pacing', () => {
	test('at 1× and 10 fps one tick passes every tenth frame', () => {
		expect(ticksOver(20, 1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
	});

	test('at 0.25× a tick every four seconds', () => {
		expect(ticksOver(40, 0.25).reduce((a, b) => a + b, 0)).toBe(1);
	});

	test('at 600× sixty ticks per frame; fractions carry over', () => {
		expect(ticksOver(3, 600)).toEqual([60, 60, 60]);
		expect(ticksOver(4, 5)).toEqual([0, 1, 0, 1]);
	});

	test('longer ticks need fewer per frame', () => {
		expect(ticksForFrame(0, 600, 100, 5).ticks).toBe(12);
	});
});

describe('a wall-time budget per frame', () => {
	/** A fake clock that `run` moves on by `msPerTick` for each tick it simulates. */
	function fakeRun(msPerTick: number) {
		let now = 0;
		const runs: number[] = [];
		return {
			now: () => now,
			runs,
			run: (state: SimState, ticks: number) => {
				now += ticks * msPerTick;
				runs.push(ticks);
				return state;
			},
		};
	}

	const state = createInitialState(makeConfig());

	test('all due ticks run when they fit the budget', () => {
		const clock = fakeRun(0.1);
		const result = advanceWithin(state, 120, 50, 0.1, clock.now, clock.run);
		expect(result.ticksDone).toBe(120);
		expect(clock.runs[0]).toBeLessThanOrEqual(125);
		expect(clock.runs.reduce((a, b) => a + b, 0)).toBe(120);
	});

	test('ticks that do not fit are dropped: a slow fleet cannot hold the event loop much past the budget', () => {
		const clock = fakeRun(10);
		const result = advanceWithin(state, 120, 50, 1, clock.now, clock.run);
		expect(result.ticksDone).toBeLessThan(120);
		expect(clock.now()).toBeLessThanOrEqual(50 + 10 * 50);
		expect(result.msPerTick).toBeGreaterThan(1);
		// With the cost measured, the next frame asks for what fits.
		const next = fakeRun(10);
		advanceWithin(state, 120, 50, result.msPerTick, next.now, next.run);
		expect(next.now()).toBeLessThanOrEqual(60);
	});

	test('one tick always runs when one is due, however slow it is', () => {
		const clock = fakeRun(500);
		expect(advanceWithin(state, 3, 50, undefined, clock.now, clock.run).ticksDone).toBe(1);
		expect(clock.runs).toEqual([1]);
	});

	test('the pace says when the run lags and how fast it really goes', () => {
		expect(paceOf(1200, 2400, 0)).toEqual({actualSpeed: 1200, isLagging: false});
		expect(paceOf(1200, 2400, 1800)).toEqual({actualSpeed: 300, isLagging: true});
		expect(paceOf(10, 200, 10)).toEqual({actualSpeed: 9.5, isLagging: false});
	});
});

describe('sampling at interval boundaries (the live --metrics lines)', () => {
	const state = createInitialState(makeConfig());
	test('a frame that crosses several boundaries hands on the state at each, the same as advancing to it', () => {
		const seen: SimState[] = [];
		const run = sampledAdvance({everyTicks: 10, onSample: sample => seen.push(sample)});
		const after = run(run(state, 7), 28);
		expect(seen.map(sample => sample.clock.tick)).toEqual([10, 20, 30]);
		expect(after.clock.tick).toBe(35);
		expect(seen[1]).toEqual(advance(state, 20));
		expect(after).toEqual(advance(state, 35));
	});

	test('one tick at a time reaches each boundary once; within the budget, too', () => {
		const seen: number[] = [];
		const run = sampledAdvance({everyTicks: 3, onSample: sample => seen.push(sample.clock.tick)});
		let current = state;
		for (let i = 0; i < 7; i++) current = run(current, 1);
		let clock = 0;
		advanceWithin(current, 8, 1000, undefined, () => clock++, run);
		expect(seen).toEqual([3, 6, 9, 12, 15]);
	});

	test('without sampling, the plain advance', () => {
		expect(sampledAdvance(undefined)).toBe(advance);
	});
});
