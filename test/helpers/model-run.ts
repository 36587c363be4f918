/**
 * The model's side of the fidelity tests: a fleet of identical instances behind an application
 * LB (no surge queue: a refusal is a 503, as in the oracle) run tick by tick — `runTick` on one
 * working copy, as `advance` runs it, and the rate changed through the same handler `step`
 * uses — observed per tick as test/helpers/des (the oracle) observes itself, so the two can be
 * compared figure by figure.
 */
import {handleBaseRateSet} from '../../source/sim/handlers/traffic.js';
import {runTick, type TickCarry} from '../../source/sim/tick.js';
import type {Working} from '../../source/sim/working.js';
import {quantileMs} from '../../source/sim/systems/histogram.js';
import type {Histogram, SimState} from '../../source/sim/types.js';
import {createInitialState} from '../../source/sim/state.js';
import {makeStateConfig, type StateOptions} from './make-state.js';

export type ModelOptions = StateOptions & {
	readonly ticks: number;
	/** Rate for tick k (a step or an overload); constant `ratePerSecond` when absent. */
	readonly rate?: (tick: number) => number;
	readonly timeoutMs?: number;
	readonly backlogPerVcpu?: number;
};

export type ModelTicks = {
	readonly arrived: Float64Array;
	readonly completed: Float64Array;
	readonly timedOut: Float64Array;
	readonly refused: Float64Array;
	readonly inFlight: Float64Array;
	readonly cpuPercent: Float64Array;
	readonly latencySumMs: Float64Array;
	readonly recentP99Ms: Float64Array;
};

export type ModelResult = {readonly ticks: ModelTicks; readonly final: SimState; readonly histogramFrom: (tick: number) => Histogram};

/** Run the model; histograms are kept every 1,000 ticks so percentiles can leave out a warm-up. */
export function runModel(o: ModelOptions): ModelResult {
	const base = makeStateConfig({zones: ['us-east-1a'], ...o});
	// Health checks that never take a target out (the oracle has no ELB checks), EC2 group checks.
	const s = structuredClone(createInitialState({
		...base,
		app: {...base.app, ...(o.timeoutMs === undefined ? {} : {timeoutMs: o.timeoutMs}), ...(o.backlogPerVcpu === undefined ? {} : {backlogPerVcpu: o.backlogPerVcpu})},
		autoScaling: {...base.autoScaling!, healthCheckType: 'EC2'},
		loadBalancer: {...base.loadBalancer, kind: 'application', surgeQueueLength: 0, healthCheck: {...base.loadBalancer.healthCheck, intervalSeconds: 300, timeoutSeconds: 60, unhealthyThreshold: 10}},
	})) as Working;
	const carry: TickCarry = {};
	const n = o.ticks;
	const ticks: ModelTicks = {
		arrived: new Float64Array(n),
		completed: new Float64Array(n),
		timedOut: new Float64Array(n),
		refused: new Float64Array(n),
		inFlight: new Float64Array(n),
		cpuPercent: new Float64Array(n),
		latencySumMs: new Float64Array(n),
		recentP99Ms: new Float64Array(n),
	};
	const snapshots = new Map<number, Histogram>();
	for (let k = 0; k < n; k++) {
		if (k % 1000 === 0) snapshots.set(k, structuredClone(s.latency));
		if (o.rate && o.rate(k) !== s.traffic.baseRatePerSecond) handleBaseRateSet(s, {type: 'traffic/base-rate-set', ratePerSecond: o.rate(k)});
		const before = s.latency.sumMs;
		const timedOutBefore = s.failureCauses.timeout;
		runTick(s, carry);
		const f = s.flow;
		ticks.arrived[k] = f.arrived;
		ticks.completed[k] = f.completed;
		ticks.timedOut[k] = s.failureCauses.timeout - timedOutBefore;
		ticks.refused[k] = f.errors['503'];
		ticks.inFlight[k] = f.inFlight;
		ticks.cpuPercent[k] = f.cpuAvgPercent;
		ticks.latencySumMs[k] = s.latency.sumMs - before;
		ticks.recentP99Ms[k] = quantileMs(s.recentLatency, 0.99);
	}

	const final = s as SimState;
	return {
		ticks,
		final,
		histogramFrom(tick: number): Histogram {
			const start = snapshots.get(tick);
			if (!start) throw new Error(`no histogram kept at tick ${tick}`);
			return {counts: final.latency.counts.map((c, i) => c - start.counts[i]!), total: final.latency.total - start.total, sumMs: final.latency.sumMs - start.sumMs, maxMs: final.latency.maxMs};
		},
	};
}
