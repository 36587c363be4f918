/**
 * Availability Zone rebalancing (aws-behaviour.md §2.5, the `AZRebalance` process): when the
 * group's zones drift apart by more than one instance (after a zone outage, after instances
 * were killed), the group launches one instance in the zone with the fewest first, and only
 * when it is InService terminates one from the zone with the most (the termination policy's
 * zone-balance step picks it). Meanwhile the group runs one above desired, which AWS allows
 * (max + 10 % or + 1).
 *
 * Checked once a minute, only when the group is settled: every zone up, no activity in
 * progress, nothing pending, capacity at desired.
 */
import type {Working} from '../working.js';
import {at} from './activity.js';
import {instanceList} from './fleet.js';
import {launchInstance} from './instances.js';
import {isCapacity, launchZoneCounts, takeLaunchZone} from './termination.js';

/** The launch cause of a rebalancing instance. */
export function rebalanceLaunchCause(s: Working, zone: string): string {
	return `${at(s)} an instance was launched to balance instances in zones ${zone} with other zones.`;
}

/** The termination cause once the rebalancing instance is InService. */
export function rebalanceTerminateCause(s: Working, from: number, to: number): string {
	return `${at(s)} instances were launched to balance instances in zones with other zones resulting in more than desired number of instances in the group. ${at(s)} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${to}.`;
}

/**
 * How reconciliation should count a rebalance in progress: `hidden` is 1 while the launched
 * instance is still pending (so it is not scaled in at once); `cause` is set on the tick it
 * became InService (the surplus it leaves is then terminated with the rebalance cause).
 */
export function rebalanceStatus(s: Working): {readonly hidden: number; readonly cause?: (from: number, to: number) => string} {
	const asg = s.autoScaling!;
	const id = asg.rebalancingId;
	if (id === undefined || id === '') return {hidden: 0};
	const i = s.instances[id];
	if (i && isCapacity(i) && i.asgLifecycle === 'Pending') return {hidden: 1};
	asg.rebalancingId = '';
	return i && isCapacity(i) ? {hidden: 0, cause: (from, to) => rebalanceTerminateCause(s, from, to)} : {hidden: 0};
}

/** Called once a minute: start a rebalance when the settled group's zones differ by more than one. */
export function rebalanceZones(s: Working, capacity: number): void {
	const asg = s.autoScaling!;
	const config = s.config.autoScaling!;
	if (config.zones.length < 2) return;
	if ((asg.rebalancingId ?? '') !== '' || asg.activity !== null || capacity !== asg.desired) return;
	if (config.zones.some(z => s.zones[z]?.isDown ?? false)) return;
	for (const i of instanceList(s)) if (i.isInGroup && i.asgLifecycle === 'Pending') return;
	const counts = launchZoneCounts(s);
	const values = Object.values(counts);
	if (Math.max(...values) - Math.min(...values) <= 1) return;
	const zone = takeLaunchZone(counts);
	asg.rebalancingId = launchInstance(s, {instanceType: config.instanceType, zone, isInGroup: true, purchaseOption: config.purchaseOption, hasElasticIp: false, isBehindLoadBalancer: true, isWarm: false, cause: rebalanceLaunchCause(s, zone)});
	asg.scalingActivities += 1;
}
