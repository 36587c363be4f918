/**
 * The oracle: a per-request discrete-event simulation of the queues the data plane models, used
 * only by tests to judge the data plane (docs/data-plane.md, "The oracle").
 *
 * - Arrivals: a Poisson process (or Erlang-k renewal) whose rate is constant within each tick
 *   and set per tick by `rate(tick)`; fleet-wide.
 * - Routing over `instances` identical instances through `elbNodes` load-balancer nodes (each
 *   request reaches a node chosen uniformly at random, as DNS spreads clients): round-robin
 *   (each node its own cursor), random (uniform), or least outstanding requests as the ELB does
 *   it: each node sends to the target with the fewest requests outstanding *from that node*
 *   (ties: the first such target after the node's cursor).
 * - Each instance: `servers` servers (vCPUs), one FIFO queue (first come, first served), service
 *   times of mean `serviceMeanSeconds` and coefficient of variation `serviceCv` (the shapes of
 *   source/sim/rng.ts `nextServiceTime`: constant, Erlang, exponential, two-phase
 *   hyper-exponential).
 * - Patience: a request that has waited `timeoutSeconds` without starting service leaves the
 *   queue and fails (504) at arrival + timeout, using no service. With FIFO and the same
 *   patience for everyone this is decided at arrival (the start time of the first free server,
 *   counting only requests that will be served), so the simulation is exact.
 * - Backlog limit: an arrival that finds `backlogLimit` requests waiting (not yet in service,
 *   including those that will give up) is refused at once (503).
 *
 * Observed per tick (bins of `tickSeconds`): arrivals, completions, 504s, 503s, requests in flight
 * at the end of the tick, busy server-seconds (CPU), the latency sum of the tick's completions,
 * and the "now" p99 as the dashboard computes it (a histogram of completions fading by
 * `recentDecay` per tick, read at the end of each tick). Latency is timed at completion:
 * arrival to the end of service.
 */
import {seedRng} from '../../../source/sim/rng.js';
import {bucketOf, histogramBuckets, histogramGrowth, histogramMinMs} from '../../../source/sim/systems/histogram.js';
import {EventHeap} from '../../../source/ab/heap.js';

/**
 * mulberry32 on a Uint32Array word (no boxed doubles per draw), uniform in (0, 1). The same
 * generator as source/sim/rng.ts; the oracle's draws are its own, unrelated to the model's.
 */
function makeUnit(seed: number): () => number {
	const state = new Uint32Array(seedRng(seed));
	return () => {
		state[0] = (state[0]! + 0x6D_2B_79_F5) >>> 0;
		let a = state[0]!;
		a = Math.imul(a ^ (a >>> 15), a | 1);
		a ^= a + Math.imul(a ^ (a >>> 7), a | 61);
		return (((a ^ (a >>> 14)) >>> 0) + 0.5) / 4_294_967_296;
	};
}

/**
 * Service times of mean `mean` and coefficient of variation `cv`, the shapes of
 * source/sim/rng.ts `nextServiceTime`: constant (cv 0), Erlang-k (cv < 1, k = round(1/cv²)),
 * exponential (cv 1), balanced two-phase hyper-exponential (cv > 1).
 */
function makeService(unit: () => number, mean: number, cv: number): () => number {
	if (cv <= 0) return () => mean;
	if (cv === 1) return () => -Math.log(unit()) * mean;
	if (cv < 1) {
		const k = Math.max(1, Math.round(1 / (cv * cv)));
		return () => {
			let product = 1;
			for (let i = 0; i < k; i++) product *= unit();
			return -Math.log(product) * mean / k;
		};
	}

	const c2 = cv * cv;
	const p = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)));
	return () => (unit() < p ? -Math.log(unit()) * mean / (2 * p) : -Math.log(unit()) * mean / (2 * (1 - p)));
}

export type DesRouting = 'round-robin' | 'random' | 'least-outstanding';

export type DesOptions = {
	readonly seed: number;
	readonly durationSeconds: number;
	readonly tickSeconds?: number;
	/** Fleet-wide arrival rate during tick `tick`, req/s. */
	readonly rate: (tick: number) => number;
	/** Inter-arrival shape: Poisson (default) or Erlang-k (Ca² = 1/k). */
	readonly erlangArrivals?: number;
	readonly instances?: number;
	readonly servers: number;
	readonly serviceMeanSeconds: number;
	readonly serviceCv: number;
	readonly timeoutSeconds?: number;
	readonly backlogLimit?: number;
	readonly routing?: DesRouting;
	readonly elbNodes?: number;
	/** Per-tick fade of the "now" histogram (the dashboard's: 0.933). */
	readonly recentDecay?: number;
	/** Keep each completed request's latency (ms) and completion tick in `latenciesMs`/`completionTick`. */
	readonly keepLatencies?: boolean;
	/** Called for every completed request with its arrival and departure times, seconds (a later stage's arrivals: ./network-des.ts). */
	readonly onCompletion?: (arrivalSeconds: number, departureSeconds: number) => void;
};

export type DesTicks = {
	readonly arrived: Int32Array;
	readonly completed: Int32Array;
	readonly timedOut: Int32Array;
	readonly refused: Int32Array;
	/** In flight at the end of the tick (arrived, not yet completed or failed). */
	readonly inFlight: Int32Array;
	/** Busy server-seconds in the tick, all instances. */
	readonly busySeconds: Float64Array;
	readonly latencySumMs: Float64Array;
	/** The dashboard's "now" p99 at the end of the tick, ms (0 before any completion). */
	readonly recentP99Ms: Float64Array;
};

export type DesResult = {
	readonly ticks: DesTicks;
	readonly tickCount: number;
	readonly arrived: number;
	readonly completed: number;
	readonly timedOut: number;
	readonly refused: number;
	/** Latencies of completed requests, ms, in arrival order (when `keepLatencies`). */
	readonly latenciesMs: Float64Array;
	/** The tick each of them completed in. */
	readonly completionTick: Int32Array;
	/** Requests routed to each instance. */
	readonly routed: readonly number[];
};

/** A growable FIFO of numbers (times) with a head index. */
class TimeQueue {
	private items = new Float64Array(64);
	private head = 0;
	private tail = 0;

	get size(): number {
		return this.tail - this.head;
	}

	push(x: number): void {
		if (this.tail === this.items.length) {
			const live = this.tail - this.head;
			const next = new Float64Array(Math.max(64, live * 2));
			next.set(this.items.subarray(this.head, this.tail));
			this.items = next;
			this.head = 0;
			this.tail = live;
		}

		this.items[this.tail++] = x;
	}

	/** Drop items ≤ t from the front (the items are non-decreasing). */
	dropUpTo(t: number): void {
		while (this.head < this.tail && this.items[this.head]! <= t) this.head++;
	}
}

type InstanceQueue = {
	readonly freeAt: Float64Array;
	/** Start times of served requests still waiting (start > now). */
	readonly starts: TimeQueue;
	/** Give-up times of requests still waiting that will time out. */
	readonly giveUps: TimeQueue;
};

/** Run the oracle. Deterministic for the options (seed included). */
export function runDes(o: DesOptions): DesResult {
	const dt = o.tickSeconds ?? 1;
	const tickCount = Math.ceil(o.durationSeconds / dt);
	const instances = o.instances ?? 1;
	const nodes = o.elbNodes ?? 1;
	const routing = o.routing ?? 'round-robin';
	const timeout = o.timeoutSeconds ?? Number.POSITIVE_INFINITY;
	const backlogLimit = o.backlogLimit ?? Number.POSITIVE_INFINITY;
	const unit = makeUnit(o.seed);
	const service = makeService(unit, o.serviceMeanSeconds, o.serviceCv);
	const queues: InstanceQueue[] = Array.from({length: instances}, () => ({freeAt: new Float64Array(o.servers), starts: new TimeQueue(), giveUps: new TimeQueue()}));
	const ticks: DesTicks = {
		arrived: new Int32Array(tickCount),
		completed: new Int32Array(tickCount),
		timedOut: new Int32Array(tickCount),
		refused: new Int32Array(tickCount),
		inFlight: new Int32Array(tickCount),
		busySeconds: new Float64Array(tickCount),
		latencySumMs: new Float64Array(tickCount),
		recentP99Ms: new Float64Array(tickCount),
	};
	// Departures (completion or failure) per tick, for in flight at tick ends; beyond the run: dropped.
	const departed = new Int32Array(tickCount);
	let expected = 1024;
	for (let k = 0; k < tickCount; k++) expected += Math.max(0, o.rate(k)) * dt;
	expected = Math.ceil(expected * 1.02) + (8 * Math.sqrt(expected));
	let latencies = new Float64Array(o.keepLatencies ? expected : 0);
	let completionTicks = new Int32Array(o.keepLatencies ? expected : 0);
	// Every completion's latency by tick, for the fading "now" histogram (counting sort at the end).
	let allLatency = new Float64Array(expected);
	let allTick = new Int32Array(expected);
	let completions = 0;
	let kept = 0;
	const routed = Array.from({length: instances}, () => 0);
	const cursor = new Int32Array(nodes);
	const outstanding = new Int32Array(nodes * instances);
	const isLor = routing === 'least-outstanding';
	const heap = new EventHeap(1024);
	let heapCapacity = 1024;
	let heapNext = heap;
	// Least outstanding requests: (departure time → node * instances + target) events.
	const pendingDepartures = (t: number): void => {
		while (heapNext.size > 0 && heapNext.peekTime()! <= t) outstanding[heapNext.pop()]! -= 1;
	};

	const pushDeparture = (t: number, slot: number): void => {
		if (heapNext.size === heapCapacity) {
			// Grow: move the events to a larger heap.
			const bigger = new EventHeap(heapCapacity * 2);
			while (heapNext.size > 0) {
				const time = heapNext.peekTime()!;
				bigger.push(time, heapNext.pop());
			}

			heapNext = bigger;
			heapCapacity *= 2;
		}

		heapNext.push(t, slot);
	};

	const binOf = (t: number): number => Math.floor(t / dt);
	const addDeparture = (t: number): void => {
		const b = binOf(t);
		if (b < tickCount) departed[b]! += 1;
	};

	const addBusy = (from: number, to: number): void => {
		let t = from;
		while (t < to) {
			const b = binOf(t);
			if (b >= tickCount) return;
			const end = Math.min(to, (b + 1) * dt);
			ticks.busySeconds[b] += end - t;
			t = end;
		}
	};

	let t = 0;
	let arrivals = 0;
	let timedOut = 0;
	let refused = 0;
	const erlang = o.erlangArrivals ?? 1;
	for (let k = 0; k < tickCount; k++) {
		const rate = o.rate(k);
		const end = (k + 1) * dt;
		if (!(rate > 0)) {
			t = end;
			continue;
		}

		// Inter-arrival gaps: exponential (Poisson) or Erlang-k with the same mean.
		for (;;) {
			let gap = 0;
			for (let j = 0; j < erlang; j++) gap -= Math.log(unit()) / (rate * erlang);
			if (t + gap >= end) {
				// Memoryless restart at the tick boundary (exact for Poisson; for Erlang the rate is
				// constant in the tests that use it, so the carried phase barely matters).
				t = end;
				break;
			}

			t += gap;
			arrivals++;
			ticks.arrived[k]! += 1;
			const node = nodes > 1 ? Math.floor(unit() * nodes) : 0;
			if (isLor) pendingDepartures(t);
			let target: number;
			if (instances === 1) {
				target = 0;
			} else if (routing === 'round-robin') {
				target = cursor[node]! % instances;
				cursor[node]! += 1;
			} else if (routing === 'random') {
				target = Math.min(instances - 1, Math.floor(unit() * instances));
			} else {
				const base = node * instances;
				const start = cursor[node]! % instances;
				target = start;
				for (let j = 1; j < instances; j++) {
					const candidate = (start + j) % instances;
					if (outstanding[base + candidate]! < outstanding[base + target]!) target = candidate;
				}

				cursor[node]! += 1;
			}

			routed[target]! += 1;
			const q = queues[target]!;
			q.starts.dropUpTo(t);
			q.giveUps.dropUpTo(t);
			let departure: number;
			if (q.starts.size + q.giveUps.size >= backlogLimit) {
				refused++;
				ticks.refused[k]! += 1;
				departure = t;
			} else {
				let server = 0;
				for (let j = 1; j < o.servers; j++) if (q.freeAt[j]! < q.freeAt[server]!) server = j;
				const start = Math.max(t, q.freeAt[server]!);
				if (start - t > timeout) {
					departure = t + timeout;
					q.giveUps.push(departure);
					timedOut++;
					const b = binOf(departure);
					if (b < tickCount) ticks.timedOut[b]! += 1;
				} else {
					departure = start + service();
					q.freeAt[server] = departure;
					if (start > t) q.starts.push(start);
					addBusy(start, departure);
					o.onCompletion?.(t, departure);
					const latencyMs = (departure - t) * 1000;
					const b = binOf(departure);
					if (b < tickCount) {
						ticks.completed[b]! += 1;
						ticks.latencySumMs[b] += latencyMs;
						if (completions === allLatency.length) {
							allLatency = grow(allLatency);
							allTick = growInt(allTick);
						}

						allLatency[completions] = latencyMs;
						allTick[completions] = b;
						completions++;
						if (o.keepLatencies) {
							if (kept === latencies.length) {
								latencies = grow(latencies);
								completionTicks = growInt(completionTicks);
							}

							latencies[kept] = latencyMs;
							completionTicks[kept] = b;
							kept++;
						}
					}
				}
			}

			addDeparture(departure);
			if (isLor) {
				const slot = (node * instances) + target;
				outstanding[slot]! += 1;
				pushDeparture(departure, slot);
			}
		}
	}

	let inFlight = 0;
	for (let k = 0; k < tickCount; k++) {
		inFlight += ticks.arrived[k]! - departed[k]!;
		ticks.inFlight[k] = inFlight;
	}

	fillRecentP99(ticks, tickCount, allLatency, allTick, completions, o.recentDecay ?? 0.933);
	return {
		ticks,
		tickCount,
		arrived: arrivals,
		completed: completions,
		timedOut,
		refused,
		latenciesMs: latencies.subarray(0, kept),
		completionTick: completionTicks.subarray(0, kept),
		routed,
	};
}

/**
 * The dashboard's fading "now" p99 at each tick end, from every completion's latency and tick:
 * the same buckets, fade and interpolation as source/sim/systems/histogram.ts (`decay`,
 * `addSample`, `quantileMs`), on a typed array.
 */
export function fillRecentP99(ticks: Pick<DesTicks, 'recentP99Ms'>, tickCount: number, latency: Float64Array, tick: Int32Array, n: number, factor: number): void {
	const starts = new Int32Array(tickCount + 1);
	for (let j = 0; j < n; j++) starts[tick[j]! + 1]! += 1;
	for (let k = 0; k < tickCount; k++) starts[k + 1]! += starts[k]!;
	const order = new Float64Array(n);
	const fill = starts.slice(0, tickCount);
	for (let j = 0; j < n; j++) order[fill[tick[j]!]!++] = latency[j]!;
	const counts = new Float64Array(histogramBuckets);
	const logGrowth = Math.log(histogramGrowth);
	let maxMs = 0;
	for (let k = 0; k < tickCount; k++) {
		let weight = 0;
		for (let b = 0; b < histogramBuckets; b++) {
			counts[b] *= factor;
			weight += counts[b]!;
		}

		for (let j = starts[k]!; j < starts[k + 1]!; j++) {
			const ms = order[j]!;
			counts[bucketOf(ms)] += 1;
			weight += 1;
			if (ms > maxMs) maxMs = ms;
		}

		if (weight <= 0) continue;
		const goal = 0.99 * weight;
		let cumulative = 0;
		let value = maxMs;
		for (let b = 0; b < histogramBuckets; b++) {
			const w = counts[b]!;
			if (w > 0 && cumulative + w >= goal) {
				value = Math.min(histogramMinMs * Math.exp((b + ((goal - cumulative) / w)) * logGrowth), maxMs);
				break;
			}

			cumulative += w;
		}

		ticks.recentP99Ms[k] = value;
	}
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
	const next = new Float64Array(a.length * 2);
	next.set(a);
	return next;
}

function growInt(a: Int32Array): Int32Array<ArrayBuffer> {
	const next = new Int32Array(a.length * 2);
	next.set(a);
	return next;
}
