/**
 * `--events FILE` (design.md §1b): the run's log as NDJSON, one `{t, kind, text}` line per
 * Auto Scaling activity-history entry, alarm state change, timeline (or key) action and caption,
 * in AWS's wording, with AWS's cause where there is one. Pure: SimEvents in, lines out.
 *
 * Kinds: `activity` (the group's activity history), `alarm` (CloudWatch alarm state changes),
 * `action` (what a timeline entry, a key or a fault did: kills, spikes, outages, Chaos Monkey,
 * markers, refused actions), `caption` (a preset's caption). Two kinds extend design.md's four:
 * `health` (a load balancer target changing health) and `ec2` (EC2 lifecycle of instances the
 * group does not report, e.g. "EC2 instance i-0003 is shutting down"). `lost` says how many
 * lines the run's bounded log could not keep (see `run-headless.ts`: a headless run never loses
 * any; a live frame could, in a burst of hundreds of events).
 */
import type {SimEvent} from '../sim/index.js';

/** An `--events` line. */
export type EventLine = {
	/** Simulated seconds since the start. */
	readonly t: number;
	readonly kind: EventKind;
	/** What happened, in AWS's wording where AWS has one. */
	readonly text: string;
	/** AWS's cause ("At 2026-01-01T00:07:00Z a monitor alarm … was in state ALARM …"), when there is one. */
	readonly cause?: string;
};

/** The kinds of `--events` lines. */
export const eventKinds = ['activity', 'alarm', 'action', 'caption', 'health', 'ec2', 'lost'] as const;
export type EventKind = (typeof eventKinds)[number];

const kindOf: Readonly<Record<SimEvent['kind'], EventKind>> = {
	activity: 'activity',
	alarm: 'alarm',
	caption: 'caption',
	user: 'action',
	fault: 'action',
	marker: 'action',
	refused: 'action',
	elb: 'action',
	info: 'ec2',
};

/** An ELB line that is a target's health, not an action (health-checks.ts words them so). */
const healthLine = /^(?:Instance|Target) \S+ is /;

/** The `--events` line of one simulation event. */
export function eventLine(event: SimEvent, tickSeconds: number): EventLine {
	const kind = event.kind === 'elb' && healthLine.test(event.message) ? 'health' : event.kind === 'info' && event.message === 'paused by the preset' ? 'action' : kindOf[event.kind];
	const t = Math.round(event.tick * tickSeconds * 1000) / 1000;
	return event.cause === '' ? {t, kind, text: event.message} : {t, kind, text: event.message, cause: event.cause};
}

/** The line saying `count` events were not kept (at simulated second `t`). */
export function lostLine(t: number, count: number): EventLine {
	return {t, kind: 'lost', text: `${count} event${count === 1 ? ' was' : 's were'} not recorded: more happened at once than the run's log keeps`};
}
