/**
 * The oracle (test/helpers/des/queue-des.ts) checked against exact queueing results before the
 * data plane is judged by it: M/M/1, M/M/c (Erlang C), M/D/1 (Pollaczek–Khinchine),
 * M/M/1 with deterministic patience (M/M/1+D), round-robin's Erlang-2 arrivals (E2/M/1),
 * Little's law, and an overload's fluid drain time. Sample sizes keep the sampling error well
 * inside the tolerances (about 1–2.5 M requests per case); the seeds are fixed.
 */
import {describe, expect, it} from 'vitest';
import {runDes} from '../helpers/des/queue-des.js';
import {mean, quantiles, sd} from '../helpers/des/stats.js';

const mu = 30;
const service = 1 / mu;

/** P(T > t) for M/M/c: T = W + S, W = 0 w.p. 1 − C, else Exp(θ = cμ − λ); S ~ Exp(μ). */
function mmcResponseTail(t: number, erlangC: number, theta: number): number {
	const sumTail = ((theta * Math.exp(-mu * t)) - (mu * Math.exp(-theta * t))) / (theta - mu);
	return ((1 - erlangC) * Math.exp(-mu * t)) + (erlangC * sumTail);
}

/** The t with tail(t) = 1 − q (bisection). */
function inverseTail(tail: (t: number) => number, q: number): number {
	let lo = 0;
	let hi = 100;
	for (let k = 0; k < 200; k++) {
		const mid = (lo + hi) / 2;
		if (tail(mid) > 1 - q) lo = mid;
		else hi = mid;
	}

	return (lo + hi) / 2;
}

function erlangC(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + (a * b));
	return b / (1 - ((a / c) * (1 - b)));
}

describe('the oracle agrees with exact queueing results', () => {
	it('M/M/1 at ρ 0.8: response time exponential (mean, p50, p90, p99), in flight geometric (mean, sd, P(N ≥ 10)), CPU = ρ', () => {
		const lambda = 24;
		const r = runDes({seed: 1, durationSeconds: 80_000, rate: () => lambda, servers: 1, serviceMeanSeconds: service, serviceCv: 1, keepLatencies: true});
		const rate = mu - lambda;
		const [p50, p90, p99] = quantiles(r.latenciesMs, [0.5, 0.9, 0.99]);
		expect(mean(r.latenciesMs) / (1000 / rate)).toBeCloseTo(1, 1);
		expect(Math.abs(p50! / (1000 * Math.log(2) / rate) - 1)).toBeLessThan(0.02);
		expect(Math.abs(p90! / (1000 * Math.log(10) / rate) - 1)).toBeLessThan(0.02);
		expect(Math.abs(p99! / (1000 * Math.log(100) / rate) - 1)).toBeLessThan(0.04);
		const rho = lambda / mu;
		expect(Math.abs(mean(r.ticks.inFlight) / (rho / (1 - rho)) - 1)).toBeLessThan(0.03);
		expect(Math.abs(sd(r.ticks.inFlight) / (Math.sqrt(rho) / (1 - rho)) - 1)).toBeLessThan(0.04);
		const atLeast10 = Array.from(r.ticks.inFlight).filter(n => n >= 10).length / r.tickCount;
		expect(Math.abs(atLeast10 / (rho ** 10) - 1)).toBeLessThan(0.06);
		expect(Math.abs(mean(r.ticks.busySeconds) / rho - 1)).toBeLessThan(0.01);
	});

	it('M/M/4 at ρ 0.8: Erlang C wait, the response-time tail, Little\'s law', () => {
		const c = 4;
		const lambda = 0.8 * c * mu;
		const r = runDes({seed: 2, durationSeconds: 25_000, rate: () => lambda, servers: c, serviceMeanSeconds: service, serviceCv: 1, keepLatencies: true});
		const pWait = erlangC(c, lambda / mu);
		expect(pWait).toBeCloseTo(0.596, 3);
		const theta = (c * mu) - lambda;
		const w = (pWait / theta) + service;
		expect(Math.abs(mean(r.latenciesMs) / (1000 * w) - 1)).toBeLessThan(0.02);
		const [p90, p99] = quantiles(r.latenciesMs, [0.9, 0.99]);
		expect(Math.abs(p90! / (1000 * inverseTail(t => mmcResponseTail(t, pWait, theta), 0.9)) - 1)).toBeLessThan(0.02);
		expect(Math.abs(p99! / (1000 * inverseTail(t => mmcResponseTail(t, pWait, theta), 0.99)) - 1)).toBeLessThan(0.04);
		expect(Math.abs(mean(r.ticks.inFlight) / (lambda * w) - 1)).toBeLessThan(0.03);
	});

	it('M/D/1 at ρ 0.8: Pollaczek–Khinchine mean wait, Little\'s law', () => {
		const lambda = 24;
		const r = runDes({seed: 3, durationSeconds: 60_000, rate: () => lambda, servers: 1, serviceMeanSeconds: service, serviceCv: 0, keepLatencies: true});
		const rho = lambda / mu;
		const w = (rho * service / (2 * (1 - rho))) + service;
		expect(Math.abs(mean(r.latenciesMs) / (1000 * w) - 1)).toBeLessThan(0.02);
		expect(Math.min(...r.latenciesMs.subarray(0, 10_000))).toBeGreaterThanOrEqual(1000 * service * 0.999_999);
		expect(Math.abs(mean(r.ticks.inFlight) / (lambda * w) - 1)).toBeLessThan(0.03);
	});

	it('M/M/1 with deterministic patience (M/M/1+D): the fraction that gives up, at ρ 0.9 and 1.0', () => {
		for (const [lambda, patience, seed] of [[27, 0.5, 4], [30, 2, 5]] as const) {
			const r = runDes({seed, durationSeconds: 50_000, rate: () => lambda, servers: 1, serviceMeanSeconds: service, serviceCv: 1, timeoutSeconds: patience});
			// Virtual wait density: λP₀e^{−(μ−λ)x} below the patience, then e^{−μ(x−τ)} decay; P(give up) = P(V > τ).
			const rho = lambda / mu;
			const idle = lambda === mu
				? 1 / (2 + (lambda * patience))
				: 1 / (1 + (lambda * (1 - Math.exp(-(mu - lambda) * patience)) / (mu - lambda)) + (rho * Math.exp(-(mu - lambda) * patience)));
			const giveUp = lambda === mu ? idle : rho * idle * Math.exp(-(mu - lambda) * patience);
			expect(Math.abs((r.timedOut / r.arrived) / giveUp - 1)).toBeLessThan(0.06);
			expect(r.arrived).toBe(r.completed + r.timedOut + r.ticks.inFlight.at(-1)!);
		}
	});

	it('round-robin over two servers: each sees Erlang-2 arrivals (E2/M/1 wait)', () => {
		const lambda = 48;
		const r = runDes({seed: 6, durationSeconds: 30_000, rate: () => lambda, instances: 2, routing: 'round-robin', servers: 1, serviceMeanSeconds: service, serviceCv: 1, keepLatencies: true});
		// GI/M/1: σ = A*(μ(1 − σ)) with A*(s) = (λ / (λ + s))², the per-server gaps being two exponentials of rate λ.
		let sigma = 0.5;
		for (let k = 0; k < 200; k++) sigma = (lambda / (lambda + (mu * (1 - sigma)))) ** 2;
		const w = (sigma / (mu * (1 - sigma))) + service;
		expect(Math.abs(mean(r.latenciesMs) / (1000 * w) - 1)).toBeLessThan(0.03);
		expect(r.routed[0]! - r.routed[1]!).toBeLessThanOrEqual(1);
	});

	it('least outstanding requests beats round-robin, which beats random, at ρ 0.9 over 4 servers', () => {
		const means = (['least-outstanding', 'round-robin', 'random'] as const).map(routing => {
			const r = runDes({seed: 7, durationSeconds: 10_000, rate: () => 108, instances: 4, routing, servers: 1, serviceMeanSeconds: service, serviceCv: 1, keepLatencies: true});
			return mean(r.latenciesMs);
		});
		expect(means[0]).toBeLessThan(0.8 * means[1]!);
		expect(means[1]).toBeLessThan(0.8 * means[2]!);
	});

	it('an overload (ρ 0.6 → 1.3 for 2 minutes → 0.6) drains in about the fluid time, backlog / (μ − λ)', () => {
		const rate = (tick: number): number => (tick >= 600 && tick < 720 ? 39 : 18);
		const drains: number[] = [];
		for (let seed = 10; seed < 16; seed++) {
			const r = runDes({seed, durationSeconds: 1200, rate, servers: 1, serviceMeanSeconds: service, serviceCv: 1});
			let k = 720;
			while (k < r.tickCount && r.ticks.inFlight[k]! > 10) k++;
			drains.push(k - 720);
		}

		// Backlog 0.3 × 30 × 120 = 1,080 requests, drained at 30 − 18 = 12/s: 90 s.
		expect(Math.abs(mean(drains) / 90 - 1)).toBeLessThan(0.12);
	});
});
