/**
 * EC2 instance lifecycle (aws-behaviour.md §1.1): `pending → running`, `stopping → stopped`,
 * `shutting-down → terminated`, with seeded durations. Group instances also move through the
 * Auto Scaling lifecycle (`Pending → InService → Terminating → Terminated`).
 *
 * Timings [sim]: pending 5–20 s; the app answers `app.startSeconds` after `running`;
 * shutting-down and stopping take 30–60 s. A scale-in waits for the load balancer to finish
 * draining (`target.drainUntilTick`) before the EC2 termination starts. A group instance killed
 * in EC2 stays registered with the load balancer (failing its checks) until the load balancer
 * has marked it unhealthy; then the group deregisters it.
 */
import {instanceTypes, t2LaunchCreditsPerVcpu} from '../catalog.js';
import {nextInstanceId} from '../ids.js';
import type {PurchaseOption} from '../config.js';
import type {Instance} from '../types.js';
import type {Working} from '../working.js';
import {appendEvent} from './activity.js';
import {drawInt, secondsToTicks} from './draw.js';
import {addInstanceColumns, removeInstanceColumns} from '../data-plane/columns.js';

/** What `launchInstance` needs. */
export type LaunchOptions = {
	readonly instanceType: string;
	readonly zone: string;
	readonly isInGroup: boolean;
	readonly purchaseOption: PurchaseOption;
	readonly hasElasticIp: boolean;
	readonly isBehindLoadBalancer: boolean;
	/** Start running, InService, healthy and app-ready (the initial fleet). */
	readonly isWarm: boolean;
	/** AWS-style cause for the activity log; '' logs nothing. */
	readonly cause: string;
};

/**
 * How long a terminated instance stays listed (in the state, the table and the summary's routed
 * counts) before it leaves, seconds: the EC2 console shows terminated instances for about an
 * hour (aws-behaviour.md §1.1). Without it a week of churn keeps thousands of dead instances in
 * every tick's pass and every frame.
 */
export const terminatedRetentionSeconds = 3600;

/** Seeded pending → running time, seconds [observed 5–20 s]. */
export const bootSecondsRange = [5, 20] as const;
/** Seeded shutting-down → terminated and stopping → stopped time, seconds [sim]. */
export const shutdownSecondsRange = [30, 60] as const;

/** Group warm-up in ticks: DefaultInstanceWarmup, else a step/target-tracking policy's estimate, else 0. */
export function warmupTicks(s: Working): number {
	const asg = s.config.autoScaling;
	if (!asg) return 0;
	if (asg.defaultInstanceWarmupSeconds !== undefined) return secondsToTicks(s, asg.defaultInstanceWarmupSeconds);
	let seconds = -1;
	for (const p of asg.policies) {
		if (p.type === 'step' || p.type === 'target-tracking') seconds = Math.max(seconds, p.estimatedInstanceWarmupSeconds ?? asg.defaultCooldownSeconds);
	}
	return seconds < 0 ? 0 : secondsToTicks(s, seconds);
}

/** Launch an instance (RunInstances); returns its id. Throws only for an unknown instance type. */
export function launchInstance(s: Working, o: LaunchOptions): string {
	const spec = instanceTypes[o.instanceType];
	if (!spec) throw new Error(`Unknown instance type "${o.instanceType}".`);
	const tick = s.clock.tick;
	const id = nextInstanceId(s);
	const bootTicks = o.isWarm ? 0 : secondsToTicks(s, drawInt(s, bootSecondsRange[0], bootSecondsRange[1]));
	// With DNS round-robin there is no load balancer to register with (and nothing adds it to DNS).
	const isBehindLoadBalancer = o.isBehindLoadBalancer && s.config.loadBalancer.kind !== 'dns';
	const instance: Instance = {
		id,
		instanceType: o.instanceType,
		zone: o.zone,
		purchaseOption: o.purchaseOption,
		isInGroup: o.isInGroup,
		hasElasticIp: o.hasElasticIp,
		isBehindLoadBalancer,
		launchedTick: tick,
		ec2State: o.isWarm ? 'running' : 'pending',
		ec2StateSinceTick: tick,
		uptimeTicksAtStop: 0,
		transitionAtTick: o.isWarm ? -1 : tick + bootTicks,
		appReadyTick: o.isWarm ? tick : -1,
		asgLifecycle: o.isInGroup ? (o.isWarm ? 'InService' : 'Pending') : 'Standalone',
		asgHealth: 'Healthy',
		unhealthyCause: '',
		isProtectedFromScaleIn: o.isInGroup && (s.config.autoScaling?.newInstancesProtectedFromScaleIn ?? false),
		isHung: false,
		isHungByOutage: false,
		spotInterruptionTick: -1,
		inServiceTick: o.isInGroup && o.isWarm ? tick : -1,
		warmupUntilTick: -1,
		target: {
			health: isBehindLoadBalancer ? (o.isWarm ? 'healthy' : 'initial') : 'unused',
			consecutivePasses: 0,
			consecutiveFailures: 0,
			healthySinceTick: o.isWarm && isBehindLoadBalancer ? tick : -1,
			drainUntilTick: -1,
		},
		serial: s.nextInstanceNumber - 1,
	};
	s.instances[id] = instance as Working['instances'][string];
	s.instanceOrder.push(id);
	addInstanceColumns(s, spec.burst ? (o.isWarm ? spec.burst.maxCredits : t2LaunchCreditsPerVcpu * spec.vcpus) : 0);
	if (!o.isWarm) watchLifecycle(s, id, true);
	s.totals.launched += 1;
	if (o.cause !== '') appendEvent(s, o.isInGroup ? 'activity' : 'info', `Launching a new EC2 instance: ${id}`, o.cause);
	return id;
}

/** Start EC2 termination (`shutting-down`); the Elastic IP is disassociated. False if already going. */
export function terminateInstance(s: Working, id: string, cause: string): boolean {
	const i = s.instances[id];
	if (!i || i.ec2State === 'shutting-down' || i.ec2State === 'terminated') return false;
	setEc2State(s, i, 'shutting-down', secondsToTicks(s, drawInt(s, shutdownSecondsRange[0], shutdownSecondsRange[1])));
	noteLeftRunning(s, i);
	i.hasElasticIp = false;
	i.spotInterruptionTick = -1;
	if (cause !== '') appendEvent(s, 'info', `EC2 instance ${id} is shutting down`, cause);
	return true;
}

/** Stop an EBS-backed instance (`stopping → stopped`); the Elastic IP stays. False if not running/pending. */
export function stopInstance(s: Working, id: string, cause: string): boolean {
	const i = s.instances[id];
	if (!i || (i.ec2State !== 'running' && i.ec2State !== 'pending')) return false;
	setEc2State(s, i, 'stopping', secondsToTicks(s, drawInt(s, shutdownSecondsRange[0], shutdownSecondsRange[1])));
	noteLeftRunning(s, i);
	if (cause !== '') appendEvent(s, 'info', `Stopping EC2 instance: ${id}`, cause);
	return true;
}

/** Watch the instance's transition; a group instance also asks for a health sweep next tick (AWS notices at once). */
function noteLeftRunning(s: Working, i: Working['instances'][string]): void {
	watchLifecycle(s, i.id);
	if (i.isInGroup && s.autoScaling) s.autoScaling.needsSweep = true;
}

function setEc2State(s: Working, i: Working['instances'][string], state: Instance['ec2State'], durationTicks: number): void {
	if (i.ec2State === 'running' && state !== 'running') i.uptimeTicksAtStop = s.clock.tick - i.ec2StateSinceTick;
	if (state !== 'running' && state !== 'pending') {
		// A hang is a fault of the running OS: stopping (as a scale-up does) or terminating ends it.
		i.isHung = false;
		i.isHungByOutage = false;
	}

	i.ec2State = state;
	i.ec2StateSinceTick = s.clock.tick;
	i.transitionAtTick = durationTicks > 0 ? s.clock.tick + durationTicks : -1;
	i.appReadyTick = state === 'running' ? i.appReadyTick : -1;
}

/** Put an instance on the lifecycle watch list (it has a transition, a drain or a deregistration ahead); `isNew`: just launched, so not listed yet. */
export function watchLifecycle(s: Working, id: string, isNew = false): void {
	s.lifecycleWatch ??= rebuildWatch(s);
	if (isNew || !s.lifecycleWatch.includes(id)) s.lifecycleWatch.push(id);
}

function hasLifecycleWork(i: Working['instances'][string]): boolean {
	if (i.transitionAtTick !== -1) return true;
	if (i.asgLifecycle === 'Terminating' && i.ec2State === 'running') return true;
	return i.ec2State === 'terminated' && i.isInGroup && i.target.health !== 'unused';
}

function rebuildWatch(s: Working): string[] {
	return s.instanceOrder.filter(id => hasLifecycleWork(s.instances[id]!));
}

/** Lifecycle transitions that are due this tick. O(instances on the watch list), not O(fleet). */
export function advanceLifecycles(s: Working): void {
	const tick = s.clock.tick;
	s.lifecycleWatch ??= rebuildWatch(s);
	if (s.lifecycleWatch.length === 0) return;
	for (const id of [...s.lifecycleWatch]) {
		const i = s.instances[id];
		if (!i) continue;
		if (i.transitionAtTick !== -1 && tick >= i.transitionAtTick) finishTransition(s, i);
		else if (i.asgLifecycle === 'Terminating' && i.ec2State === 'running' && isDeregistered(i, tick)) terminateInstance(s, id, '');
		else if (i.ec2State === 'terminated' && i.isInGroup && (i.target.health === 'unhealthy' || i.target.health === 'initial')) i.target.health = 'unused';
	}

	s.lifecycleWatch = s.lifecycleWatch.filter(id => {
		const i = s.instances[id];
		return i !== undefined && hasLifecycleWork(i);
	});
}

function isDeregistered(i: Working['instances'][string], tick: number): boolean {
	return i.target.health !== 'draining' || (i.target.drainUntilTick !== -1 && tick >= i.target.drainUntilTick);
}

function finishTransition(s: Working, i: Working['instances'][string]): void {
	const tick = s.clock.tick;
	i.transitionAtTick = -1;
	i.ec2StateSinceTick = tick;
	if (i.ec2State === 'pending') {
		i.ec2State = 'running';
		i.appReadyTick = tick + secondsToTicks(s, s.config.app.startSeconds);
		if (i.isInGroup && i.asgLifecycle === 'Pending') {
			i.asgLifecycle = 'InService';
			i.inServiceTick = tick;
			const warmup = warmupTicks(s);
			i.warmupUntilTick = warmup > 0 ? tick + warmup : -1;
		}
	} else if (i.ec2State === 'stopping') {
		i.ec2State = 'stopped';
	} else if (i.ec2State === 'shutting-down') {
		i.ec2State = 'terminated';
		if (i.isInGroup) i.asgLifecycle = 'Terminated';
		i.isHung = false;
		s.totals.terminated += 1;
	}
}

/**
 * Once a simulated minute: instances terminated at least `terminatedRetentionSeconds` ago leave
 * `instances`, `instanceOrder`, the lifecycle watch and the data plane's columns. One still
 * named by the group (the activity in progress, a rebalance or replacement it waits for) or
 * holding requests stays until it is not. What it was routed is kept in
 * `totals.routedToRemoved`, so the routed counts still add up.
 */
export function forgetTerminated(s: Working): void {
	const dt = s.config.tickSeconds;
	const tick = s.clock.tick;
	const minute = Math.max(1, Math.round(60 / dt));
	if (tick % minute !== 0) return;
	const retention = Math.ceil(terminatedRetentionSeconds / dt);
	const order = s.instanceOrder;
	const web = s.dataPlane.web;
	let gone: Set<string> | undefined;
	for (let k = order.length - 1; k >= 0; k--) {
		const i = s.instances[order[k]!]!;
		if (i.ec2State !== 'terminated' || tick - i.ec2StateSinceTick < retention) continue;
		if (web.served[k]! !== 0 || web.failing.size[k]! !== 0 || isNamedByGroup(s, i.id)) continue;
		s.totals.routedToRemoved += s.dataPlane.instances.routedTotal[k]!;
		s.totals.removed += 1;
		removeInstanceColumns(s, k);
		order.splice(k, 1);
		delete s.instances[i.id];
		(gone ??= new Set()).add(i.id);
	}

	if (gone && s.lifecycleWatch) s.lifecycleWatch = s.lifecycleWatch.filter(id => !gone.has(id));
}

function isNamedByGroup(s: Working, id: string): boolean {
	const asg = s.autoScaling;
	if (!asg) return false;
	return asg.rebalancingId === id || (asg.replacementIds?.includes(id) ?? false) || (asg.activity?.instanceIds.includes(id) ?? false);
}
