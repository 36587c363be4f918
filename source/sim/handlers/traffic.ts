/** Handlers for load actions: spike, base rate, network slowdown. Bad numbers are refused in the log. */
import type {SimAction} from '../actions.js';
import type {Working} from '../working.js';
import {appendEvent} from '../systems/activity.js';
import {scaleBaseRate, setBaseRate, startSlowdown, startSpike} from '../systems/traffic.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

const isPositive = (n: number): boolean => Number.isFinite(n) && n > 0;

/** `traffic/spike-started`. */
export function handleSpike(s: Working, a: Action<'traffic/spike-started'>): void {
	if (!isPositive(a.factor) || !isPositive(a.durationSeconds)) {
		appendEvent(s, 'refused', `A spike needs a positive factor and duration (got ×${a.factor} for ${a.durationSeconds} s).`);
		return;
	}

	startSpike(s, a.factor, a.durationSeconds);
	appendEvent(s, 'user', `Load spike: ×${a.factor} for ${a.durationSeconds} s`);
}

/** `traffic/base-rate-scaled`. */
export function handleBaseRateScaled(s: Working, a: Action<'traffic/base-rate-scaled'>): void {
	if (!isPositive(a.factor)) {
		appendEvent(s, 'refused', `The load can only be scaled by a positive factor (got ${a.factor}).`);
		return;
	}

	scaleBaseRate(s, a.factor);
	const now = s.config.load.kind === 'open' ? `${round(s.traffic.baseRatePerSecond)} req/s` : `${s.traffic.closedClients} clients`;
	appendEvent(s, 'user', `Base load ${a.factor >= 1 ? 'raised' : 'lowered'} ×${a.factor}: now ${now}`);
}

/** `traffic/base-rate-set`. */
export function handleBaseRateSet(s: Working, a: Action<'traffic/base-rate-set'>): void {
	if (!Number.isFinite(a.ratePerSecond) || a.ratePerSecond < 0) {
		appendEvent(s, 'refused', `The base rate must be 0 or more requests per second (got ${a.ratePerSecond}).`);
		return;
	}

	if (s.config.load.kind === 'closed') {
		appendEvent(s, 'refused', 'A closed-loop load has no base rate; scale its clients instead.');
		return;
	}

	setBaseRate(s, a.ratePerSecond);
	appendEvent(s, 'user', `Base load set to ${round(a.ratePerSecond)} req/s`);
}

/** `network/slowdown-started`. */
export function handleSlowdown(s: Working, a: Action<'network/slowdown-started'>): void {
	if (!isPositive(a.extraLatencyMs) || !isPositive(a.durationSeconds)) {
		appendEvent(s, 'refused', `A slowdown needs positive extra latency and duration (got ${a.extraLatencyMs} ms for ${a.durationSeconds} s).`);
		return;
	}

	startSlowdown(s, a.extraLatencyMs, a.durationSeconds);
	appendEvent(s, 'fault', `Network slowdown: +${a.extraLatencyMs} ms per request for ${a.durationSeconds} s`);
}

const round = (n: number): number => Math.round(n * 10) / 10;
