/** Handlers for load actions: spike, base rate, network slowdown. Bad numbers are refused in the log. */
import type {SimAction} from '../actions.js';
import type {Working} from '../working.js';
import {logAction, refuseAction} from '../systems/activity.js';
import {currentOpenRate, scaleBaseRate, setBaseRate, startSlowdown, startSpike} from '../systems/traffic.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

const isPositive = (n: number): boolean => Number.isFinite(n) && n > 0;

/** What the load generator sends now: `25 req/s`, or `4 clients` for a closed loop. */
function loadNow(s: Working): string {
	return s.config.load.kind === 'open' ? `${round(currentOpenRate(s))} req/s` : `${s.traffic.closedClients} clients`;
}

/** `traffic/spike-started`. */
export function handleSpike(s: Working, a: Action<'traffic/spike-started'>): void {
	if (!isPositive(a.factor) || !isPositive(a.durationSeconds)) {
		refuseAction(s, a, 'a spike needs a positive factor and duration');
		return;
	}

	startSpike(s, a.factor, a.durationSeconds);
	logAction(s, 'user', a, `now ${loadNow(s)}`);
}

/** `traffic/base-rate-scaled`. */
export function handleBaseRateScaled(s: Working, a: Action<'traffic/base-rate-scaled'>): void {
	if (!isPositive(a.factor)) {
		refuseAction(s, a, 'the load can only be scaled by a positive factor');
		return;
	}

	scaleBaseRate(s, a.factor);
	logAction(s, 'user', a, `now ${loadNow(s)}`);
}

/** `traffic/base-rate-set`. */
export function handleBaseRateSet(s: Working, a: Action<'traffic/base-rate-set'>): void {
	if (!Number.isFinite(a.ratePerSecond) || a.ratePerSecond < 0) {
		refuseAction(s, a, 'the base rate must be 0 or more requests per second');
		return;
	}

	if (s.config.load.kind === 'closed') {
		refuseAction(s, a, 'a closed-loop load has no base rate; scale its clients instead');
		return;
	}

	const before = round(s.traffic.baseRatePerSecond);
	setBaseRate(s, a.ratePerSecond);
	logAction(s, 'user', a, `set from ${before} req/s`);
}

/** `network/slowdown-started`. */
export function handleSlowdown(s: Working, a: Action<'network/slowdown-started'>): void {
	if (!isPositive(a.extraLatencyMs) || !isPositive(a.durationSeconds)) {
		refuseAction(s, a, 'a slowdown needs positive extra latency and duration');
		return;
	}

	startSlowdown(s, a.extraLatencyMs, a.durationSeconds);
	logAction(s, 'fault', a, 'every request takes that much longer');
}

const round = (n: number): number => Math.round(n * 10) / 10;
