/**
 * The Auto Scaling group (aws-behaviour.md §2): health sweep and replacement of unhealthy
 * instances, reconciliation toward desired capacity with zone balance and the termination
 * policy, scale-in protection, and the policy activity whose completion starts the cooldown.
 *
 * Replacement terminates first and launches after, and ignores the cooldown. Instances that are
 * gone (EC2 state not running) are replaced at once; ELB-unhealthy ones in batches of 10 % of
 * desired (one for small groups), each batch waiting for the previous one to pass its checks. A
 * scale-in deregisters the instance from the load balancer (draining) before EC2 terminates it.
 */
import type {Working} from '../working.js';
import {appendEvent, causes} from './activity.js';
import {createAlarm} from './alarms.js';
import {secondsToTicks} from './draw.js';
import {launchInstance, terminateInstance, watchLifecycle} from './instances.js';
import {startDraining} from '../data-plane/health-checks.js';
import {isCapacity, launchZoneCounts, pickScaleInVictims, takeLaunchZone} from './termination.js';
import {rebalanceStatus, rebalanceZones} from './rebalance.js';
import {ticksPerMinute} from './cloudwatch.js';
import {policyAlarms} from './policy-alarms.js';
import {instanceList} from './fleet.js';

/** AWS's activity message when nothing can be scaled in. */
export const protectedMessage = 'Could not scale to desired capacity because all remaining instances are protected from scale-in.';
/** EC2 status checks may be impaired this long before the group gives up on the instance, seconds [sim: "a few minutes"]. */
export const impairedToleranceSeconds = 180;

/** A policy-driven change: its cause for the activity history and the cooldown it starts. */
export type ActivityOrigin = {readonly cause: string; readonly policyName: string; readonly cooldownTicks: number};

/**
 * Create the group's state and its policies' alarms when missing (idempotent, cheap: called
 * each tick and before each action, so a state built without them gains them at once).
 */
export function ensureControlPlane(s: Working): void {
	const asg = s.config.autoScaling;
	if (!asg) return;
	s.autoScaling ??= {min: asg.min, max: asg.max, desired: asg.desired, cooldownUntilTick: -1, scheduledFiredTick: {}, scalingActivities: 0, activity: null, isScaleInBlockedByProtection: false, lastPolicyRunTick: {}};
	if (s.alarmOrder.length > 0 || asg.policies.length === 0) return;
	for (const policy of asg.policies) {
		for (const alarm of policyAlarms(s, policy)) {
			if (s.alarms[alarm.name]) continue;
			s.alarms[alarm.name] = createAlarm(alarm, policy.name, s.clock.tick) as Working['alarms'][string];
			s.alarmOrder.push(alarm.name);
		}
	}
}

/** Instances counting toward capacity now. */
export function capacityCount(s: Working): number {
	let n = 0;
	for (const i of instanceList(s)) if (isCapacity(i)) n += 1;
	return n;
}

/** Set desired (already validated or clamped by the caller) and act on it at once. */
export function setDesiredCapacity(s: Working, desired: number, origin?: ActivityOrigin): void {
	if (!s.autoScaling) return;
	s.autoScaling.desired = desired;
	reconcile(s, origin);
}

/** The group's periodic health sweep, seconds [sim: AWS checks "periodically"; an instance that left running is noticed at once]. */
export const healthSweepSeconds = 10;

/**
 * One tick of the group: activity completion (cooldown) every tick; the health sweep and
 * reconciliation on the tick after a group instance left running (at once, as AWS notices an
 * EC2 state change) and every `healthSweepSeconds` (ELB health, impaired status checks). Desired
 * capacity changes reconcile when they are made. So the per-tick cost is O(fleet) only then.
 */
export function runAutoScaling(s: Working): void {
	ensureControlPlane(s);
	const asg = s.autoScaling;
	if (!asg) return;
	completeActivity(s);
	const sweepTicks = Math.max(1, Math.round(healthSweepSeconds / s.config.tickSeconds));
	if (asg.needsSweep === true || s.clock.tick % sweepTicks === 0) {
		asg.needsSweep = false;
		const swept = sweepHealth(s);
		const launched = reconcile(s, undefined, swept.capacity);
		// The first launches replace the ELB-unhealthy instances just marked: the next batch waits for them.
		if (swept.elbReplaced > 0 && launched.length > 0) (asg.replacementIds ??= []).push(...launched.slice(0, swept.elbReplaced));
	}

	if (s.clock.tick % ticksPerMinute(s) === 0) rebalanceZones(s, capacityCount(s) - rebalanceStatus(s).hidden);
}

/** Deregister from the load balancer (draining), or terminate at once when there is nothing to drain. */
export function deregisterAndTerminate(s: Working, id: string): void {
	const i = s.instances[id]!;
	i.asgLifecycle = 'Terminating';
	const canDrain = i.isBehindLoadBalancer && i.ec2State === 'running' && s.config.loadBalancer.deregistrationDelaySeconds > 0;
	if (canDrain) startDraining(s, id);
	else if (i.isBehindLoadBalancer && i.ec2State === 'running' && i.target.health !== 'unused') i.target.health = 'unused'; // no delay: deregistered at once
	if (i.target.health === 'draining') watchLifecycle(s, id);
	else terminateInstance(s, id, '');
}

/** Mark unhealthy instances and start their replacement; returns the capacity left and how many were ELB-unhealthy (one pass). */
function sweepHealth(s: Working): {readonly capacity: number; readonly elbReplaced: number} {
	const asg = s.config.autoScaling!;
	const tick = s.clock.tick;
	const graceTicks = secondsToTicks(s, asg.healthCheckGracePeriodSeconds);
	const impairedTicks = secondsToTicks(s, impairedToleranceSeconds);
	let capacity = 0;
	let elbBudget = -1;
	let elbReplaced = 0;
	for (const i of instanceList(s)) {
		const id = i.id;
		if (!isCapacity(i)) continue;
		capacity += 1;
		let cause = '';
		if (i.ec2State !== 'running' && i.ec2State !== 'pending') cause = causes.ec2Stopped(s);
		else if (i.ec2State === 'running' && i.isHung && (s.zones[i.zone]?.isDown ?? false) && tick - s.zones[i.zone]!.downSinceTick >= impairedTicks) cause = causes.ec2Impaired(s);
		else if (asg.healthCheckType === 'ELB' && i.target.health === 'unhealthy' && tick - (i.inServiceTick >= 0 ? i.inServiceTick : i.launchedTick) >= graceTicks) {
			if (elbBudget === -1) elbBudget = replacementBudget(s);
			if (elbBudget === 0) continue;
			elbBudget -= 1;
			elbReplaced += 1;
			cause = causes.elbUnhealthy(s);
		}

		if (cause === '') continue;
		capacity -= 1;
		i.asgHealth = 'Unhealthy';
		i.unhealthyCause = cause;
		s.autoScaling!.scalingActivities += 1;
		appendEvent(s, 'activity', `Terminating EC2 instance: ${id}`, cause);
		deregisterAndTerminate(s, id);
	}

	return {capacity, elbReplaced};
}

/**
 * How many more ELB-unhealthy instances may be replaced now: at most 10 % of desired (at least
 * one) at a time, counting the previous batch's replacements still on their way (pending, or not
 * yet healthy behind the load balancer). This is what keeps a group whose every target fails its
 * checks (say, under overload) from being wiped out at once. Only replacements count: instances a
 * scale-out launched do not hold a replacement back (AWS waits for the previous batch, not for
 * every launch; a flapping group would otherwise keep an unhealthy instance in service for good).
 */
export function replacementBudget(s: Working): number {
	const asg = s.autoScaling!;
	const batch = Math.max(1, Math.floor(asg.desired / 10));
	const ids = asg.replacementIds;
	if (ids === undefined || ids.length === 0) return batch;
	asg.replacementIds = ids.filter(id => {
		const i = s.instances[id];
		return i !== undefined && isCapacity(i) && (i.asgLifecycle === 'Pending' || (i.isBehindLoadBalancer && i.target.health === 'initial'));
	});
	return Math.max(0, batch - asg.replacementIds.length);
}

function completeActivity(s: Working): void {
	const asg = s.autoScaling!;
	const activity = asg.activity;
	if (!activity) return;
	const isDone = activity.instanceIds.every(id => {
		const i = s.instances[id];
		if (!i) return true;
		if (activity.direction === 'out') return i.asgLifecycle !== 'Pending';
		return i.ec2State === 'shutting-down' || i.ec2State === 'terminated';
	});
	if (!isDone) return;
	asg.activity = null;
	if (activity.cooldownTicks > 0) asg.cooldownUntilTick = s.clock.tick + activity.cooldownTicks;
}

/** Launch or terminate toward desired; returns the ids launched. */
function reconcile(s: Working, origin?: ActivityOrigin, capacity?: number): readonly string[] {
	const asg = s.autoScaling!;
	const config = s.config.autoScaling!;
	const desired = asg.desired;
	const rebalance = rebalanceStatus(s);
	const before = (capacity ?? capacityCount(s)) - rebalance.hidden;
	let n = before;
	const ids: string[] = [];
	const zones = n < desired ? launchZoneCounts(s) : {};
	while (n < desired) {
		const cause = origin?.cause ?? causes.grow(s, before, desired);
		ids.push(launchInstance(s, {instanceType: config.instanceType, zone: takeLaunchZone(zones), isInGroup: true, purchaseOption: config.purchaseOption, hasElasticIp: false, isBehindLoadBalancer: true, isWarm: false, cause}));
		asg.scalingActivities += 1;
		n += 1;
	}

	const launched = ids.length;
	if (n > desired) {
		const cause = origin?.cause ?? rebalance.cause?.(before, desired) ?? causes.shrink(s, before, desired);
		const victims = pickScaleInVictims(s, n - desired);
		for (const victim of victims) {
			appendEvent(s, 'activity', `Terminating EC2 instance: ${victim}`, cause);
			asg.scalingActivities += 1;
			deregisterAndTerminate(s, victim);
			ids.push(victim);
			n -= 1;
		}

		if (n > desired && !asg.isScaleInBlockedByProtection) appendEvent(s, 'activity', protectedMessage, cause);
		asg.isScaleInBlockedByProtection = n > desired;
	}

	if (n === desired) asg.isScaleInBlockedByProtection = false;
	if (origin && ids.length > 0) asg.activity = {policyName: origin.policyName, instanceIds: ids, direction: before < desired ? 'out' : 'in', cooldownTicks: origin.cooldownTicks};
	return ids.slice(0, launched);
}
