/**
 * `runAb`: ApacheBench against the simulated fleet, one request at a time.
 *
 * A closed loop of 33.6 ms requests cannot be resolved by 1-s ticks (simulation.md §5), so ab
 * gets its own small discrete-event model with the run's seeded RNG: `concurrency` clients
 * each send their next request the moment the previous response arrives; the load balancer
 * routes each request (round-robin, least outstanding requests, or weighted by capacity); each
 * instance is a FIFO queue with one server per vCPU and service times of mean `cpuMs` and
 * variability `cv`; t2 instances spend CPU credits (starting from a full balance) and fall to
 * their baseline when the balance is empty. A queue beyond the app's backlog limit gets 503
 * from the instance; a wait past the ELB idle timeout, 504. One t2.micro serving `wordpress`
 * therefore completes 1000 / 33.6 ≈ 29.8 req/s at any concurrency.
 *
 * Cost is O(requests × log concurrency); -n is capped at `maxAbRequests`.
 */
import {appProfiles, instanceTypes} from '../sim/catalog.js';
import {defaultLoadBalancer} from '../sim/defaults.js';
import {nextServiceTime, nextUnit, seedRng} from '../sim/rng.js';
import {EventHeap} from './heap.js';
import type {AbOptions} from './options.js';

/** One column of ab's "Connection Times (ms)" table, as ab prints it (ms; sd with one decimal). */
export type AbColumn = {readonly min: number; readonly mean: number; readonly sd: number; readonly median: number; readonly max: number};

/** What an ab run measured; `formatAbReport` prints it. Times in seconds or ms as named. */
export type AbResult = {
	readonly options: AbOptions;
	readonly serverSoftware: string;
	readonly hostname: string;
	readonly port: number;
	readonly documentPath: string;
	readonly documentLengthBytes: number;
	readonly timeTakenSeconds: number;
	/** Responses received (ab's "Complete requests"; includes non-2xx). */
	readonly completed: number;
	/** ab's "Failed requests" and its breakdown (a non-2xx body differs in length from the first response). */
	readonly failed: number;
	readonly failedLength: number;
	readonly non2xx: number;
	readonly errors: {readonly '502': number; readonly '503': number; readonly '504': number};
	readonly totalTransferredBytes: number;
	readonly htmlTransferredBytes: number;
	readonly connect: AbColumn;
	readonly processing: AbColumn;
	readonly waiting: AbColumn;
	readonly total: AbColumn;
	/** ab's percentile table: 50 66 75 80 90 95 98 99 100, ms. */
	readonly percentiles: readonly {readonly percent: number; readonly ms: number}[];
	/** Requests routed to each instance, in launch order. */
	readonly routed: readonly number[];
};

/** Document lengths and paths per app profile (a WordPress front page is ~50 KB). */
const documents: Record<string, {path: string; bytes: number; server: string}> = {
	wordpress: {path: '/', bytes: 52_314, server: 'Apache/2.4.62 ()'},
	static: {path: '/index.html', bytes: 4096, server: 'nginx/1.26.2'},
	api: {path: '/api/items', bytes: 1180, server: 'nginx/1.26.2'},
	batch: {path: '/jobs/run', bytes: 312, server: 'Apache/2.4.62 ()'},
};

/** HTTP response headers per response, bytes; an ELB error page's body, bytes. */
const headerBytes = 298;
const errorBodyBytes = 162;
/** One-way network time client → ELB → instance, ms (same region). */
const hopMs = 0.02;
/** TCP connect to the ELB, ms. */
const connectMs = 0.1;
/** Time from first byte to last byte of a response, ms. */
const transferMs = 0.05;

const percents = [50, 66, 75, 80, 90, 95, 98, 99, 100] as const;

/** Run ab against the simulated fleet. Deterministic for the options (seed included). */
export function runAb(options: AbOptions): AbResult {
	const rng = seedRng(options.seed);
	const app = appProfiles[options.app];
	const spec = instanceTypes[options.instanceType]!;
	const doc = documents[options.app] ?? documents.wordpress!;
	const idleTimeoutMs = defaultLoadBalancer('classic').idleTimeoutSeconds * 1000;
	const k = options.instances;
	const v = spec.vcpus;
	const freeAt = new Float64Array(k * v);
	const outstanding = new Int32Array(k);
	const routed = new Array<number>(k).fill(0);
	const credits = new Float64Array(k).fill(spec.burst?.maxCredits ?? 0);
	const creditsAt = new Float64Array(k);
	const earnPerMs = spec.burst ? spec.burst.creditsPerHour / 3_600_000 : 0;
	const capacityWeight = 1 / k;
	const n = options.requests;
	const c = options.concurrency;
	const clientInstance = new Int32Array(c);
	const clientSentAt = new Float64Array(c);
	const clientStatus = new Int32Array(c);
	const totalUs = new Float64Array(n);
	const connectUs = new Float64Array(n);
	const processingUs = new Float64Array(n);
	const waitingUs = new Float64Array(n);
	const heap = new EventHeap(c);
	const errors = {'502': 0, '503': 0, '504': 0};
	let cursor = 0;
	let sent = 0;
	let done = 0;
	let lastMs = 0;

	const route = (): number => {
		if (options.algorithm === 'round-robin') return cursor++ % k;
		if (options.algorithm === 'weighted') return Math.min(k - 1, Math.floor(nextUnit(rng) / capacityWeight));
		let best = cursor % k;
		for (let j = 1; j < k; j++) {
			const candidate = (cursor + j) % k;
			if (outstanding[candidate]! < outstanding[best]!) best = candidate;
		}

		cursor++;
		return best;
	};

	const send = (client: number, atMs: number): void => {
		sent++;
		const inst = route();
		routed[inst]! += 1;
		outstanding[inst]! += 1;
		clientInstance[client] = inst;
		clientSentAt[client] = atMs;
		const arrival = atMs + connectMs + hopMs;
		let server = inst * v;
		for (let j = 1; j < v; j++) if (freeAt[(inst * v) + j]! < freeAt[server]!) server = (inst * v) + j;
		const waitingInQueue = outstanding[inst]! - 1 - v;
		let responseAt: number;
		if (waitingInQueue >= app.backlogPerVcpu * v) {
			clientStatus[client] = 503;
			responseAt = arrival + hopMs;
		} else {
			const start = Math.max(arrival, freeAt[server]!);
			if (start - arrival > idleTimeoutMs) {
				clientStatus[client] = 504;
				responseAt = arrival + idleTimeoutMs + hopMs;
			} else {
				let serviceMs = nextServiceTime(rng, app.cpuMs, app.cv);
				if (spec.burst) {
					const balance = Math.min(spec.burst.maxCredits, credits[inst]! + ((start - creditsAt[inst]!) * earnPerMs));
					if (balance <= 0) serviceMs /= spec.burst.baselinePercentPerVcpu / 100;
					credits[inst] = balance - (serviceMs / 60_000);
					creditsAt[inst] = start;
				}

				freeAt[server] = start + serviceMs;
				clientStatus[client] = 200;
				responseAt = start + serviceMs + hopMs + transferMs;
			}
		}

		heap.push(responseAt, client);
	};

	for (let client = 0; client < c; client++) send(client, 0);
	while (heap.size > 0) {
		const atMs = heap.peekTime()!;
		const client = heap.pop();
		outstanding[clientInstance[client]!]! -= 1;
		const status = clientStatus[client]!;
		if (status !== 200) errors[String(status) as '503' | '504'] += 1;
		const total = (atMs - clientSentAt[client]!) * 1000;
		totalUs[done] = Math.round(total);
		connectUs[done] = Math.round(connectMs * 1000);
		processingUs[done] = totalUs[done]! - connectUs[done]!;
		waitingUs[done] = Math.max(0, processingUs[done]! - Math.round(transferMs * 1000));
		done++;
		lastMs = atMs;
		if (sent < n) send(client, atMs);
	}

	const non2xx = errors['502'] + errors['503'] + errors['504'];
	const ok = done - non2xx;
	const html = (ok * doc.bytes) + (non2xx * errorBodyBytes);
	const sortedTotal = Float64Array.from(totalUs).sort();
	return {
		options,
		serverSoftware: doc.server,
		hostname: `scaletop-elb-${String(Math.abs(options.seed) % 1_000_000_000).padStart(9, '0')}.us-east-1.elb.amazonaws.com`,
		port: 80,
		documentPath: doc.path,
		documentLengthBytes: doc.bytes,
		timeTakenSeconds: lastMs / 1000,
		completed: done,
		failed: non2xx,
		failedLength: non2xx,
		non2xx,
		errors,
		totalTransferredBytes: html + (done * headerBytes),
		htmlTransferredBytes: html,
		connect: column(connectUs),
		processing: column(processingUs),
		waiting: column(waitingUs),
		total: column(totalUs, sortedTotal),
		percentiles: percents.map(percent => ({
			percent,
			ms: roundMs(percent >= 100 ? sortedTotal[done - 1]! : sortedTotal[Math.floor((done * percent) / 100)]!),
		})),
		routed,
	};
}

/** ab's ap_round_ms: µs → whole ms, rounding half up. */
function roundMs(us: number): number {
	return Math.floor((us + 500) / 1000);
}

/** One table row with ab's arithmetic: integer mean, sample sd, and its median quirk for odd counts. */
function column(valuesUs: Float64Array, sorted = Float64Array.from(valuesUs).sort()): AbColumn {
	const done = valuesUs.length;
	if (done === 0) return {min: 0, mean: 0, sd: 0, median: 0, max: 0};
	let sum = 0;
	for (const x of valuesUs) sum += x;
	const mean = Math.floor(sum / done);
	let squares = 0;
	for (const x of valuesUs) squares += (x - mean) ** 2;
	const sd = done > 1 ? Math.sqrt(squares / (done - 1)) : 0;
	const half = Math.floor(done / 2);
	const median = done > 1 && done % 2 === 1 ? Math.floor((sorted[half]! + sorted[Math.min(done - 1, half + 1)]!) / 2) : sorted[half]!;
	return {min: roundMs(sorted[0]!), mean: roundMs(mean), sd: sd / 1000, median: roundMs(median), max: roundMs(sorted[done - 1]!)};
}
