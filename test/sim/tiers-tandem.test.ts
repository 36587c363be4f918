/**
 * The web → database route judged against queueing theory and against the per-request oracle
 * (test/helpers/des/network-des.ts): one web instance (c5.large, 2 vCPUs, web + app CPU per
 * request) and a dedicated database (db.t3.micro, 2 vCPUs) that each request visits q = 12
 * times in a row. At steady state the route is a Kelly network (fixed route, FIFO exponential
 * nodes): its mean end-to-end latency is the web's M/M/2 sojourn plus q × the database's M/M/2
 * sojourn at the visit rate qλ. In a transient (an overload of the database and its drain) the
 * model follows the oracle within the data plane's tolerances (issue 9: 10 % for means, 15 % for
 * tails).
 */
import {describe, expect, it} from 'vitest';
import {createInitialState, makeConfig, type SimConfig} from '../../source/sim/index.js';
import {handleBaseRateSet} from '../../source/sim/handlers/traffic.js';
import {quantileMs} from '../../source/sim/systems/histogram.js';
import {runTick, type TickCarry} from '../../source/sim/tick.js';
import type {SimState} from '../../source/sim/types.js';
import type {Working} from '../../source/sim/working.js';
import {runTandemDes} from '../helpers/des/network-des.js';
import {mean} from '../helpers/des/stats.js';

const webCpuMs = 21.6;
const queries = 12;
const queryMs = 2;

function erlangC(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + (a * b));
	return b / (1 - ((a / c) * (1 - b)));
}

/** Mean sojourn of M/M/c, seconds. */
function mmcSojourn(lambda: number, mu: number, c: number): number {
	return (erlangC(c, lambda / mu) / ((c * mu) - lambda)) + (1 / mu);
}

function config(rate: number, seed: number, durationSeconds: number, instanceType = 'c5.large'): SimConfig {
	return makeConfig({
		seed,
		durationSeconds,
		autoScaling: {min: 1, max: 1, desired: 1, instanceType, zones: ['us-east-1a'], healthCheckType: 'EC2'},
		loadBalancer: {kind: 'application', surgeQueueLength: 0},
		app: {webCpuMs: 3.6, appCpuMs: webCpuMs - 3.6, dbReads: 10, dbWrites: 2, dbQueryCpuMs: queryMs, timeoutMs: 600_000, backlogPerVcpu: 100_000},
		tiers: {database: {placement: 'dedicated', instanceClass: 'db.t3.micro', timeoutSeconds: 600}},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: rate},
	});
}

type ModelTicks = {latencySumMs: Float64Array; completed: Float64Array; inFlight: Float64Array; recentP99Ms: Float64Array; databaseCpu: Float64Array; final: SimState};

function runModel(c: SimConfig, ticks: number, rate: (tick: number) => number): ModelTicks {
	const s = structuredClone(createInitialState(c)) as Working;
	const carry: TickCarry = {};
	const out: ModelTicks = {latencySumMs: new Float64Array(ticks), completed: new Float64Array(ticks), inFlight: new Float64Array(ticks), recentP99Ms: new Float64Array(ticks), databaseCpu: new Float64Array(ticks), final: s};
	for (let k = 0; k < ticks; k++) {
		if (rate(k) !== s.traffic.baseRatePerSecond) handleBaseRateSet(s, {type: 'traffic/base-rate-set', ratePerSecond: rate(k)});
		const before = s.latency.sumMs;
		runTick(s, carry);
		out.latencySumMs[k] = s.latency.sumMs - before;
		out.completed[k] = s.flow.completed;
		out.inFlight[k] = s.flow.inFlight;
		out.recentP99Ms[k] = quantileMs(s.recentLatency, 0.99);
		out.databaseCpu[k] = s.dataPlane.database.cpuPercent[0]!;
		expect(s.totals.arrived).toBeCloseTo(s.totals.completed + s.totals.failed + s.flow.inFlight, 6);
	}

	return out;
}

const sumRange = (a: ArrayLike<number>, from: number, to: number): number => {
	let total = 0;
	for (let k = from; k < to; k++) total += a[k]!;
	return total;
};

describe('web → database tandem', () => {
	it('at steady state the mean end-to-end latency is the Jackson (Kelly) network\'s within 5 %, and so is the oracle\'s', () => {
		const lambda = 70;
		const muWeb = 1000 / webCpuMs;
		const muQuery = 1000 / queryMs;
		const jacksonMs = 1000 * (mmcSojourn(lambda, muWeb, 2) + (queries * mmcSojourn(queries * lambda, muQuery, 2)));
		expect(jacksonMs).toBeGreaterThan(60);
		const seconds = 6000;
		const des = runTandemDes({seed: 11, durationSeconds: seconds, rate: () => lambda, servers: 2, serviceMeanSeconds: webCpuMs / 1000, serviceCv: 1, database: {servers: 2, serviceMeanSeconds: queryMs / 1000, visits: queries}});
		expect(Math.abs(mean(des.latenciesMs) / jacksonMs - 1)).toBeLessThan(0.03);
		const model = runModel(config(lambda, 5, seconds), seconds, () => lambda);
		const warm = 300;
		const modelMean = sumRange(model.latencySumMs, warm, seconds) / sumRange(model.completed, warm, seconds);
		expect(Math.abs(modelMean / jacksonMs - 1)).toBeLessThan(0.05);
		// The database's utilisation is its offered load (12 × 70 × 2 ms over 2 vCPUs: 84 %).
		expect(sumRange(model.databaseCpu, warm, seconds) / (seconds - warm)).toBeCloseTo(84, -0.5);
		// The summary's tiers split the latency between the two.
		const tiers = model.final.tiers;
		expect(tiers.web!.latencySumMs / tiers.web!.completed).toBeCloseTo(1000 * mmcSojourn(lambda, muWeb, 2), -0.5);
	});

	/** Windowed means (latency, in flight) and the "now" p99 over `p99From…p99To`, model and oracle, averaged over seeds. */
	function compare(rate: (tick: number) => number, seconds: number, windows: ReadonlyArray<readonly [number, number]>, p99From: number, p99To: number, seeds: readonly number[]) {
		const z = () => windows.map(() => 0);
		const r = {desMeans: z(), modelMeans: z(), desInFlight: z(), modelInFlight: z(), desP99: 0, modelP99: 0};
		for (const seed of seeds) {
			const des = runTandemDes({seed, durationSeconds: seconds, rate, servers: 4, serviceMeanSeconds: webCpuMs / 1000, serviceCv: 1, database: {servers: 2, serviceMeanSeconds: queryMs / 1000, visits: queries}});
			const model = runModel(config(rate(0), seed, seconds, 'c5.xlarge'), seconds, rate);
			for (const [w, [from, to]] of windows.entries()) {
				r.desMeans[w] += sumRange(des.ticks.latencySumMs, from, to) / sumRange(des.ticks.completed, from, to) / seeds.length;
				r.modelMeans[w] += sumRange(model.latencySumMs, from, to) / sumRange(model.completed, from, to) / seeds.length;
				r.desInFlight[w] += sumRange(des.ticks.inFlight, from, to) / (to - from) / seeds.length;
				r.modelInFlight[w] += sumRange(model.inFlight, from, to) / (to - from) / seeds.length;
			}

			r.desP99 += sumRange(des.ticks.recentP99Ms, p99From, p99To) / (p99To - p99From) / seeds.length;
			r.modelP99 += sumRange(model.recentP99Ms, p99From, p99To) / (p99To - p99From) / seeds.length;
		}

		const log = windows.map(([from, to], w) => `${from}-${to}s mean ${r.modelMeans[w]!.toFixed(1)} vs ${r.desMeans[w]!.toFixed(1)} ms, in flight ${r.modelInFlight[w]!.toFixed(1)} vs ${r.desInFlight[w]!.toFixed(1)}`);
		if (process.env.FIDELITY_LOG) console.log([...log, `p99 (${p99From}-${p99To} s) ${r.modelP99.toFixed(0)} vs ${r.desP99.toFixed(0)} ms`].join('\n'));
		return {...r, log};
	}

	it('in a step to a busy database and back, latency, in flight and the p99 follow the oracle within the data plane\'s tolerances', () => {
		// 40 req/s (database at 48 %), 5 minutes at 72 req/s (86 %), then 40 again; the web tier
		// (c5.xlarge, 4 vCPUs) stays below 40 %.
		const rate = (tick: number): number => (tick >= 600 && tick < 900 ? 72 : 40);
		const windows = [[600, 660], [660, 900], [900, 960], [960, 1200]] as const;
		const r = compare(rate, 1200, windows, 660, 900, [21, 22, 23, 24, 25, 26]);
		for (const w of windows.keys()) {
			expect(Math.abs(r.modelMeans[w]! / r.desMeans[w]! - 1), r.log[w]).toBeLessThan(0.1);
			expect(Math.abs(r.modelInFlight[w]! / r.desInFlight[w]! - 1), r.log[w]).toBeLessThan(0.1);
		}

		expect(Math.abs(r.modelP99 / r.desP99 - 1), `p99 ${r.modelP99} vs ${r.desP99}`).toBeLessThan(0.15);
	});

	it('known gap: past the database\'s capacity the oracle\'s sequential queries share it (every request slows), the model serves requests in order', () => {
		// 50 → 90 req/s (108 %) for 3 minutes → 50. The oracle's backlog holds more, partly served,
		// requests than the fluid 6.7 req/s × 180 s; the model's follows the fluid (docs/tiers.md).
		const rate = (tick: number): number => (tick >= 600 && tick < 780 ? 90 : 50);
		const windows = [[690, 780], [840, 1000]] as const;
		const r = compare(rate, 1000, windows, 720, 780, [31, 32]);
		const peak = r.modelInFlight[0]! / r.desInFlight[0]!;
		expect(peak, r.log[0]).toBeGreaterThan(0.45);
		expect(peak, r.log[0]).toBeLessThan(0.8);
		// Once drained, they agree again.
		expect(Math.abs(r.modelMeans[1]! / r.desMeans[1]! - 1), r.log[1]).toBeLessThan(0.1);
	});
});
