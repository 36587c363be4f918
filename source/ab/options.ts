/**
 * `scaletop ab` options: parsed from raw flag values (flag values are strings, numbers or
 * undefined) into `AbOptions`, or refused with one sentence a user can act on.
 */
import {appProfiles, instanceTypeNames, type AppProfileName} from '../sim/catalog.js';
import type {RoutingAlgorithm} from '../sim/config.js';
import {editDistance} from '../text/did-you-mean.js';

/** A validated ab run: ab's -n and -c plus the simulated fleet behind the load balancer. */
export type AbOptions = {
	/** ab -n: requests to perform. */
	readonly requests: number;
	/** ab -c: clients, each with one request outstanding. */
	readonly concurrency: number;
	readonly instanceType: string;
	/** Instances behind the load balancer. */
	readonly instances: number;
	readonly app: AppProfileName;
	readonly algorithm: RoutingAlgorithm;
	readonly seed: number;
};

/** Raw flag values as the CLI has them. */
export type AbRawOptions = {
	readonly n?: unknown;
	readonly c?: unknown;
	readonly type?: unknown;
	readonly instances?: unknown;
	readonly app?: unknown;
	readonly algorithm?: unknown;
	readonly seed?: unknown;
};

/** The most requests one simulated ab run takes (each is simulated individually). */
export const maxAbRequests = 1_000_000;
/** The most instances behind the simulated load balancer. */
export const maxAbInstances = 1000;

const algorithms: readonly RoutingAlgorithm[] = ['round-robin', 'least-outstanding-requests', 'weighted'];

/**
 * The closest name for a flag value: a unique prefix of at least 3 letters, else the nearest by
 * edit distance within max(2, a third of the value). Looser than a preset key's did-you-mean,
 * because a flag value is short and typed in a hurry.
 */
export function closest(value: string, names: readonly string[]): string | undefined {
	const lower = value.toLowerCase();
	const prefixed = lower.length >= 3 ? names.filter(name => name.toLowerCase().startsWith(lower)) : [];
	if (prefixed.length === 1) return prefixed[0];
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const name of names) {
		const d = editDistance(value.toLowerCase(), name.toLowerCase());
		if (d < bestDistance) {
			best = name;
			bestDistance = d;
		}
	}

	return bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function wholeNumber(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
	if (typeof raw === 'string' && /^[-+]?\d+(\.\d+)?$/.test(raw.trim())) return Number(raw);
	return undefined;
}

function count(raw: unknown, fallback: number, flag: string, what: string, max: number): number | string {
	if (raw === undefined) return fallback;
	const value = wholeNumber(raw);
	if (value === undefined || !Number.isInteger(value)) return `${flag} must be a whole number of ${what}, got "${String(raw)}".`;
	if (value < 1) return `${flag} must be at least 1 (${what}), got ${value}.`;
	if (value > max) return `${flag} must be at most ${max.toLocaleString('en-US')} (${what}), got ${value}.`;
	return value;
}

function named<T extends string>(raw: unknown, fallback: T, names: readonly T[], flag: string, what: string): T | {error: string} {
	if (raw === undefined) return fallback;
	const value = String(raw);
	if ((names as readonly string[]).includes(value)) return value as T;
	const suggestion = closest(value, names);
	return {error: suggestion ? `Unknown ${what} "${value}" for ${flag}; did you mean "${suggestion}"?` : `Unknown ${what} "${value}" for ${flag}; choose one of: ${names.join(', ')}.`};
}

/** How the user typed ab's flags, for messages (default `-n`, `-c`). */
export type AbFlagNames = {readonly n?: string; readonly c?: string};

/** The largest seed (as the main command line's `--seed`). */
const maxSeed = 4_294_967_295;

/** Validate raw ab flags. Defaults: -n 1, -c 1 (as ab), t2.micro, 1 instance, wordpress, round-robin, seed 1. */
export function checkAbOptions(raw: AbRawOptions, names: AbFlagNames = {}): {ok: true; options: AbOptions} | {ok: false; message: string} {
	const n = names.n ?? '-n';
	const c = names.c ?? '-c';
	const requests = count(raw.n, 1, n, 'requests', maxAbRequests);
	if (typeof requests === 'string') return {ok: false, message: requests};
	const concurrency = count(raw.c, 1, c, 'concurrent clients', maxAbRequests);
	if (typeof concurrency === 'string') return {ok: false, message: concurrency};
	if (concurrency > requests) return {ok: false, message: `Cannot use concurrency level greater than total number of requests (${c} ${concurrency} > ${n} ${requests}).`};
	const instanceType = named(raw.type, 't2.micro', instanceTypeNames, '--type', 'instance type');
	if (typeof instanceType !== 'string') return {ok: false, message: instanceType.error};
	const instances = count(raw.instances, 1, '--instances', 'instances', maxAbInstances);
	if (typeof instances === 'string') return {ok: false, message: instances};
	const app = named(raw.app, 'wordpress', Object.keys(appProfiles) as AppProfileName[], '--app', 'app profile');
	if (typeof app !== 'string') return {ok: false, message: app.error};
	const algorithm = named(raw.algorithm, 'round-robin', algorithms, '--algorithm', 'routing algorithm');
	if (typeof algorithm !== 'string') return {ok: false, message: algorithm.error};
	let seed = 1;
	if (raw.seed !== undefined) {
		const value = wholeNumber(raw.seed);
		if (value === undefined || !Number.isInteger(value) || value < 0 || value > maxSeed) return {ok: false, message: `--seed must be a whole number from 0 to ${maxSeed}, got "${String(raw.seed)}"`};
		seed = value;
	}

	return {ok: true, options: {requests, concurrency, instanceType, instances, app, algorithm, seed}};
}
