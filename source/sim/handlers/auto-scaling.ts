/**
 * Handlers for manual capacity changes (SetDesiredCapacity). Outside [min, max] the request is
 * refused with AWS's ValidationError text, never clamped; manual changes ignore the cooldown.
 */
import type {SimAction} from '../actions.js';
import type {Working} from '../working.js';
import {causes, logAction, refuseAction} from '../systems/activity.js';
import {ensureControlPlane, setDesiredCapacity} from '../systems/auto-scaling.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

/** AWS's validation message for a desired capacity outside the group's range, or undefined when valid. */
export function desiredCapacityError(desired: number, min: number, max: number): string | undefined {
	if (desired > max) return `New SetDesiredCapacity value ${desired} is above max value ${max} for the AutoScalingGroup.`;
	if (desired < min) return `New SetDesiredCapacity value ${desired} is below min value ${min} for the AutoScalingGroup.`;
	return undefined;
}

/** SetDesiredCapacity for `action`: refused outside [min, max] with AWS's ValidationError, never clamped. */
function setDesired(s: Working, action: Action<'asg/desired-capacity-changed' | 'asg/desired-capacity-nudged'>, desired: number): void {
	ensureControlPlane(s);
	const asg = s.autoScaling;
	if (!asg) {
		refuseAction(s, action, 'this run has no Auto Scaling group');
		return;
	}

	if (!Number.isInteger(desired)) {
		refuseAction(s, action, 'desired capacity must be a whole number');
		return;
	}

	const error = desiredCapacityError(desired, asg.min, asg.max);
	if (error !== undefined) {
		const value = action.type === 'asg/desired-capacity-nudged' ? `${desired} is ` : '';
		refuseAction(s, action, desired > asg.max ? `${value}above max ${asg.max}` : `${value}below min ${asg.min}`, `An error occurred (ValidationError) when calling the SetDesiredCapacity operation: ${error}`);
		return;
	}

	const from = asg.desired;
	logAction(s, 'user', action, from === desired ? `already ${desired}` : `from ${from} to ${desired}`);
	if (from !== desired) setDesiredCapacity(s, desired, {cause: causes.user(s, from, desired), policyName: '', cooldownTicks: 0});
}

/** `asg/desired-capacity-changed`. */
export function handleDesiredChanged(s: Working, a: Action<'asg/desired-capacity-changed'>): void {
	setDesired(s, a, a.desired);
}

/** `asg/desired-capacity-nudged` (`+` / `-`). */
export function handleDesiredNudged(s: Working, a: Action<'asg/desired-capacity-nudged'>): void {
	ensureControlPlane(s);
	setDesired(s, a, (s.autoScaling?.desired ?? 0) + a.delta);
}
