/**
 * Seeded randomness, in separate streams so that a change in one part of the model does not
 * move the draws of another (docs/data-plane.md, "Random streams"):
 *
 * - **arrivals** (`streams.arrivals`): counter-based, a hash of (seed, stream, tick). The
 *   load generator's counts depend only on the seed, the tick and the rate — never on the
 *   fleet, the policies or how many draws anything else made — so two runs with the same
 *   `load` section see the same arrivals (common random numbers), and a higher rate with the
 *   same uniform gives at least as many arrivals (`poissonFromUnit` is an inverse CDF).
 * - **data plane** (`streams.dataPlane`): counter-based, a hash of (seed, stream, tick, and
 *   whatever the data plane adds: an instance, a draw index), so its noise does not depend on
 *   iteration order or on how many draws another instance made.
 * - **control plane**: the sequential generator below, its state in `SimState.rng` (one uint32
 *   in `rng[0]`): boot and shutdown times, Chaos Monkey and random-kill picks. Only control-
 *   plane events draw from it.
 *
 * Sequential generator: mulberry32 (Tommy Ettinger), one 32-bit state word, period 2^32 —
 * ample for a run, fast, and easy to pin in a test. Counter-based draws: `hash32` (a
 * lowbias32-style finaliser applied word by word). Nothing under source/sim calls Math.random.
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

/** Stream numbers of the counter-based generator (part of every hash key). */
export const streams = {arrivals: 0xA1_11_7A_15, dataPlane: 0xDA_7A_91_A4} as const;

/** A 32-bit finaliser with full avalanche (lowbias32, Chris Wellons): a bijection on uint32. */
export function mix32(x: number): number {
	let h = x >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x7F_EB_35_2D);
	h ^= h >>> 15;
	h = Math.imul(h, 0x84_6C_A6_8B);
	h ^= h >>> 16;
	return h >>> 0;
}

/** The key of `stream` for a seed (any integer up to 2^53; both halves count). */
export function streamKey(seed: number, stream: number): number {
	const whole = Math.trunc(seed);
	const high = Math.floor(whole / 4_294_967_296);
	return mix32(mix32(mix32((whole >>> 0) ^ 0x9E_37_79_B9) ^ (high >>> 0)) ^ stream);
}

/** A key extended by one more word (a tick, an instance, a draw index): `hash32(key, a)`. */
export function hash32(key: number, word: number): number {
	return mix32(key ^ mix32((word >>> 0) + 0x6D_2B_79_F5));
}

/** A uint32 as a uniform in (0, 1), never 0 or 1 (safe for logarithms and inverse CDFs). */
export function unitOf(h: number): number {
	return ((h >>> 0) + 0.5) / 4_294_967_296;
}

/**
 * The standard normal quantile Φ⁻¹(u), u in (0, 1): Acklam's rational approximation
 * (relative error below 1.2e-9), so one uniform gives one normal, monotone in u.
 */
export function normalFromUnit(u: number): number {
	if (u < normalTail) return lowerTail(Math.sqrt(-2 * Math.log(u)));
	if (u > 1 - normalTail) return -lowerTail(Math.sqrt(-2 * Math.log(1 - u)));
	const q = u - 0.5;
	const r = q * q;
	const numerator = ((((((((((acklamA[0] * r) + acklamA[1]) * r) + acklamA[2]) * r) + acklamA[3]) * r) + acklamA[4]) * r) + acklamA[5]) * q;
	const denominator = (((((((((acklamB[0] * r) + acklamB[1]) * r) + acklamB[2]) * r) + acklamB[3]) * r) + acklamB[4]) * r) + 1;
	return numerator / denominator;
}

const normalTail = 0.024_25;
const acklamA = [-39.696_830_286_653_76, 220.946_098_424_520_5, -275.928_510_446_968_7, 138.357_751_867_269, -30.664_798_066_147_16, 2.506_628_277_459_239] as const;
const acklamB = [-54.476_098_798_224_06, 161.585_836_858_040_9, -155.698_979_859_886_6, 66.801_311_887_719_72, -13.280_681_552_885_72] as const;
const acklamC = [-0.007_784_894_002_430_293, -0.322_396_458_041_136_5, -2.400_758_277_161_838, -2.549_732_539_343_734, 4.374_664_141_464_968, 2.938_163_982_698_783] as const;
const acklamD = [0.007_784_695_709_041_462, 0.322_467_129_070_039_8, 2.445_134_137_142_996, 3.754_408_661_907_416] as const;

/** Acklam's lower-tail branch, q = √(−2 ln u). */
function lowerTail(q: number): number {
	const numerator = (((((((((acklamC[0] * q) + acklamC[1]) * q) + acklamC[2]) * q) + acklamC[3]) * q) + acklamC[4]) * q) + acklamC[5];
	const denominator = (((((((acklamD[0] * q) + acklamD[1]) * q) + acklamD[2]) * q) + acklamD[3]) * q) + 1;
	return numerator / denominator;
}

/**
 * A Poisson count with the given mean from one uniform, by inversion: exact (a search up the
 * CDF) up to a mean of 64; above, the normal quantile with its Cornish–Fisher skewness term
 * and a continuity correction (error well below 1 % of the sd there). O(1) above 64, and
 * monotone in both `u` and `mean`, so runs that share uniforms are coupled (common random
 * numbers): more load never gives fewer arrivals on the same draw.
 */
export function poissonFromUnit(mean: number, u: number): number {
	if (!(mean > 0)) return 0;
	if (mean <= 64) {
		let p = Math.exp(-mean);
		let cumulative = p;
		let k = 0;
		while (u > cumulative && k < 1000) {
			k++;
			p *= mean / k;
			cumulative += p;
		}

		return k;
	}

	const z = normalFromUnit(u);
	return Math.max(0, Math.floor(mean + (Math.sqrt(mean) * z) + (((z * z) - 1) / 6) + 0.5));
}
