/**
 * Which instance goes on scale-in (aws-behaviour.md §2.4). Availability Zone balance always
 * comes first: pick among the zones with the most group instances that still have an
 * unprotected candidate. Then the group's termination policies narrow the candidates in order;
 * `Default` = oldest launch template, then closest to the next billing hour, then a seeded
 * random tie-break. Unhealthy instances never come here (they are replaced directly).
 */
import type {TerminationPolicy} from '../config.js';
import type {Instance} from '../types.js';
import type {Working} from '../working.js';
import {drawPick} from './draw.js';
import {fleet} from './fleet.js';

/** Counts toward capacity: in the group, Pending or InService, and healthy. */
export function isCapacity(i: Instance): boolean {
	return i.isInGroup && (i.asgLifecycle === 'InService' || i.asgLifecycle === 'Pending') && i.asgHealth === 'Healthy';
}

/** Seconds into the current billing hour. */
function secondsIntoHour(s: Working, i: Instance): number {
	return ((s.clock.tick - i.launchedTick) * s.config.tickSeconds) % 3600;
}

function keepBest(list: readonly Instance[], score: (i: Instance) => number): Instance[] {
	const best = Math.max(...list.map(score));
	return list.filter(i => score(i) === best);
}

function applyPolicy(s: Working, policy: TerminationPolicy, list: readonly Instance[]): Instance[] {
	const templateType = s.config.autoScaling?.instanceType;
	switch (policy) {
		case 'OldestInstance': {
			return keepBest(list, i => -i.launchedTick);
		}

		case 'NewestInstance': {
			return keepBest(list, i => i.launchedTick);
		}

		case 'ClosestToNextInstanceHour': {
			return keepBest(list, i => secondsIntoHour(s, i));
		}

		case 'OldestLaunchTemplate': {
			const old = list.filter(i => i.instanceType !== templateType);
			return old.length > 0 ? old : [...list];
		}

		case 'Default': {
			return applyPolicy(s, 'ClosestToNextInstanceHour', applyPolicy(s, 'OldestLaunchTemplate', list));
		}
	}
}

/**
 * The next instance to terminate on scale-in, or undefined when every remaining instance is
 * protected from scale-in. Advances the RNG only on a tie.
 */
export function pickScaleInVictim(s: Working): string | undefined {
	const perZone: Record<string, {count: number; candidates: Instance[]}> = {};
	for (const i of fleet(s).list) {
		if (!isCapacity(i)) continue;
		perZone[i.zone] ??= {count: 0, candidates: []};
		perZone[i.zone]!.count += 1;
		if (!i.isProtectedFromScaleIn) perZone[i.zone]!.candidates.push(i);
	}

	const zones = Object.keys(perZone).filter(z => perZone[z]!.candidates.length > 0);
	if (zones.length === 0) return undefined;
	const most = Math.max(...zones.map(z => perZone[z]!.count));
	let list = zones.filter(z => perZone[z]!.count === most).flatMap(z => perZone[z]!.candidates);
	for (const policy of s.config.autoScaling?.terminationPolicies ?? ['Default']) {
		if (list.length <= 1) break;
		list = applyPolicy(s, policy, list);
	}

	return list.length === 1 ? list[0]!.id : drawPick(s, list).id;
}

/** Capacity per zone of the group, for the zones that are up (all zones if none is). */
export function launchZoneCounts(s: Working): Record<string, number> {
	const zones = s.config.autoScaling?.zones ?? [];
	const up = zones.filter(z => !(s.zones[z]?.isDown ?? false));
	const counts: Record<string, number> = {};
	for (const z of up.length > 0 ? up : zones) counts[z] = 0;
	for (const i of fleet(s).list) {
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
