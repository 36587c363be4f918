/** Handlers for the cache in front of the dedicated database (ElastiCache, one node; docs/tiers.md). */
import type {SimAction} from '../actions.js';
import {cacheId} from '../catalog.js';
import {appendMember} from '../data-plane/columns.js';
import {defaultCache} from '../defaults.js';
import {logAction, refuseAction} from '../systems/activity.js';
import {emptyTier} from '../state.js';
import type {Working} from '../working.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

/**
 * `cache/toggled`: turn the cache on (a node of the preset's `tiers.cache`, or a cache.t3.micro
 * answering 80 % of the reads; billed from now, by the node-hour) or off (reads go straight to the
 * database from the next tick; the node finishes what it holds, then it is deleted). Without
 * `isEnabled`, toggle. The node is taken as ready at once and warm (its hit ratio from the start):
 * creation time and a cold cache are not modelled (an assumption, docs/tiers.md).
 */
export function handleCacheToggled(s: Working, a: Action<'cache/toggled'>): void {
	if (!s.database) {
		refuseAction(s, a, 'a cache sits in front of a database of its own, and the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	const isOn = s.cache?.isEnabled === true;
	const wantsOn = a.isEnabled ?? !isOn;
	if (wantsOn === isOn) {
		refuseAction(s, a, `${cacheId} is already ${isOn ? 'on' : 'off'}`);
		return;
	}

	if (!wantsOn) {
		s.cache!.isEnabled = false;
		logAction(s, 'activity', a, `${cacheId}: off — reads go straight to the database; the node is deleted once it finishes what it holds`, 'Deleting cache cluster.');
		return;
	}

	const config = s.config.tiers.cache ?? defaultCache;
	const nodes = s.dataPlane.cache;
	const isStillThere = nodes.served.length > 0;
	if (s.cache) {
		const cache = s.cache;
		cache.isEnabled = true;
		if (!isStillThere) {
			// A new node: billed from now.
			cache.sinceTick = s.clock.tick;
			cache.billedHours = 0;
		}
	} else {
		s.cache = {id: cacheId, nodeType: config.nodeType, hitRatio: config.hitRatio, isEnabled: true, sinceTick: s.clock.tick, billedHours: 0, lookups: 0, hits: 0, lookupsLastTick: 0, hitsLastTick: 0};
	}

	if (!isStillThere) appendMember(nodes);
	s.tiers.cache ??= emptyTier(1) as Working['tiers']['cache'];
	logAction(s, 'activity', a, `${cacheId} (${s.cache.nodeType}) in front of ${s.database.id}: ${Math.round(100 * s.cache.hitRatio)} % of the reads answered by the cache`, 'Creating cache cluster.');
}
