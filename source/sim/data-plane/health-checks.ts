/**
 * ELB health checks (aws-behaviour.md §5.1–5.2). Every registered target is checked every
 * `intervalSeconds` (its own phase: from its launch tick). A check passes when the instance is
 * running, not hung, its zone is up, its app answers, and the check request, queued behind the
 * requests it holds, would be answered within `timeoutSeconds`. `unhealthyThreshold` failures in a
 * row make a target unhealthy (OutOfService); `healthyThreshold` passes make it healthy
 * (InService). Until then a dead target keeps its state — and keeps receiving, and failing,
 * requests.
 *
 * Draining (deregistration delay) ends at `drainUntilTick`, or earlier once nothing is in
 * flight; the target is then `unused` (deregistered). A terminated instance stays registered
 * and fails its checks until the group deregisters it.
 *
 * The data plane's pass (./network.ts) runs each target's check right after serving it.
 */
import type {LoadBalancerKind} from '../config.js';
import type {TargetHealth} from '../types.js';
import type {Working} from '../working.js';
import {appendEvent} from '../systems/activity.js';

type MutableInstance = Working['instances'][string];

/** The target state in the LB kind's own words (classic: InService / OutOfService). */
export function targetStateLabel(kind: LoadBalancerKind, health: TargetHealth): string {
	if (kind === 'application') return health;
	if (health === 'healthy' || health === 'draining') return 'InService';
	return 'OutOfService';
}

function describe(kind: LoadBalancerKind, health: TargetHealth): string {
	if (kind === 'classic') {
		return health === 'healthy' ? 'InService' : 'OutOfService: Instance has failed at least the UnhealthyThreshold number of health checks consecutively.';
	}

	return health === 'healthy' ? 'healthy' : 'unhealthy (Target.FailedHealthChecks)';
}

/** Apply one check result to a target. */
export function recordCheck(s: Working, i: MutableInstance, isPass: boolean): void {
	const hc = s.config.loadBalancer.healthCheck;
	const t = i.target;
	if (isPass) {
		t.consecutivePasses += 1;
		t.consecutiveFailures = 0;
		if (t.health !== 'healthy' && t.consecutivePasses >= hc.healthyThreshold) setHealth(s, i, 'healthy');
	} else {
		t.consecutiveFailures += 1;
		t.consecutivePasses = 0;
		if ((t.health === 'healthy' || t.health === 'initial') && t.consecutiveFailures >= hc.unhealthyThreshold) setHealth(s, i, 'unhealthy');
	}
}

/** Set a target's health, with its event. */
export function setHealth(s: Working, i: MutableInstance, health: TargetHealth): void {
	const kind = s.config.loadBalancer.kind;
	const wasLabel = targetStateLabel(kind, i.target.health);
	i.target.health = health;
	if (health === 'healthy') i.target.healthySinceTick = s.clock.tick;
	if (targetStateLabel(kind, health) !== wasLabel || kind === 'application') {
		appendEvent(s, 'elb', `${kind === 'classic' ? 'Instance' : 'Target'} ${i.id} is ${describe(kind, health)}`);
	}
}

/** Health-check interval in ticks. */
export function checkIntervalTicks(s: Working): number {
	return Math.max(1, Math.round(s.config.loadBalancer.healthCheck.intervalSeconds / s.config.tickSeconds));
}

/**
 * One target for one tick, before its check: draining ends (deadline, or nothing in flight).
 * Returns true when a check runs this tick (its interval came round); the caller then works out
 * whether it passes and calls `recordCheck`.
 */
export function isCheckDue(s: Working, i: MutableInstance, intervalTicks: number, inFlight: number): boolean {
	if (!i.isBehindLoadBalancer) return false;
	const t = i.target;
	const health = t.health;
	if (health === 'unused') return false;
	const tick = s.clock.tick;
	if (health === 'draining') {
		if (inFlight === 0 || (t.drainUntilTick !== -1 && tick >= t.drainUntilTick)) {
			t.health = 'unused';
			t.drainUntilTick = -1;
		}

		return false;
	}

	const since = (tick - i.launchedTick) | 0;
	return since !== 0 && since % intervalTicks === 0;
}

/** Start deregistration (draining) of a target for the LB's delay; ends early when nothing is in flight. */
export function startDraining(s: Working, id: string): void {
	const i = s.instances[id];
	if (!i || !i.isBehindLoadBalancer || i.target.health === 'unused' || i.target.health === 'draining') return;
	i.target.health = 'draining';
	i.target.drainUntilTick = s.clock.tick + Math.ceil(s.config.loadBalancer.deregistrationDelaySeconds / s.config.tickSeconds);
}
