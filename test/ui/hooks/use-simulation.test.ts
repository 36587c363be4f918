import {describe, expect, test} from 'vitest';
import {ticksForFrame} from '../../../source/ui/hooks/use-simulation.js';

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
