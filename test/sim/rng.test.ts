import {describe, expect, it} from 'vitest';
import {nextExponential, nextInt, nextServiceTime, nextUint32, nextUnit, seedRng} from '../../source/sim/rng.js';

describe('rng', () => {
	it('gives the same pinned sequence for seed 42 on every machine', () => {
		const rng = seedRng(42);
		const values = Array.from({length: 5}, () => nextUint32(rng));
		expect(values).toEqual(PINNED_42);
	});

	it('keeps its whole state in one JSON-able number, so a run can resume mid-stream', () => {
		const a = seedRng(7);
		nextUnit(a);
		const saved = JSON.parse(JSON.stringify(a)) as number[];
		expect(nextUnit(saved)).toBe(nextUnit(a));
	});

	it('gives different streams for neighbouring seeds', () => {
		expect(nextUnit(seedRng(1))).not.toBe(nextUnit(seedRng(2)));
	});

	it('draws integers inside the inclusive range', () => {
		const rng = seedRng(3);
		const seen = new Set<number>();
		for (let k = 0; k < 1000; k++) seen.add(nextInt(rng, 5, 8));
		expect([...seen].sort()).toEqual([5, 6, 7, 8]);
	});

	it('draws service times with the requested mean and coefficient of variation', () => {
		for (const cv of [0, 0.5, 1, 2]) {
			const rng = seedRng(5);
			const n = 50_000;
			let sum = 0;
			let squares = 0;
			for (let k = 0; k < n; k++) {
				const x = nextServiceTime(rng, 10, cv);
				sum += x;
				squares += x * x;
			}

			const mean = sum / n;
			const sd = Math.sqrt(Math.max(0, (squares / n) - (mean * mean)));
			expect(mean).toBeGreaterThan(9.7);
			expect(mean).toBeLessThan(10.3);
			expect(sd / mean).toBeCloseTo(cv, 1);
		}
	});

	it('draws exponentials with the given mean', () => {
		const rng = seedRng(9);
		let sum = 0;
		for (let k = 0; k < 50_000; k++) sum += nextExponential(rng, 2);
		expect(sum / 50_000).toBeCloseTo(2, 1);
	});
});

// Pinned once: a change here changes every seeded run, preset and cast.
const PINNED_42 = [1_055_361_356, 2_471_454_178, 1_528_541_377, 2_819_395_841, 3_402_166_566];
