/**
 * Scaling policies (aws-behaviour.md §3): they read the alarms evaluated this minute and ask
 * the group for a new desired capacity, clamped to [min, max]. Auto Scaling actions are
 * re-invoked every minute while their alarm stays in ALARM.
 *
 * - simple: ignores its alarm while an activity is in progress and until the cooldown ends.
 * - step: the step matching the breach size; no cooldown; instances still warming count toward
 *   the next scale-out (so a repeated breach in the same step adds nothing) and block scale-in.
 * - target tracking: desired = ceil(current × metric / target) on the high alarm; the low
 *   alarm scales in only when no instance is warming up.
 * - scheduled: at a time (and every N seconds), sets min/max/desired; ignores cooldown.
 *
 * When several policies want a change in the same minute, the largest capacity wins; target
 * tracking scales in only when all its policies (those allowed to scale in) agree.
 */
import type {PolicyConfig} from '../config.js';
import type {Working} from '../working.js';
import {causes} from './activity.js';
import {adjustCapacity, clampCapacity, matchStep, targetTrackingCapacity} from './adjustments.js';
import {ensureControlPlane, setDesiredCapacity, type ActivityOrigin} from './auto-scaling.js';
import {secondsToTicks} from './draw.js';
import {targetTrackingAlarmNames} from './policy-alarms.js';
import {isCapacity} from './termination.js';
import {instanceList} from './fleet.js';

type Proposal = {readonly desired: number; readonly alarm: string; readonly policy: string; readonly cooldownTicks: number};

/** Instances counting toward capacity, and those of them still pending or warming up. */
export function warmingCounts(s: Working): {readonly capacity: number; readonly warming: number} {
	let capacity = 0;
	let warming = 0;
	for (const i of instanceList(s)) {
		if (!isCapacity(i)) continue;
		capacity += 1;
		if (i.asgLifecycle === 'Pending' || i.warmupUntilTick > s.clock.tick) warming += 1;
	}

	return {capacity, warming};
}

/** Scheduled actions every tick; alarm-driven policies on the minute CloudWatch publishes. */
export function runScalingPolicies(s: Working): void {
	ensureControlPlane(s);
	const asg = s.autoScaling;
	const config = s.config.autoScaling;
	if (!asg || !config || config.policies.length === 0) return;
	for (const policy of config.policies) if (policy.type === 'scheduled') runScheduled(s, policy);
	if (s.metricWindow?.ticks !== 0) return;
	let best: Proposal | undefined;
	let trackingScaleIns = 0;
	for (const policy of config.policies) {
		const proposal = propose(s, policy);
		if (proposal === undefined || proposal.desired === asg.desired) continue;
		asg.lastPolicyRunTick[policy.name] = s.clock.tick;
		if (policy.type === 'target-tracking' && proposal.desired < asg.desired) trackingScaleIns += 1;
		if (!best || proposal.desired > best.desired) best = proposal;
	}

	if (!best) return;
	// Target tracking scales in only when every target-tracking policy that may scale in agrees.
	const isTracking = config.policies.some(p => p.name === best!.policy && p.type === 'target-tracking');
	const mayScaleIn = config.policies.filter(p => p.type === 'target-tracking' && !p.disableScaleIn).length;
	if (isTracking && best.desired < asg.desired && trackingScaleIns < mayScaleIn) return;
	const origin: ActivityOrigin = {cause: causes.alarm(s, best.alarm, best.policy, asg.desired, best.desired), policyName: best.policy, cooldownTicks: best.cooldownTicks};
	setDesiredCapacity(s, best.desired, origin);
}

function propose(s: Working, policy: PolicyConfig): Proposal | undefined {
	const asg = s.autoScaling!;
	const clamp = (n: number): number => clampCapacity(n, asg.min, asg.max);
	switch (policy.type) {
		case 'simple': {
			const alarm = s.alarms[policy.alarm.name];
			if (alarm?.state !== 'ALARM' || asg.activity !== null || s.clock.tick < asg.cooldownUntilTick) return undefined;
			const cooldownTicks = secondsToTicks(s, policy.cooldownSeconds ?? s.config.autoScaling!.defaultCooldownSeconds);
			return {desired: clamp(adjustCapacity(policy.adjustmentType, policy.adjustment, asg.desired, policy.minAdjustmentMagnitude)), alarm: alarm.name, policy: policy.name, cooldownTicks};
		}

		case 'step': {
			const alarm = s.alarms[policy.alarm.name];
			if (alarm?.state !== 'ALARM' || alarm.lastValue === null) return undefined;
			const step = matchStep(policy.steps, alarm.lastValue, policy.alarm.threshold);
			if (!step) return undefined;
			const {warming} = warmingCounts(s);
			const isOut = adjustCapacity(policy.adjustmentType, step.adjustment, asg.desired, policy.minAdjustmentMagnitude) > asg.desired;
			if (isOut) {
				const fromSettled = clamp(adjustCapacity(policy.adjustmentType, step.adjustment, asg.desired - warming, policy.minAdjustmentMagnitude));
				return {desired: Math.max(asg.desired, fromSettled), alarm: alarm.name, policy: policy.name, cooldownTicks: 0};
			}

			if (warming > 0) return undefined;
			return {desired: clamp(adjustCapacity(policy.adjustmentType, step.adjustment, asg.desired, policy.minAdjustmentMagnitude)), alarm: alarm.name, policy: policy.name, cooldownTicks: 0};
		}

		case 'target-tracking': {
			return proposeTargetTracking(s, policy);
		}

		case 'scheduled': {
			return undefined;
		}
	}
}

function proposeTargetTracking(s: Working, policy: Extract<PolicyConfig, {type: 'target-tracking'}>): Proposal | undefined {
	const asg = s.autoScaling!;
	const names = targetTrackingAlarmNames(s, policy.name);
	const high = s.alarms[names.high];
	const low = s.alarms[names.low];
	const {capacity, warming} = warmingCounts(s);
	const settled = Math.max(1, capacity - warming);
	if (high?.state === 'ALARM' && high.lastValue !== null) {
		const wanted = clampCapacity(targetTrackingCapacity(settled, high.lastValue, policy.target), asg.min, asg.max);
		return {desired: Math.max(asg.desired, wanted), alarm: high.name, policy: policy.name, cooldownTicks: 0};
	}

	if (!policy.disableScaleIn && low?.state === 'ALARM' && low.lastValue !== null && warming === 0) {
		const wanted = clampCapacity(targetTrackingCapacity(settled, low.lastValue, policy.target), asg.min, asg.max);
		return {desired: Math.min(asg.desired, wanted), alarm: low.name, policy: policy.name, cooldownTicks: 0};
	}

	return undefined;
}

function runScheduled(s: Working, policy: Extract<PolicyConfig, {type: 'scheduled'}>): void {
	const asg = s.autoScaling!;
	const tick = s.clock.tick;
	const atTick = Math.round(policy.atSeconds / s.config.tickSeconds);
	const everyTicks = policy.everySeconds === undefined ? 0 : secondsToTicks(s, policy.everySeconds);
	const last = asg.scheduledFiredTick[policy.name];
	const isDue = last === undefined ? tick >= atTick : everyTicks > 0 && tick >= last + everyTicks;
	if (!isDue) return;
	asg.scheduledFiredTick[policy.name] = last === undefined ? atTick : last + everyTicks;
	const from = asg.desired;
	asg.min = policy.min ?? asg.min;
	asg.max = Math.max(policy.max ?? asg.max, asg.min);
	const desired = clampCapacity(policy.desired ?? asg.desired, asg.min, asg.max);
	setDesiredCapacity(s, desired, {cause: causes.scheduled(s, policy.name, from, desired), policyName: policy.name, cooldownTicks: 0});
}
