/** Handler for the CDN (CloudFront) in front of the load balancer (docs/tiers.md "CDN"). */
import type {SimAction} from '../actions.js';
import {logAction, refuseAction} from '../systems/activity.js';
import type {Working} from '../working.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

/**
 * `cdn/share-set`: from the next tick the edge answers `staticShare` of the arriving requests
 * (static content moved to the CDN; 0 takes it all back to the fleet). The distribution is
 * taken as deployed at once (an assumption: CloudFront takes minutes to deploy one).
 */
export function handleCdnShareSet(s: Working, a: Action<'cdn/share-set'>): void {
	if (!(a.staticShare >= 0 && a.staticShare <= 1)) {
		refuseAction(s, a, `the static share must be from 0 to 1, got ${a.staticShare}`);
		return;
	}

	if ((s.cdn?.staticShare ?? 0) === a.staticShare) {
		refuseAction(s, a, `the CDN already answers ${Math.round(100 * a.staticShare)} % of the requests`);
		return;
	}

	s.cdn ??= {staticShare: 0, served: 0, servedLastTick: 0, costUsd: 0};
	s.cdn.staticShare = a.staticShare;
	logAction(s, 'activity', a, a.staticShare > 0 ? `CloudFront answers ${Math.round(100 * a.staticShare)} % of the requests at the edge; the rest reach the load balancer` : 'CloudFront answers nothing; every request reaches the load balancer');
}
