/** Selectors: SimState -> read model (TODO: sim helper replaces these stubs). */
import type {HeaderView, InstanceView, LoadBalancerView, LoadView, MetricsLine, RunSummary, SeriesView} from '../read-model.js';
import type {SimEvent, SimState} from '../types.js';

export function selectHeader(state: SimState): HeaderView {
	const c = state.config;
	return {presetName: c.name, title: c.title, seed: c.seed, tick: state.clock.tick, simulatedSeconds: state.clock.tick * c.tickSeconds, durationSeconds: c.durationSeconds, totalCostUsd: 0, runRateUsdPerHour: 0, isChaosMonkeyOn: state.chaosMonkey.isEnabled};
}
export function selectLoad(_state: SimState): LoadView {
	return {arrivalRatePerSecond: 0, completedRatePerSecond: 0, errorRatePerSecond: {'502': 0, '503': 0, '504': 0}, latencyP50Ms: 0, latencyP99Ms: 0, inFlight: 0, isClosedLoop: false, spikeFactor: 1, spikeSecondsLeft: 0};
}
export function selectSeries(_state: SimState, _points = 120): SeriesView {
	return {arrivalRate: [], completedRate: [], latencyP99Ms: [], errorRate: [], inService: [], costUsd: [], cpuAvg: []};
}
export function selectLoadBalancer(state: SimState): LoadBalancerView {
	const lb = state.config.loadBalancer;
	return {kind: lb.kind, algorithm: state.loadBalancer.algorithm, isCrossZone: lb.crossZone, healthyCount: 0, registeredCount: 0, surgeQueue: 0, targets: []};
}
export function selectInstances(_state: SimState): readonly InstanceView[] {
	return [];
}
/** The newest `limit` events, newest first. */
export function selectEvents(state: SimState, limit = 50): readonly SimEvent[] {
	return state.events.slice(-limit).reverse();
}
export function selectCaption(state: SimState): string {
	return state.caption;
}
export function selectSummary(_state: SimState): RunSummary {
	throw new Error('not implemented');
}
export function selectMetricsLine(_state: SimState): MetricsLine {
	throw new Error('not implemented');
}

export {selectAutoScaling, selectAlarms} from './scaling.js';
