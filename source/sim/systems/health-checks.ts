/**
 * ELB health checks (tick step 5), aws-behaviour.md §5.1–5.2. Every registered target is
 * checked every `intervalSeconds` (its own phase: from its launch tick). A check passes when
 * the instance is running, not hung, its zone is up, its app answers, and its queue would
 * answer within `timeoutSeconds`. `unhealthyThreshold` failures in a row make a target
 * unhealthy (OutOfService); `healthyThreshold` passes make it healthy (InService). Until
 * then a dead target keeps its state — and keeps receiving, and failing, requests.
 *
 * Draining (deregistration delay) ends at `drainUntilTick`, or earlier once nothing is in
 * flight; the target is then `unused` (deregistered). A terminated instance stays registered
 * and fails its checks until the group deregisters it.
 */
import type {LoadBalancerKind} from '../config.js';
import type {TargetHealth} from '../types.js';
import type {Working} from '../working.js';
import {appendEvent} from './activity.js';
import {capacityOf, fleet, touchFleet} from './fleet.js';

type MutableInstance = Working['instances'][string];

/** The target state in the LB kind's own words (classic: InService / OutOfService). */
export function targetStateLabel(kind: LoadBalancerKind, health: TargetHealth): string {
	if (kind === 'application') return health;
	if (health === 'healthy' || health === 'draining') return 'InService';
	return 'OutOfService';
}

/** Does a health check against this instance pass right now? */
export function passesHealthCheck(s: Working, i: MutableInstance): boolean {
	if (i.ec2State !== 'running' || i.isHung || s.zones[i.zone]?.isDown === true) return false;
	if (i.appReadyTick < 0 || s.clock.tick < i.appReadyTick) return false;
	const capacity = capacityOf(s, i);
	return capacity > 0 && i.backlog / capacity < s.config.loadBalancer.healthCheck.timeoutSeconds;
}

function describe(kind: LoadBalancerKind, health: TargetHealth): string {
	if (kind === 'classic') {
		return health === 'healthy' ? 'InService' : 'OutOfService: Instance has failed at least the UnhealthyThreshold number of health checks consecutively.';
	}

	return health === 'healthy' ? 'healthy' : 'unhealthy (Target.FailedHealthChecks)';
}

/** Apply one check result to a target (exported for tests and for the control plane). */
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

/** Set a target's health, with its event (exported for the data plane's fast path). */
export function setHealth(s: Working, i: MutableInstance, health: TargetHealth): void {
	const kind = s.config.loadBalancer.kind;
	const wasLabel = targetStateLabel(kind, i.target.health);
	i.target.health = health;
	touchFleet(s);
	if (health === 'healthy') i.target.healthySinceTick = s.clock.tick;
	if (targetStateLabel(kind, health) !== wasLabel || kind === 'application') {
		appendEvent(s, 'elb', `${kind === 'classic' ? 'Instance' : 'Target'} ${i.id} is ${describe(kind, health)}`);
	}
}

/** Health-check interval in ticks. */
export function checkIntervalTicks(s: Working): number {
	return Math.max(1, Math.round(s.config.loadBalancer.healthCheck.intervalSeconds / s.config.tickSeconds));
}

/** Per-tick constants of the health checks, read once per tick instead of once per target. */
export type CheckContext = {readonly tick: number; readonly intervalTicks: number};

/** This tick's health-check constants. */
export function checkContext(s: Working): CheckContext {
	return {tick: s.clock.tick, intervalTicks: checkIntervalTicks(s)};
}

/**
 * One target for one tick: draining ends (deadline, or nothing in flight), and a check runs
 * when its interval comes round. A terminated instance stays registered (and fails its checks)
 * until the group deregisters it, as when an instance is killed in EC2.
 */
export function checkTarget(s: Working, i: MutableInstance, intervalTicks: number): void {
	checkTargetIn(s, {tick: s.clock.tick, intervalTicks}, i);
}

/** `checkTarget` with the tick's constants already read (the data plane's fused pass). */
export function checkTargetIn(s: Working, c: CheckContext, i: MutableInstance): void {
	if (!i.isBehindLoadBalancer) return;
	const t = i.target;
	const health = t.health;
	if (health === 'unused') return;
	const tick = c.tick;
	if (health === 'draining') {
		if ((i.inFlight ?? 0) === 0 || (t.drainUntilTick !== -1 && tick >= t.drainUntilTick)) {
			t.health = 'unused';
			t.drainUntilTick = -1;
			touchFleet(s);
		}

		return;
	}

	const since = tick - i.launchedTick;
	if (since === 0 || since % c.intervalTicks !== 0) return;
	recordCheck(s, i, passesHealthCheck(s, i));
}

/** Tick step 5 on its own (the tick runs it fused with routing, see load-balancer.ts). */
export function runHealthChecks(s: Working): void {
	const c = checkContext(s);
	for (const i of fleet(s).list) checkTargetIn(s, c, i);
}
