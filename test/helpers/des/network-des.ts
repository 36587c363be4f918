/**
 * The oracle for a route of two stages (docs/tiers.md, "The tandem oracle"): the web stage of
 * ./queue-des.ts, then a database of `servers` FIFO servers that every request visits `visits`
 * times in a row — each query a separate arrival at the database's queue, at the moment the
 * previous one ended, with its own exponential (or `serviceCv`) service time. A request
 * completes end to end when its last query ends; its latency is arrival at the web to that end.
 *
 * Exact: the database's arrivals are handled in time order from an event heap (each web
 * departure, and each query's end that is followed by another query), and each is given the
 * earliest-free server (first come, first served).
 *
 * With a `cache`, the first `reads` of a request's queries are reads: each goes first to the
 * cache's FIFO servers (its own service time); with probability `hitRatio` (drawn per read) it
 * ends there, otherwise (a miss) it goes on to the database as a query of its own. Writes go to
 * the database only.
 *
 * Observed per tick like ./queue-des.ts: arrivals, end-to-end completions and their latency sum,
 * in flight at the tick's end (anywhere on the route), the database's busy seconds, and the
 * dashboard's fading "now" p99 of the end-to-end latency.
 */
import {EventHeap} from '../../../source/ab/heap.js';
import {seedRng} from '../../../source/sim/rng.js';
import {fillRecentP99, runDes, type DesOptions} from './queue-des.js';

export type TandemOptions = DesOptions & {
	readonly database: {readonly servers: number; readonly serviceMeanSeconds: number; readonly visits: number; readonly serviceCv?: number; readonly seed?: number};
	/** A cache in front of the database for the first `reads` of the `visits` (exponential service). */
	readonly cache?: {readonly servers: number; readonly serviceMeanSeconds: number; readonly reads: number; readonly hitRatio: number};
};

export type TandemTicks = {
	readonly arrived: Int32Array;
	readonly completed: Int32Array;
	readonly inFlight: Int32Array;
	readonly latencySumMs: Float64Array;
	readonly databaseBusySeconds: Float64Array;
	readonly cacheBusySeconds: Float64Array;
	readonly recentP99Ms: Float64Array;
};

export type TandemResult = {
	readonly ticks: TandemTicks;
	readonly tickCount: number;
	readonly arrived: number;
	readonly completed: number;
	/** End-to-end latencies of completed requests, ms, in completion order, and their completion ticks. */
	readonly latenciesMs: Float64Array;
	readonly completionTick: Int32Array;
	/** Time spent at the web stage and at the database, ms, per completed request (same order). */
	readonly webMs: Float64Array;
};

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

/** Run the web stage, then the database stage, for the options (deterministic for the seeds). */
export function runTandemDes(o: TandemOptions): TandemResult {
	const dt = o.tickSeconds ?? 1;
	let arrivalAt = new Float64Array(1 << 16);
	let webDoneAt = new Float64Array(1 << 16);
	let n = 0;
	const web = runDes({
		...o,
		onCompletion(arrival, departure) {
			if (n === arrivalAt.length) {
				arrivalAt = grow(arrivalAt);
				webDoneAt = grow(webDoneAt);
			}

			arrivalAt[n] = arrival;
			webDoneAt[n] = departure;
			n++;
		},
	});
	const tickCount = web.tickCount;
	const d = o.database;
	const unit = makeUnit(d.seed ?? (o.seed ^ 0x5EED));
	const mean = d.serviceMeanSeconds;
	const cv = d.serviceCv ?? 1;
	const service = cv === 1 ? () => -Math.log(unit()) * mean : cv === 0 ? () => mean : () => {
		const k = Math.max(1, Math.round(1 / (cv * cv)));
		let product = 1;
		for (let i = 0; i < k; i++) product *= unit();
		return -Math.log(product) * mean / k;
	};
	const left = new Int32Array(n);
	const heap = new EventHeap(Math.max(1024, n + 1));
	for (let j = 0; j < n; j++) {
		left[j] = d.visits;
		heap.push(webDoneAt[j]!, j);
	}

	const freeAt = new Float64Array(d.servers);
	const ticks: TandemTicks = {
		arrived: web.ticks.arrived,
		completed: new Int32Array(tickCount),
		inFlight: new Int32Array(tickCount),
		latencySumMs: new Float64Array(tickCount),
		databaseBusySeconds: new Float64Array(tickCount),
		cacheBusySeconds: new Float64Array(tickCount),
		recentP99Ms: new Float64Array(tickCount),
	};
	const departed = new Int32Array(tickCount);
	const latencies = new Float64Array(n);
	const completionTick = new Int32Array(n);
	const webMs = new Float64Array(n);
	let completed = 0;
	const addBusy = (busy: Float64Array, from: number, to: number): void => {
		let t = from;
		while (t < to) {
			const b = Math.floor(t / dt);
			if (b >= tickCount) return;
			const end = Math.min(to, (b + 1) * dt);
			busy[b] += end - t;
			t = end;
		}
	};

	const cache = o.cache;
	const cacheFreeAt = new Float64Array(cache?.servers ?? 0);
	const cacheUnit = makeUnit((d.seed ?? (o.seed ^ 0x5EED)) ^ 0xCAC4E);
	/** Job j has just missed the cache: its next event is that read at the database. */
	const missed = new Uint8Array(n);
	const serveAt = (pool: Float64Array, t: number, seconds: number, busy: Float64Array): number => {
		let server = 0;
		for (let k = 1; k < pool.length; k++) if (pool[k]! < pool[server]!) server = k;
		const start = Math.max(t, pool[server]!);
		const end = start + seconds;
		pool[server] = end;
		addBusy(busy, start, end);
		return end;
	};

	while (heap.size > 0) {
		const t = heap.peekTime()!;
		const j = heap.pop();
		const isRead = cache !== undefined && d.visits - left[j]! < cache.reads;
		let end: number;
		if (isRead && missed[j] === 0) {
			end = serveAt(cacheFreeAt, t, -Math.log(cacheUnit()) * cache.serviceMeanSeconds, ticks.cacheBusySeconds);
			if (cacheUnit() >= cache.hitRatio) {
				missed[j] = 1;
				heap.push(end, j);
				continue;
			}
		} else {
			missed[j] = 0;
			end = serveAt(freeAt, t, service(), ticks.databaseBusySeconds);
		}

		left[j]! -= 1;
		if (left[j]! > 0) {
			heap.push(end, j);
			continue;
		}

		const b = Math.floor(end / dt);
		if (b >= tickCount) continue;
		const ms = (end - arrivalAt[j]!) * 1000;
		ticks.completed[b]! += 1;
		ticks.latencySumMs[b] += ms;
		departed[b]! += 1;
		latencies[completed] = ms;
		completionTick[completed] = b;
		webMs[completed] = (webDoneAt[j]! - arrivalAt[j]!) * 1000;
		completed++;
	}

	// Web failures (timeouts, refusals) leave the route at the web stage.
	let inFlight = 0;
	for (let k = 0; k < tickCount; k++) {
		inFlight += ticks.arrived[k]! - departed[k]! - web.ticks.timedOut[k]! - web.ticks.refused[k]!;
		ticks.inFlight[k] = inFlight;
	}

	fillRecentP99(ticks, tickCount, latencies, completionTick, completed, o.recentDecay ?? 0.933);
	return {
		ticks,
		tickCount,
		arrived: web.arrived,
		completed,
		latenciesMs: latencies.subarray(0, completed),
		completionTick: completionTick.subarray(0, completed),
		webMs: webMs.subarray(0, completed),
	};
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
	const next = new Float64Array(a.length * 2);
	next.set(a);
	return next;
}
