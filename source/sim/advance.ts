/**
 * `advance(state, ticks)`: simulated time. Pure at the boundary — the input is never touched;
 * the state is copied once, the hot loop mutates the private copy (no immer inside), and the
 * copy is returned. Timeline entries (`config.timeline`) due at a tick are applied through
 * `step` just before that tick runs; the hot loop is left at those ticks only. Chunking does
 * not matter: advance(advance(s, a), b) equals advance(s, a + b).
 */
import {step} from './step.js';
import {beginHotScope, endHotScope} from './systems/fleet.js';
import {runTick} from './tick.js';
import type {SimState} from './types.js';
import type {Working} from './working.js';

const canonical = new Map<string, string>();
for (const value of ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated', 'Pending', 'InService', 'Terminating', 'Terminated', 'Standby', 'Standalone', 'Healthy', 'Unhealthy', 'initial', 'healthy', 'unhealthy', 'draining', 'unused', 'on-demand', 'spot', 'reserved']) {
	canonical.set(value, value);
}

/**
 * A structured clone holds fresh copies of every string; comparing them with literals
 * (`ec2State !== 'running'`) then goes through a slow runtime path on every tick. Swapping the
 * enum-like fields back to the literals' own (internalized) strings once per clone makes those
 * comparisons pointer checks. Values are unchanged.
 */
function internEnums(s: Working): void {
	for (const id of s.instanceOrder) {
		const i = s.instances[id];
		if (!i) continue;
		i.ec2State = (canonical.get(i.ec2State) ?? i.ec2State) as typeof i.ec2State;
		i.asgLifecycle = (canonical.get(i.asgLifecycle) ?? i.asgLifecycle) as typeof i.asgLifecycle;
		i.asgHealth = (canonical.get(i.asgHealth) ?? i.asgHealth) as typeof i.asgHealth;
		i.purchaseOption = (canonical.get(i.purchaseOption) ?? i.purchaseOption) as typeof i.purchaseOption;
		i.target.health = (canonical.get(i.target.health) ?? i.target.health) as typeof i.target.health;
	}
}

type MutableInstance = Working['instances'][string];

/** Key order of an instance record as `launchInstance` writes it (`heldByTick` is added last, when first used). */
const instanceKeys = ['id', 'instanceType', 'zone', 'purchaseOption', 'isInGroup', 'hasElasticIp', 'isBehindLoadBalancer', 'launchedTick', 'ec2State', 'ec2StateSinceTick', 'uptimeTicksAtStop', 'transitionAtTick', 'appReadyTick', 'asgLifecycle', 'asgHealth', 'unhealthyCause', 'isProtectedFromScaleIn', 'isHung', 'isHungByOutage', 'spotInterruptionTick', 'inServiceTick', 'warmupUntilTick', 'target', 'backlog', 'inFlight', 'completedLastTick', 'cpuPercent', 'latencyMs', 'cpuCredits', 'billedSeconds', 'costUsd', 'heldByTick'];
const targetKeys = ['health', 'consecutivePasses', 'consecutiveFailures', 'healthySinceTick', 'drainUntilTick', 'routedLastTick', 'routedTotal'];

/** Does `value` have exactly these keys, in this order (the last one optional when `optionalLast`)? */
function hasKeys(value: object, keys: readonly string[], optionalLast: boolean): boolean {
	let k = 0;
	for (const key in value) {
		if (key !== keys[k]) return false;
		k++;
	}

	return k === keys.length || (optionalLast && k === keys.length - 1);
}

/**
 * Copy of an instance record written as one object literal (same keys, same order, same
 * values). A spread copy of a frozen record keeps most fields out of the object and stores
 * every double as a fresh heap number; the literal's fields live in the object with unboxed
 * doubles, which makes the data plane's pass over the fleet about a third faster.
 */
function cloneInstance(i: MutableInstance): MutableInstance {
	const t = i.target;
	const copy = {
		id: i.id,
		instanceType: i.instanceType,
		zone: i.zone,
		purchaseOption: i.purchaseOption,
		isInGroup: i.isInGroup,
		hasElasticIp: i.hasElasticIp,
		isBehindLoadBalancer: i.isBehindLoadBalancer,
		launchedTick: i.launchedTick,
		ec2State: i.ec2State,
		ec2StateSinceTick: i.ec2StateSinceTick,
		uptimeTicksAtStop: i.uptimeTicksAtStop,
		transitionAtTick: i.transitionAtTick,
		appReadyTick: i.appReadyTick,
		asgLifecycle: i.asgLifecycle,
		asgHealth: i.asgHealth,
		unhealthyCause: i.unhealthyCause,
		isProtectedFromScaleIn: i.isProtectedFromScaleIn,
		isHung: i.isHung,
		isHungByOutage: i.isHungByOutage,
		spotInterruptionTick: i.spotInterruptionTick,
		inServiceTick: i.inServiceTick,
		warmupUntilTick: i.warmupUntilTick,
		target: {
			health: t.health,
			consecutivePasses: t.consecutivePasses,
			consecutiveFailures: t.consecutiveFailures,
			healthySinceTick: t.healthySinceTick,
			drainUntilTick: t.drainUntilTick,
			routedLastTick: t.routedLastTick,
			routedTotal: t.routedTotal,
		},
		backlog: i.backlog,
		inFlight: i.inFlight,
		completedLastTick: i.completedLastTick,
		cpuPercent: i.cpuPercent,
		latencyMs: i.latencyMs,
		cpuCredits: i.cpuCredits,
		billedSeconds: i.billedSeconds,
		costUsd: i.costUsd,
	} as MutableInstance;
	if (i.heldByTick !== undefined) copy.heldByTick = i.heldByTick.slice();
	return copy;
}

/** Copy of the instance records: the literal copy where the record has the usual keys, else a generic one. */
function cloneInstances(instances: Working['instances']): Working['instances'] {
	const out: Working['instances'] = {};
	for (const id in instances) {
		const i = instances[id]!;
		out[id] = hasKeys(i, instanceKeys, true) && hasKeys(i.target, targetKeys, false) ? cloneInstance(i) : cloneJson(i) as MutableInstance;
	}

	return out;
}

/**
 * Deep copy of plain JSON data: strings are shared, and arrays of primitives are sliced (a
 * memcpy). The state's arrays are homogeneous (numbers or null, strings, or objects), so the
 * first non-null element decides.
 */
function cloneJson(value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		for (const item of value) {
			if (item === null) continue;
			if (typeof item === 'object') return value.map(element => cloneJson(element));
			return typeof item === 'number' ? copyNumbers(value) : value.slice();
		}

		return value.slice();
	}

	// Spread copies the source's shape as it is (V8's object-clone fast path); adding 30-odd
	// properties one by one with keyed stores would turn each instance into a slow dictionary.
	const out: Record<string, unknown> = {...value};
	for (const key in out) {
		const field = out[key];
		if (typeof field === 'object' && field !== null) out[key] = cloneJson(field);
	}

	return out;
}

/** Keys every state has, in `createInitialState`'s order (optional ones follow, in the order they were added). */
const stateKeys = ['config', 'clock', 'rng', 'nextInstanceNumber', 'instances', 'instanceOrder', 'traffic', 'loadBalancer', 'autoScaling', 'alarms', 'alarmOrder', 'zones', 'chaosMonkey', 'totals', 'latency', 'recentLatency', 'flow', 'failureCauses', 'history', 'cloudwatch', 'events', 'eventCount', 'caption', 'pauseRequests'];

/** Do the first keys of `value` follow `keys` (more may come after)? */
function startsWithKeys(value: object, keys: readonly string[]): boolean {
	let k = 0;
	for (const key in value) {
		if (k === keys.length) return true;
		if (key !== keys[k]) return false;
		k++;
	}

	return k === keys.length;
}

/**
 * A private, mutable copy of a state for the hot loop. The config is shared, not copied: no
 * system writes to it (it is the run's input). Much cheaper than structuredClone, which matters
 * to callers that advance one tick at a time (the headless runner, the dashboard).
 *
 * The top level is written as one object literal (same keys in the same order; optional keys
 * appended in the source's order). A spread copy got a new hidden class on every `advance`
 * call, so after a few calls every system's `s.…` read was megamorphic: ~9 µs more per tick.
 */
function workingCopy(state: SimState): Working {
	if (!startsWithKeys(state, stateKeys)) return genericWorkingCopy(state);
	const copy = {
		config: state.config,
		clock: cloneJson(state.clock),
		rng: unboxedNumbers(state.rng),
		nextInstanceNumber: state.nextInstanceNumber,
		instances: cloneInstances(state.instances as Working['instances']),
		instanceOrder: cloneJson(state.instanceOrder),
		traffic: cloneJson(state.traffic),
		loadBalancer: cloneJson(state.loadBalancer),
		autoScaling: cloneJson(state.autoScaling),
		alarms: cloneJson(state.alarms),
		alarmOrder: cloneJson(state.alarmOrder),
		zones: cloneJson(state.zones),
		chaosMonkey: cloneJson(state.chaosMonkey),
		totals: cloneJson(state.totals),
		latency: cloneJson(state.latency),
		recentLatency: cloneJson(state.recentLatency),
		flow: cloneJson(state.flow),
		failureCauses: cloneJson(state.failureCauses),
		history: cloneJson(state.history),
		cloudwatch: cloneJson(state.cloudwatch),
		events: cloneJson(state.events),
		eventCount: state.eventCount,
		caption: state.caption,
		pauseRequests: state.pauseRequests,
	} as Record<string, unknown>;
	let k = 0;
	for (const key in state) {
		if (k++ < stateKeys.length) continue;
		copy[key] = cloneJson((state as Record<string, unknown>)[key]);
	}

	const s = copy as Working;
	internEnums(s);
	return s;
}

/** The same copy for a state with its keys in another order (hand-built in tests). */
function genericWorkingCopy(state: SimState): Working {
	const copy: Record<string, unknown> = {...state};
	for (const key in copy) {
		const field = copy[key];
		if (key === 'instances') copy[key] = cloneInstances(field as Working['instances']);
		else if (key !== 'config' && typeof field === 'object' && field !== null) copy[key] = cloneJson(field);
	}

	const s = copy as Working;
	internEnums(s);
	s.rng = unboxedNumbers(s.rng);
	return s;
}

/**
 * The PRNG state as an array with unboxed double elements. A copied (or frozen) array holds
 * tagged elements, and a uint32 above 2^30 is not a small integer: every draw would store a
 * freshly allocated heap number. Same values, same JSON.
 */
function unboxedNumbers(values: readonly number[]): number[] {
	const out = Array.from({length: values.length}, () => 0.5);
	for (let k = 0; k < values.length; k++) out[k] = values[k]!;
	return out;
}

/**
 * Copy of an array of numbers (or numbers and nulls) built element by element, so V8 keeps
 * the numbers unboxed (small-integer or double elements). `slice()` of a frozen or copied
 * array keeps tagged elements, and then every fractional value stored into it (a histogram
 * fading each tick, a ring's new datapoint) allocates a heap number. Same values, same JSON.
 */
function copyNumbers(values: readonly unknown[]): unknown[] {
	const out: unknown[] = [];
	for (const v of values) out.push(v);
	return out;
}

/** Ticks at which the timeline has entries, ascending and unique. */
function timelineTicks(state: SimState): number[] {
	const ticks = new Set<number>();
	for (const entry of state.config.timeline) ticks.add(entry.atTick);
	return [...ticks].sort((a, b) => a - b);
}

function applyDue(state: SimState, tick: number): SimState {
	let next = state;
	for (const entry of state.config.timeline) if (entry.atTick === tick) next = step(next, entry.action);
	return next;
}

/** Advance time by `ticks` (a whole number ≥ 0). */
export function advance(state: SimState, ticks: number): SimState {
	if (!Number.isInteger(ticks) || ticks < 0) throw new RangeError(`advance: ticks must be a whole number ≥ 0, got ${ticks}.`);
	if (ticks === 0) return state;
	const due = timelineTicks(state);
	let s = workingCopy(state);
	beginHotScope(s);
	const end = s.clock.tick + ticks;
	let k = 0;
	while (k < due.length && due[k]! < s.clock.tick) k++;
	while (s.clock.tick < end) {
		if (k < due.length && due[k] === s.clock.tick) {
			endHotScope(s);
			s = workingCopy(applyDue(s as SimState, s.clock.tick));
			beginHotScope(s);
			k++;
		}

		const stop = k < due.length ? Math.min(end, due[k]!) : end;
		while (s.clock.tick < stop) runTick(s);
	}

	endHotScope(s);
	return s as SimState;
}
