/**
 * The activity log: every system and handler reports what it did through `appendEvent`, and
 * Auto Scaling activities are worded like AWS's activity history (aws-behaviour.md §2.2).
 *
 * Timestamps in causes are simulated time formatted as ISO 8601 from a fixed epoch
 * (`simEpochIso`), never the wall clock, so runs stay byte-identical.
 */
import type {SimAction} from '../actions.js';
import {describeAction} from '../describe-action.js';
import type {SimEvent} from '../types.js';
import type {Working} from '../working.js';

/** Events always kept in `SimState.events` (the newest; `eventCount` keeps counting). */
export const maxEvents = 200;
/** The log never holds more than this: it is cut back to `maxEvents` when it would (amortised O(1) per event). */
export const eventLogLimit = 300;

/** Simulated time 0 is this instant (UTC). */
export const simEpochIso = '2026-01-01T00:00:00Z';

/** Append one event (bounded log, newest last: between `maxEvents` and `eventLogLimit` once full). */
export function appendEvent(s: Working, kind: SimEvent['kind'], message: string, cause = ''): void {
	s.events.push({tick: s.clock.tick, kind, message, cause});
	if (s.events.length > eventLogLimit) s.events = s.events.slice(-maxEvents);
	s.eventCount += 1;
}

/** The log line of an action that ran: `<name>: <result>` (the name from `describeAction`), or the name alone. */
export function logAction(s: Working, kind: SimEvent['kind'], action: SimAction, result: string, cause = ''): void {
	appendEvent(s, kind, result === '' ? describeAction(action) : `${describeAction(action)}: ${result}`, cause);
}

/** The log line of a refused action: `<name> refused: <reason>`. */
export function refuseAction(s: Working, action: SimAction, reason: string, cause = ''): void {
	appendEvent(s, 'refused', `${describeAction(action)} refused: ${reason}`, cause);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm; no Date in the sim). */
function civilFromDays(days: number): {year: number; month: number; day: number} {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - (era * 146_097);
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
	const doy = doe - ((365 * yoe) + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor(((5 * doy) + 2) / 153);
	const day = doy - Math.floor(((153 * mp) + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return {year: (era * 400) + yoe + (month <= 2 ? 1 : 0), month, day};
}

/** Days from 1970-01-01 to the epoch (2026-01-01). */
const epochDays = 20_454;

/** Simulated seconds as an ISO timestamp, e.g. `2026-01-01T00:05:00Z`. */
export function formatSimTime(seconds: number): string {
	const whole = Math.floor(seconds);
	const days = Math.floor(whole / 86_400);
	const rest = whole - (days * 86_400);
	const {year, month, day} = civilFromDays(epochDays + days);
	return `${year}-${pad(month)}-${pad(day)}T${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}Z`;
}

/** "At 2026-01-01T00:05:00Z" for the current tick. */
export function at(s: Working): string {
	return `At ${formatSimTime(s.clock.tick * s.config.tickSeconds)}`;
}

/** AWS's causes, worded as in the activity history. */
export const causes = {
	alarm: (s: Working, alarm: string, policy: string, from: number, to: number): string =>
		`${at(s)} a monitor alarm ${alarm} in state ALARM triggered policy ${policy} changing the desired capacity from ${from} to ${to}.`,
	scheduled: (s: Working, action: string, from: number, to: number): string =>
		`${at(s)} a scheduled action update of AutoScalingGroup constraints to min: ${s.autoScaling?.min ?? 0}, max: ${s.autoScaling?.max ?? 0}, desired: ${to} changing the desired capacity from ${from} to ${to}. (action ${action})`,
	user: (s: Working, from: number, to: number): string =>
		`${at(s)} a user request update of AutoScalingGroup constraints to min: ${s.autoScaling?.min ?? 0}, max: ${s.autoScaling?.max ?? 0}, desired: ${to} changing the desired capacity from ${from} to ${to}.`,
	grow: (s: Working, from: number, to: number): string =>
		`${at(s)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${to}.`,
	shrink: (s: Working, from: number, to: number): string =>
		`${at(s)} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${to}.`,
	elbUnhealthy: (s: Working): string => `${at(s)} an instance was taken out of service in response to an ELB system health check failure.`,
	ec2Stopped: (s: Working): string => `${at(s)} an instance was taken out of service in response to an EC2 health check that indicated it had been terminated or stopped.`,
	ec2Impaired: (s: Working): string => `${at(s)} an instance was taken out of service in response to an EC2 instance status check failure.`,
} as const;
