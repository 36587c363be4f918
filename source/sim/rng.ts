/**
 * The seeded PRNG. Its whole state is `SimState.rng` (one uint32 in `rng[0]`), so a run is
 * reproducible from its seed and a state can be saved and resumed mid-stream.
 *
 * Generator: mulberry32 (Tommy Ettinger), one 32-bit state word, period 2^32 — ample for a
 * run (a day at 1-s ticks draws ~10^7 numbers), fast, and easy to pin in a test. Every draw
 * goes through `nextUnit`; nothing under source/sim calls Math.random.
 */

/** A mutable PRNG state: `[uint32]`. */
export type RngState = number[];

/** The initial state for a seed (any integer; hashed so seeds 1, 2, 3 … diverge at once). */
export function seedRng(seed: number): RngState {
	let h = (Math.trunc(seed) ^ 0x9E_37_79_B9) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85_EB_CA_6B);
	h = Math.imul(h ^ (h >>> 13), 0xC2_B2_AE_35);
	return [(h ^ (h >>> 16)) >>> 0];
}

/** Next uint32; advances the state. */
export function nextUint32(rng: RngState): number {
	let a = ((rng[0] ?? 0) + 0x6D_2B_79_F5) >>> 0;
	rng[0] = a;
	a = Math.imul(a ^ (a >>> 15), a | 1);
	a ^= a + Math.imul(a ^ (a >>> 7), a | 61);
	return (a ^ (a >>> 14)) >>> 0;
}

/** Uniform in [0, 1). */
export function nextUnit(rng: RngState): number {
	return nextUint32(rng) / 4_294_967_296;
}

/** Uniform integer in [min, max], inclusive. */
export function nextInt(rng: RngState, min: number, max: number): number {
	return min + Math.floor(nextUnit(rng) * (max - min + 1));
}

/** Exponential with the given mean. */
export function nextExponential(rng: RngState, mean: number): number {
	return -Math.log(1 - nextUnit(rng)) * mean;
}

/** Standard normal (Box–Muller; one value per call, the pair's twin is discarded). */
export function nextNormal(rng: RngState): number {
	const u = 1 - nextUnit(rng);
	const v = nextUnit(rng);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Poisson count with the given mean. Exact (Knuth) up to a mean of 30; above, the normal
 * approximation with continuity correction (its error is below 1 % of sd there), so the cost
 * is O(1) whatever the request rate.
 */
export function nextPoisson(rng: RngState, mean: number): number {
	if (mean <= 0) return 0;
	if (mean <= 30) {
		const limit = Math.exp(-mean);
		let k = 0;
		let p = nextUnit(rng);
		while (p > limit) {
			k++;
			p *= nextUnit(rng);
		}

		return k;
	}

	return Math.max(0, Math.round(mean + (Math.sqrt(mean) * nextNormal(rng))));
}

/**
 * A service time with mean `mean` and coefficient of variation `cv`: constant for cv = 0,
 * exponential for cv = 1, gamma-like (sum of exponentials / hyper-exponential) otherwise.
 */
export function nextServiceTime(rng: RngState, mean: number, cv: number): number {
	if (cv <= 0) return mean;
	if (cv === 1) return nextExponential(rng, mean);
	if (cv < 1) {
		// Erlang-k shape rounded to the nearest k, scaled to the mean: cv ≈ 1/√k.
		const k = Math.max(1, Math.round(1 / (cv * cv)));
		let sum = 0;
		for (let i = 0; i < k; i++) sum += nextExponential(rng, mean / k);
		return sum;
	}

	// Balanced two-phase hyper-exponential (H2) with the requested cv.
	const c2 = cv * cv;
	const p = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)));
	return nextUnit(rng) < p ? nextExponential(rng, mean / (2 * p)) : nextExponential(rng, mean / (2 * (1 - p)));
}

/** Rounds `x` up or down at random so that the expected value is `x` (keeps counts unbiased). */
export function roundStochastic(rng: RngState, x: number): number {
	const whole = Math.floor(x);
	const fraction = x - whole;
	if (!(fraction > 0)) return whole;
	// Adding the comparison as a number (0 or 1) compiles without a branch: under load the
	// outcome is a coin toss, and a mispredicted branch per instance per tick costs more than it.
	return whole + Number(nextUnit(rng) < fraction);
}
