/**
 * `fleet(s)`: the instances of a working state as an array in launch order, with their
 * catalog specs and zone numbers, cached per state object. Looking instances up by id string
 * in a 1,000-key record costs ~100 ns each after a structured clone; a hot loop over this array
 * costs a few ns. The cache is a WeakMap keyed by the `instances` record, checked against
 * `instanceOrder`. It never changes results, only how fast they are found; two parts of it are
 * more than a memo and have rules of their own: inside `advance` the data plane's per-instance
 * fields live in its typed arrays (`HotFields`: written back to the records when the view is
 * rebuilt, when `step` runs a timeline action and when `advance` returns), and inputs that only a
 * few writers change are cached until one of them calls `touchFleet` (`Modes`).
 *
 * Valid while instances are only added through `launchInstance` (push to `instanceOrder`) or
 * removed by splicing `instanceOrder`; nothing replaces an instance object under the same id
 * inside one `advance` call (the view would keep the old object).
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
	/** The data plane's per-instance fields as typed arrays (see `HotFields`). */
	readonly hot: HotFields;
	/** Copies of the data plane's inputs that only a few writers change (see `Modes`). */
	readonly modes: Modes;
	/** Pools found by the last `pickCandidates` (its candidates, weights and sums are still in place). */
	pools: number;
};

/**
 * Per-instance inputs of routing and serving that change only through a handful of writers —
 * EC2 state changes (`setEc2State`, `finishTransition`), target health (`setHealth`, draining,
 * deregistration) and hangs (fault handlers, zone outages) — each of which calls `touchFleet`.
 * While `dirty` is false the data plane reuses them, and last tick's candidates, instead of
 * reading every record again. `launchedTick`, `hasElasticIp` and `isBehindLoadBalancer` never
 * change after launch.
 */
export type Modes = {
	dirty: boolean;
	/** 1: running, not hung, not draining, holding nothing (the fast path may serve it once its app is ready and its zone is up). */
	readonly isPlain: Uint8Array;
	/** Target health: 0 initial, 1 healthy, 2 unused, 3 draining, 4 unhealthy. */
	readonly health: Uint8Array;
	readonly appReadyTick: Float64Array;
	readonly ec2StateSinceTick: Float64Array;
	readonly launchedTick: Int32Array;
	readonly hasElasticIp: Uint8Array;
	readonly isBehindLoadBalancer: Uint8Array;
	/** 1 when the catalog knows its type (`capacityOf` is 0 otherwise). */
	readonly isKnownType: Uint8Array;
};

/**
 * The fields the data plane writes every tick, one typed array each, indexed like `list`.
 * Inside `advance` (between `beginHotScope` and `endHotScope`) these arrays, not the records,
 * hold the current values while `valid` is true: the data plane's pass reads and writes plain
 * numbers instead of ~10 properties of a 35-field record per instance per tick. The records are
 * written back (`flushHot`) before anything else could read them: when the cached view is
 * rebuilt (an instance launched or removed), before a timeline action runs through `step`, and
 * when `advance` returns. Inside a tick, the few readers outside the data plane go through
 * `f.hot` when `valid` (CloudWatch's sample) and `capacityAt` (the closed loop).
 */
export type HotFields = {
	valid: boolean;
	readonly backlog: Float64Array;
	readonly inFlight: Float64Array;
	readonly completed: Float64Array;
	readonly cpuPercent: Float64Array;
	readonly latencyMs: Float64Array;
	readonly cpuCredits: Float64Array;
	readonly billedSeconds: Float64Array;
	readonly costUsd: Float64Array;
	readonly routedLast: Float64Array;
	readonly routedTotal: Float64Array;
	/** Health-check counters of the target. */
	readonly passes: Float64Array;
	readonly failures: Float64Array;
};

/**
 * A t2 runs at its baseline while its balance is below this (credits): at the baseline it
 * earns exactly what it spends, so the balance stays pinned near zero instead of flickering
 * between full speed and the baseline tick by tick.
 */
export const creditFloor = 0.001;

const unknownSpec: InstanceTypeSpec = {name: '?', vcpus: 1, memoryGiB: 1, priceUsdPerHour: 0};
const cache = new WeakMap<object, Fleet>();
/** Working states inside an `advance` call: their data plane keeps its fields in `Fleet.hot` between ticks. */
const hotScopes = new WeakSet<object>();

/** The instances of `s` in launch order (cached). */
export function fleet(s: Working): Fleet {
	const order = s.instanceOrder;
	const n = order.length;
	const hit = cache.get(s.instances);
	if (hit && hit.order === order && hit.length === n && (n === 0 || (hit.firstId === order[0] && hit.lastId === order[n - 1]))) return hit;
	// The view is rebuilt: what its hot arrays hold goes back to the records first.
	if (hit) flushHot(hit);
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
		hot: {
			valid: false,
			backlog: new Float64Array(n),
			inFlight: new Float64Array(n),
			completed: new Float64Array(n),
			cpuPercent: new Float64Array(n),
			latencyMs: new Float64Array(n),
			cpuCredits: new Float64Array(n),
			billedSeconds: new Float64Array(n),
			costUsd: new Float64Array(n),
			routedLast: new Float64Array(n),
			routedTotal: new Float64Array(n),
			passes: new Float64Array(n),
			failures: new Float64Array(n),
		},
		modes: {
			dirty: true,
			isPlain: new Uint8Array(n),
			health: new Uint8Array(n),
			appReadyTick: new Float64Array(n),
			ec2StateSinceTick: new Float64Array(n),
			launchedTick: Int32Array.from(list, i => i.launchedTick),
			hasElasticIp: Uint8Array.from(list, i => (i.hasElasticIp ? 1 : 0)),
			isBehindLoadBalancer: Uint8Array.from(list, i => (i.isBehindLoadBalancer ? 1 : 0)),
			isKnownType: Uint8Array.from(list, i => (instanceTypes[i.instanceType] ? 1 : 0)),
		},
		pools: 0,
	};
	cache.set(s.instances, built);
	return built;
}

/** A writer changed an instance's EC2 state, target health or hang: the data plane reads the records again next tick. */
export function touchFleet(s: Working): void {
	const hit = cache.get(s.instances);
	if (hit) hit.modes.dirty = true;
}

/** `Modes.health` of each target health. */
export const healthCodes: Record<string, number> = {initial: 0, healthy: 1, unused: 2, draining: 3, unhealthy: 4};

/** Instance `k`'s record → its modes. */
export function refreshModesAt(f: Fleet, k: number): void {
	const m = f.modes;
	const i = f.list[k]!;
	const health = i.target.health;
	const held = i.heldByTick;
	m.isPlain[k] = i.ec2State === 'running' && !i.isHung && health !== 'draining' && (held === undefined || held.length === 0) ? 1 : 0;
	m.health[k] = healthCodes[health] ?? 0;
	m.appReadyTick[k] = i.appReadyTick;
	m.ec2StateSinceTick[k] = i.ec2StateSinceTick;
}

/** Every record → the modes (when a writer touched the fleet). */
export function refreshModes(f: Fleet): void {
	for (let k = 0; k < f.length; k++) refreshModesAt(f, k);
	f.modes.dirty = false;
}

/** Copy the records' data-plane fields into the hot arrays; from now on the arrays hold them. */
export function loadHot(f: Fleet): void {
	const h = f.hot;
	for (let k = 0; k < f.length; k++) loadHotAt(f, k);
	h.valid = true;
}

/** Instance `k`'s record → the hot arrays. */
export function loadHotAt(f: Fleet, k: number): void {
	const h = f.hot;
	const i = f.list[k]!;
	h.backlog[k] = i.backlog;
	h.inFlight[k] = i.inFlight ?? 0;
	h.completed[k] = i.completedLastTick;
	h.cpuPercent[k] = i.cpuPercent;
	h.latencyMs[k] = i.latencyMs;
	h.cpuCredits[k] = i.cpuCredits;
	h.billedSeconds[k] = i.billedSeconds;
	h.costUsd[k] = i.costUsd;
	h.routedLast[k] = i.target.routedLastTick;
	h.routedTotal[k] = i.target.routedTotal;
	h.passes[k] = i.target.consecutivePasses;
	h.failures[k] = i.target.consecutiveFailures;
}

/** The hot arrays → instance `k`'s record. */
export function flushHotAt(f: Fleet, k: number): void {
	const h = f.hot;
	const i = f.list[k]!;
	i.backlog = h.backlog[k]!;
	i.inFlight = h.inFlight[k]!;
	i.completedLastTick = h.completed[k]!;
	i.cpuPercent = h.cpuPercent[k]!;
	i.latencyMs = h.latencyMs[k]!;
	i.cpuCredits = h.cpuCredits[k]!;
	i.billedSeconds = h.billedSeconds[k]!;
	i.costUsd = h.costUsd[k]!;
	i.target.routedLastTick = h.routedLast[k]!;
	i.target.routedTotal = h.routedTotal[k]!;
	i.target.consecutivePasses = h.passes[k]!;
	i.target.consecutiveFailures = h.failures[k]!;
}

/** Write the hot arrays back to the records (when they hold the current values); the records hold them again. */
export function flushHot(f: Fleet): void {
	if (!f.hot.valid) return;
	for (let k = 0; k < f.length; k++) flushHotAt(f, k);
	f.hot.valid = false;
}

/** `advance` starts working on `s`: the data plane may keep its fields in the hot arrays between ticks. */
export function beginHotScope(s: Working): void {
	hotScopes.add(s);
}

/** `advance` is done with `s` (or hands it to `step`): every record is current again. */
export function endHotScope(s: Working): void {
	const hit = cache.get(s.instances);
	if (hit) flushHot(hit);
	hotScopes.delete(s);
}

/** Is `s` inside an `advance` call (its hot arrays may stay ahead of its records between ticks)? */
export function isHotScope(s: Working): boolean {
	return hotScopes.has(s);
}

/** Capacity of an instance for the run's app, req/s (t2 throttle included; 0 for an unknown type). */
export function capacityOf(s: Working, i: MutableInstance): number {
	return capacityWithCredits(s, i, i.cpuCredits);
}

/** `capacityOf` for instance `k` of the cached view, its credits read from wherever they are current. */
export function capacityAt(s: Working, f: Fleet, k: number): number {
	return capacityWithCredits(s, f.list[k]!, f.hot.valid ? f.hot.cpuCredits[k]! : f.list[k]!.cpuCredits);
}

/** `capacityOf` with the credit balance given. */
function capacityWithCredits(s: Working, i: MutableInstance, cpuCredits: number): number {
	const spec = instanceTypes[i.instanceType];
	if (!spec) return 0;
	const throttle = spec.burst && cpuCredits < creditFloor ? spec.burst.baselinePercentPerVcpu / 100 : 1;
	return spec.vcpus * (1000 / s.config.app.cpuMs) * throttle;
}
