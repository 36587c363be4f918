/**
 * `fleet(s)`: the instances of a working state as an array in launch order, with their
 * catalog specs and zone numbers, cached per state object. Looking instances up by id string
 * in a 1,000-key record costs ~100 ns each after a structured clone; a hot loop over this array
 * costs a few ns. The cache is a memo (a WeakMap keyed by the `instances` record, checked
 * against `instanceOrder`): it never changes results, only how fast they are found.
 *
 * Valid while instances are only added through `launchInstance` (push to `instanceOrder`) or
 * removed by splicing `instanceOrder`; replacing an instance object under the same id inside one
 * `advance` call would need `invalidateFleet(s)`.
 */
import {instanceTypes, purchasePriceFactor, type InstanceTypeSpec} from '../catalog.js';
import type {Working} from '../working.js';
import {newQueueMemo, type QueueMemo} from './instance-queue.js';

type MutableInstance = Working['instances'][string];

/** The cached view plus scratch arrays the data plane reuses every tick. */
export type Fleet = {
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
	/** Scratch, one slot per instance: routed count, expected rate, routing weight, pool number. */
	readonly count: Int32Array;
	readonly rate: Float64Array;
	readonly weight: Float64Array;
	readonly isCandidate: Uint8Array;
	/** Scratch: index of this tick's last candidate (-1: none), set by `pickCandidates`. */
	lastCandidate: number;
	/** Scratch: the data plane's queue-wait memo (cleared every tick). */
	readonly queueMemo: QueueMemo;
	/** Scratch, one slot per zone: the last candidate weight seen this tick and its share (NaN: none yet). */
	readonly zoneShareWeight: Float64Array;
	readonly zoneShare: Float64Array;
	/** Scratch, one slot per zone: the arrival Ca² of its candidates this tick. */
	readonly zoneArrivalCv2: Float64Array;
	/** Scratch, one slot per instance: routing class this tick (see routing.ts `classify`). */
	readonly routeClass: Uint8Array;
	/** Scratch, one slot per zone: routing weight, vCPUs, capacity, members, pooled wait, P(wait), down. */
	readonly zoneWeight: Float64Array;
	readonly zoneVcpus: Float64Array;
	readonly zoneCapacity: Float64Array;
	readonly zoneMembers: Int32Array;
	readonly zoneWait: Float64Array;
	readonly zonePWait: Float64Array;
	readonly zoneDown: Uint8Array;
};

/**
 * A t2 runs at its baseline while its balance is below this (credits): at the baseline it
 * earns exactly what it spends, so the balance stays pinned near zero instead of flickering
 * between full speed and the baseline tick by tick.
 */
export const creditFloor = 0.001;

const unknownSpec: InstanceTypeSpec = {name: '?', vcpus: 1, memoryGiB: 1, priceUsdPerHour: 0};
const cache = new WeakMap<object, Fleet>();

/** The instances of `s` in launch order (cached). */
export function fleet(s: Working): Fleet {
	const order = s.instanceOrder;
	const n = order.length;
	const hit = cache.get(s.instances);
	if (hit && hit.order === order && hit.length === n && (n === 0 || (hit.firstId === order[0] && hit.lastId === order[n - 1]))) return hit;
	const list = order.map(id => s.instances[id]!);
	const zones: string[] = [];
	const zoneOf = new Int32Array(n);
	for (let k = 0; k < n; k++) {
		let z = zones.indexOf(list[k]!.zone);
		if (z < 0) z = zones.push(list[k]!.zone) - 1;
		zoneOf[k] = z;
	}

	const built: Fleet = {
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
		rate: new Float64Array(n),
		weight: new Float64Array(n),
		isCandidate: new Uint8Array(n),
		lastCandidate: -1,
		routeClass: new Uint8Array(n),
		queueMemo: newQueueMemo(),
		zoneShareWeight: new Float64Array(Math.max(1, zones.length)),
		zoneShare: new Float64Array(Math.max(1, zones.length)),
		zoneArrivalCv2: new Float64Array(Math.max(1, zones.length)),
		zoneWeight: new Float64Array(Math.max(1, zones.length)),
		zoneVcpus: new Float64Array(Math.max(1, zones.length)),
		zoneCapacity: new Float64Array(Math.max(1, zones.length)),
		zoneMembers: new Int32Array(Math.max(1, zones.length)),
		zoneWait: new Float64Array(Math.max(1, zones.length)),
		zonePWait: new Float64Array(Math.max(1, zones.length)),
		zoneDown: new Uint8Array(Math.max(1, zones.length)),
	};
	cache.set(s.instances, built);
	return built;
}

/** Forget the cached view (after replacing an instance object in place). */
export function invalidateFleet(s: Working): void {
	cache.delete(s.instances);
}

/** Capacity of an instance for the run's app, req/s (t2 throttle included; 0 for an unknown type). */
export function capacityOf(s: Working, i: MutableInstance): number {
	const spec = instanceTypes[i.instanceType];
	if (!spec) return 0;
	const throttle = spec.burst && i.cpuCredits < creditFloor ? spec.burst.baselinePercentPerVcpu / 100 : 1;
	return spec.vcpus * (1000 / s.config.app.cpuMs) * throttle;
}
