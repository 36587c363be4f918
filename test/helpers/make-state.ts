/**
 * State builders for tests: a run from a handful of knobs, with AWS's defaults for the rest.
 */
import {makeConfig, type ConfigInput} from '../../source/sim/defaults.js';
import {createInitialState} from '../../source/sim/state.js';
import type {RoutingAlgorithm, LoadBalancerKind, SimConfig} from '../../source/sim/config.js';
import type {SimState} from '../../source/sim/types.js';

export type StateOptions = {
	/** Instances in the Auto Scaling group (min = max = desired = this). Default 2. */
	readonly instances?: number;
	readonly instanceType?: string;
	readonly zones?: readonly string[];
	/** Open-loop Poisson rate, req/s. Default 20. */
	readonly ratePerSecond?: number;
	readonly cpuMs?: number;
	readonly cv?: number;
	readonly algorithm?: RoutingAlgorithm;
	readonly kind?: LoadBalancerKind;
	readonly crossZone?: boolean;
	readonly seed?: number;
	/** Anything else, merged last. */
	readonly config?: ConfigInput;
};

/** The config `makeState` builds. */
export function makeStateConfig(o: StateOptions = {}): SimConfig {
	const n = o.instances ?? 2;
	const kind = o.kind ?? 'classic';
	return makeConfig({
		seed: o.seed ?? 1,
		app: {...(o.cpuMs === undefined ? {} : {cpuMs: o.cpuMs}), ...(o.cv === undefined ? {} : {cv: o.cv})},
		loadBalancer: {kind, algorithm: o.algorithm ?? 'round-robin', ...(o.crossZone === undefined ? {} : {crossZone: o.crossZone})},
		autoScaling: {instanceType: o.instanceType ?? 't2.micro', zones: o.zones ?? ['us-east-1a', 'us-east-1b'], min: n, max: n, desired: n},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: o.ratePerSecond ?? 20},
		...o.config,
	});
}

/** A fresh run: `makeState({instances: 3})`. */
export function makeState(o: StateOptions = {}): SimState {
	return createInitialState(makeStateConfig(o));
}

/** Serialisable as plain JSON (no Map, Set, class, Date, function, undefined-vs-missing surprises). */
export function roundTripsThroughJson(s: unknown): boolean {
	return JSON.stringify(JSON.parse(JSON.stringify(s))) === JSON.stringify(s);
}
