/**
 * Which instance goes on scale-in (aws-behaviour.md §2.4). Availability Zone balance always
 * comes first: pick among the zones with the most group instances that still have an
 * unprotected candidate. Then the group's termination policies narrow the candidates in order;
 * `Default` = oldest launch template, then closest to the next billing hour, then a seeded
 * random tie-break. Unhealthy instances never come here (they are replaced directly).
 * Launches go to the zone with the fewest instances among the zones that are up.
 */
import type {TerminationPolicy} from '../config.js';
import type {Instance} from '../types.js';
import type {Working} from '../working.js';
import {drawUnit} from './draw.js';
import {instanceList} from './fleet.js';

/** Counts toward capacity: in the group, Pending or InService, and healthy. */
export function isCapacity(i: Instance): boolean {
	return i.isInGroup && (i.asgLifecycle === 'InService' || i.asgLifecycle === 'Pending') && i.asgHealth === 'Healthy';
}

/** Seconds into the current billing hour. */
function secondsIntoHour(s: Working, i: Instance): number {
	return ((s.clock.tick - i.launchedTick) * s.config.tickSeconds) % 3600;
}

/** A scale-in candidate: sort keys (smaller goes first), one or two per policy, then a seeded tie-breaker. */
type Candidate = {readonly id: string; readonly keys: readonly number[]; readonly tie: number};

/** The policies' keys in order: applying them one after another narrows the candidates exactly like a lexicographic sort. */
function policyKeys(s: Working, policies: readonly TerminationPolicy[], i: Instance): number[] {
	const isOldTemplate = i.instanceType !== s.config.autoScaling?.instanceType ? 0 : 1;
	const keys: number[] = [];
	for (const policy of policies) {
		switch (policy) {
			case 'OldestInstance': {
				keys.push(i.launchedTick);
				break;
			}

			case 'NewestInstance': {
				keys.push(-i.launchedTick);
				break;
			}

			case 'ClosestToNextInstanceHour': {
				keys.push(-secondsIntoHour(s, i));
				break;
			}

			case 'OldestLaunchTemplate': {
				keys.push(isOldTemplate);
				break;
			}

			case 'Default': {
				keys.push(isOldTemplate, -secondsIntoHour(s, i));
				break;
			}
		}
	}

	return keys;
}

function compare(a: Candidate, b: Candidate): number {
	for (let k = 0; k < a.keys.length; k++) if (a.keys[k] !== b.keys[k]) return a.keys[k]! - b.keys[k]!;
	return a.tie - b.tie;
}

/**
 * The next `count` instances to terminate on scale-in, in order (fewer when the rest are
 * protected from scale-in). One pass over the fleet and a sort per zone, so a scale-in of
 * thousands costs O(n log n), not O(n) per instance. Each pick re-applies zone balance (the zone
 * with the most instances among those with a candidate) and then the policies; equal candidates
 * are ordered by a seeded random draw, one per candidate.
 */
export function pickScaleInVictims(s: Working, count: number): string[] {
	if (count <= 0) return [];
	const policies = s.config.autoScaling?.terminationPolicies ?? ['Default'];
	const zones: Record<string, {count: number; next: number; candidates: Candidate[]}> = {};
	for (const i of instanceList(s)) {
		if (!isCapacity(i)) continue;
		const zone = (zones[i.zone] ??= {count: 0, next: 0, candidates: []});
		zone.count += 1;
		if (!i.isProtectedFromScaleIn) zone.candidates.push({id: i.id, keys: policyKeys(s, policies, i), tie: drawUnit(s)});
	}

	const list = Object.values(zones);
	for (const zone of list) zone.candidates.sort(compare);
	const victims: string[] = [];
	while (victims.length < count) {
		let best: (typeof list)[number] | undefined;
		for (const zone of list) {
			if (zone.next >= zone.candidates.length) continue;
			if (!best || zone.count > best.count || (zone.count === best.count && compare(zone.candidates[zone.next]!, best.candidates[best.next]!) < 0)) best = zone;
		}

		if (!best) break;
		victims.push(best.candidates[best.next]!.id);
		best.next += 1;
		best.count -= 1;
	}

	return victims;
}

/** Capacity per zone of the group, for the zones that are up (all zones if none is). */
export function launchZoneCounts(s: Working): Record<string, number> {
	const zones = s.config.autoScaling?.zones ?? [];
	const up = zones.filter(z => !(s.zones[z]?.isDown ?? false));
	const counts: Record<string, number> = {};
	for (const z of up.length > 0 ? up : zones) counts[z] = 0;
	for (const i of instanceList(s)) {
		if (isCapacity(i) && counts[i.zone] !== undefined) counts[i.zone]! += 1;
	}

	return counts;
}

/** The zone with the fewest instances in `counts` (first in the group's zone order on a tie); counts it. */
export function takeLaunchZone(counts: Record<string, number>): string {
	let best = '';
	for (const z of Object.keys(counts)) if (best === '' || counts[z]! < counts[best]!) best = z;
	counts[best]! += 1;
	return best;
}

/** The zone for the next launch: fewest capacity instances among zones that are up (all zones if none is). */
export function pickLaunchZone(s: Working): string {
	return takeLaunchZone(launchZoneCounts(s));
}
