/** Handlers for the load balancer's algorithm, zone outages, Chaos Monkey and preset markers. */
import type {SimAction} from '../actions.js';
import type {RoutingAlgorithm} from '../config.js';
import type {Working} from '../working.js';
import {appendEvent, at, logAction, refuseAction} from '../systems/activity.js';
import {secondsToTicks} from '../systems/draw.js';
import {busiestZone, startZoneOutage} from '../systems/faults.js';
import {describeSeconds} from '../describe-action.js';
import {hasLoadBalancer} from '../data-plane/elb.js';
import {clearStickiness} from '../data-plane/sticky.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

/** The `a` key's cycle. */
export const algorithms: readonly RoutingAlgorithm[] = ['round-robin', 'least-outstanding-requests', 'weighted'];

/** `elb/algorithm-changed`: set, or cycle to the next. */
export function handleAlgorithm(s: Working, a: Action<'elb/algorithm-changed'>): void {
	if (s.dns) {
		refuseAction(s, a, 'DNS round-robin has no load balancer to route with (the clients pick the records)');
		return;
	}

	const next = a.algorithm ?? algorithms[(algorithms.indexOf(s.loadBalancer.algorithm) + 1) % algorithms.length]!;
	if (!algorithms.includes(next)) {
		refuseAction(s, a, `unknown routing algorithm "${next}"`);
		return;
	}

	s.loadBalancer.algorithm = next;
	logAction(s, 'elb', a, a.algorithm ? '' : next);
}

/**
 * `elb/stickiness-changed`: set, or toggle. Off: the cookies are ignored from the next request
 * (none kept for later). Refused without users modelled (nothing to stick) or without a load balancer.
 */
export function handleStickiness(s: Working, a: Action<'elb/stickiness-changed'>): void {
	const next = a.isEnabled ?? !s.loadBalancer.isSticky;
	if (next && !hasLoadBalancer(s)) {
		refuseAction(s, a, s.config.loadBalancer.kind === 'dns' ? 'sticky sessions need a load balancer (DNS round-robin has none)' : 'sticky sessions need a load balancer (no instance is registered with one)');
		return;
	}

	if (next && s.config.users.active <= 0) {
		refuseAction(s, a, 'sticky sessions need users (the preset has no users section)');
		return;
	}

	if (!next) clearStickiness(s);
	s.loadBalancer.isSticky = next;
	const duration = s.config.loadBalancer.stickiness.durationSeconds;
	const cookie = s.config.loadBalancer.kind === 'application' ? 'AWSALB' : 'AWSELB';
	const lasting = duration <= 0 ? 'the browser session' : duration % 86_400 === 0 ? `${duration / 86_400} day${duration === 86_400 ? '' : 's'}` : duration % 3600 === 0 ? `${duration / 3600} h` : describeSeconds(duration);
	logAction(s, 'elb', a, next ? `cookie ${cookie} for ${lasting}` : 'each request routed on its own');
}

/** `zone/outage-started`: default zone is the one with most instances. */
export function handleZoneOutage(s: Working, a: Action<'zone/outage-started'>): void {
	const zone = a.zone ?? busiestZone(s);
	if (zone === undefined || !(Number.isFinite(a.durationSeconds) && a.durationSeconds > 0)) {
		refuseAction(s, a, zone === undefined ? 'there is no zone to take down' : 'a zone outage needs a positive duration');
		return;
	}

	const count = startZoneOutage(s, zone, a.durationSeconds);
	const answering = `${count} instance${count === 1 ? '' : 's'} stop${count === 1 ? 's' : ''} answering`;
	logAction(s, 'fault', a, a.zone ? answering : `${zone} down, ${answering}`, `${at(s)} a zone outage was injected.`);
}

/** `chaos/toggled`. */
export function handleChaos(s: Working, a: Action<'chaos/toggled'>): void {
	const c = s.chaosMonkey;
	if (a.intervalSeconds !== undefined) {
		if (!(a.intervalSeconds > 0)) {
			refuseAction(s, a, 'Chaos Monkey needs a positive interval');
			return;
		}

		c.intervalTicks = secondsToTicks(s, a.intervalSeconds);
	}

	c.isEnabled = a.isEnabled ?? !c.isEnabled;
	c.nextAtTick = c.isEnabled ? s.clock.tick + c.intervalTicks : -1;
	const every = c.intervalTicks * s.config.tickSeconds;
	logAction(s, 'user', a, c.isEnabled ? `on, one random InService instance terminated every ${describeSeconds(every)}` : 'off');
}

/** `preset/caption-shown`. */
export function handleCaption(s: Working, a: Action<'preset/caption-shown'>): void {
	s.caption = a.text;
	if (a.text !== '') appendEvent(s, 'caption', a.text);
}

/** `preset/marker-reached`. */
export function handleMarker(s: Working, a: Action<'preset/marker-reached'>): void {
	appendEvent(s, 'marker', a.label);
}

/** `preset/pause-requested`. */
export function handlePause(s: Working): void {
	s.pauseRequests += 1;
	appendEvent(s, 'info', 'paused by the preset');
}
