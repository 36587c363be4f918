/**
 * The fleet as arrays in launch order (`FleetView`), for loops that visit every instance every
 * tick. Looking a record up by id in a 1,000-key object costs tens of ns; an array index costs
 * one load. A view is derived from the state, never kept in it and never kept valid by writers:
 * `advance` builds one for its working copy and passes it down, and `fleetView(s, previous)`
 * returns `previous` only when it still describes `s` exactly — the same `instances` object and
 * `instanceOrder` array, the same length, first and last id. Ids come from a counter and a launch
 * appends, so those checks cannot miss a change (a launch changes the last id, a removal the
 * length unless a launch follows it, which again changes the last id).
 *
 * Also here: the capacity rules every reader of an instance's speed shares.
 */
import {instanceTypes, purchasePriceFactor, type InstanceTypeSpec} from '../catalog.js';
import type {Instance, SimState} from '../types.js';
import type {Working} from '../working.js';

type MutableInstance = Working['instances'][string];

/** The instances of a state in launch order, with what loops need of them. */
export type FleetView = {
	readonly instances: object;
	readonly order: readonly string[];
	readonly length: number;
	readonly firstId: string;
	readonly lastId: string;
	readonly list: MutableInstance[];
	readonly specs: InstanceTypeSpec[];
	/** USD per running hour of each instance, purchase option applied. */
	readonly hourlyUsd: Float64Array;
	/** Zone number of each instance (index into `zones`). */
	readonly zoneOf: Int32Array;
	readonly zones: string[];
	/** Scratch, one slot per instance (the data plane's routing): routed count, weight, pool (-1: not a candidate). */
	readonly count: Int32Array;
	readonly weight: Float64Array;
	readonly pool: Int32Array;
};

/**
 * A t2 runs at its baseline while its balance is below this (credits): at the baseline it
 * earns exactly what it spends, so the balance stays pinned near zero instead of flickering
 * between full speed and the baseline tick by tick.
 */
export const creditFloor = 0.001;

const unknownSpec: InstanceTypeSpec = {name: '?', vcpus: 1, memoryGiB: 1, priceUsdPerHour: 0};

/** The view of `s`: `previous` when it still describes `s` exactly, else a new one. */
export function fleetView(s: Working | SimState, previous?: FleetView): FleetView {
	const order = s.instanceOrder;
	const n = order.length;
	if (previous && previous.instances === s.instances && previous.order === order && previous.length === n && (n === 0 || (previous.firstId === order[0] && previous.lastId === order[n - 1]))) return previous;
	const list = order.map(id => s.instances[id]!) as MutableInstance[];
	const zones: string[] = [];
	const zoneOf = new Int32Array(n);
	for (let k = 0; k < n; k++) {
		let z = zones.indexOf(list[k]!.zone);
		if (z < 0) z = zones.push(list[k]!.zone) - 1;
		zoneOf[k] = z;
	}

	return {
		instances: s.instances,
		order,
		length: n,
		firstId: order[0] ?? '',
		lastId: order[n - 1] ?? '',
		list,
		specs: list.map(i => instanceTypes[i.instanceType] ?? unknownSpec),
		hourlyUsd: Float64Array.from(list, i => (instanceTypes[i.instanceType]?.priceUsdPerHour ?? 0) * purchasePriceFactor[i.purchaseOption]),
		zoneOf,
		zones,
		count: new Int32Array(n),
		weight: new Float64Array(n),
		pool: new Int32Array(n),
	};
}

/** The instance records in launch order (a fresh array; for loops that run now and then). */
export function instanceList(s: Working): MutableInstance[];
export function instanceList(s: SimState): Instance[];
export function instanceList(s: Working | SimState): Instance[] {
	const out: Instance[] = [];
	for (const id of s.instanceOrder) {
		const i = s.instances[id];
		if (i) out.push(i as Instance);
	}

	return out;
}

/** The throttle of a burstable instance with `cpuCredits` left (1: full speed). */
export function throttleOf(spec: InstanceTypeSpec | undefined, cpuCredits: number): number {
	return spec?.burst && cpuCredits < creditFloor ? spec.burst.baselinePercentPerVcpu / 100 : 1;
}

/** Capacity of an instance for the run's app, req/s, with `cpuCredits` left (t2 throttle included; 0 for an unknown type). */
export function capacityWith(s: Working | SimState, instanceType: string, cpuCredits: number): number {
	const spec = instanceTypes[instanceType];
	if (!spec) return 0;
	return spec.vcpus * (1000 / s.config.app.cpuMs) * throttleOf(spec, cpuCredits);
}
