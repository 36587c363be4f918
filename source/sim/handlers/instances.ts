/**
 * Handlers for instance faults: kill, stop, hang, spot interruption, scale up. Targets are an
 * id, `random`, `oldest` or `newest`; an unknown or dead target is refused in the log, never thrown.
 */
import type {SimAction} from '../actions.js';
import {instanceTypeNames, instanceTypes} from '../catalog.js';
import type {Instance} from '../types.js';
import type {Working} from '../working.js';
import {at, logAction, refuseAction} from '../systems/activity.js';
import {noticeSpotInterruption, resolveTarget} from '../systems/faults.js';
import {launchInstance, stopInstance, terminateInstance} from '../systems/instances.js';
import {moveUsersHeld} from '../data-plane/consistency.js';
import {slotOf} from '../data-plane/columns.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

/** A sentence as the reason after `refused:` (lower-case start, no full stop). */
function reason(sentence: string): string {
	return sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, '');
}

/** The instance the action aims at, or undefined after logging why there is none. */
function target(s: Working, a: Extract<SimAction, {target: string}>, isEligible?: (i: Instance) => boolean, kind?: string): string | undefined {
	const r = resolveTarget(s, a.target, isEligible, kind);
	if ('error' in r) {
		refuseAction(s, a, reason(r.error));
		return undefined;
	}

	return r.id;
}

/** `i-0001 ` when a rule (`oldest`, `random`) picked it, '' when the action named it. */
function picked(a: Extract<SimAction, {target: string}>, id: string): string {
	return a.target === id ? '' : `${id} `;
}

/** `instance/terminate-requested`: TerminateInstances in EC2 (the group notices and replaces it). */
export function handleTerminate(s: Working, a: Action<'instance/terminate-requested'>): void {
	const id = target(s, a);
	if (id === undefined) return;
	terminateInstance(s, id, '');
	logAction(s, 'fault', a, `${picked(a, id)}terminated in EC2`, `${at(s)} a user request (kill ${a.target}).`);
}

/** `instance/stop-requested`: StopInstances (stopping → stopped). */
export function handleStop(s: Working, a: Action<'instance/stop-requested'>): void {
	const id = target(s, a);
	if (id === undefined) return;
	stopInstance(s, id, '');
	logAction(s, 'fault', a, `${picked(a, id)}stopping`, `${at(s)} a user request (stop ${a.target}).`);
}

/** `instance/hang-injected`: running, but health checks and requests fail. */
export function handleHang(s: Working, a: Action<'instance/hang-injected'>): void {
	const id = target(s, a);
	if (id === undefined) return;
	s.instances[id]!.isHung = true;
	logAction(s, 'fault', a, `${picked(a, id)}still running, no longer answering`, `${at(s)} a user request (hang ${a.target}).`);
}

/** `instance/spot-interruption-noticed`: only Spot Instances get one; the two-minute notice, then termination (systems/faults.ts). */
export function handleSpotInterruption(s: Working, a: Action<'instance/spot-interruption-noticed'>): void {
	const id = target(s, a, i => i.purchaseOption === 'spot', 'Spot Instance');
	if (id === undefined) return;
	if (s.instances[id]!.spotInterruptionTick !== -1) {
		refuseAction(s, a, `${id} already has its interruption notice`);
		return;
	}

	noticeSpotInterruption(s, id);
}

/**
 * `instance/scale-up-requested`: stop the instance (visible downtime), launch the larger type
 * in its zone, and move its Elastic IP to the new instance.
 */
export function handleScaleUp(s: Working, a: Action<'instance/scale-up-requested'>): void {
	const id = target(s, a);
	if (id === undefined) return;
	const old = s.instances[id]!;
	const nextType = a.instanceType ?? nextSize(old.instanceType);
	if (nextType === undefined || !instanceTypes[nextType]) {
		refuseAction(s, a, nextType === undefined ? `${old.instanceType} is already the largest size of its family` : `unknown instance type "${nextType}"`);
		return;
	}

	stopInstance(s, id, '');
	const hasElasticIp = old.hasElasticIp;
	old.hasElasticIp = false;
	const newId = launchInstance(s, {instanceType: nextType, zone: old.zone, isInGroup: false, purchaseOption: old.purchaseOption, hasElasticIp, isBehindLoadBalancer: old.isBehindLoadBalancer, isWarm: false, cause: ''});
	moveUsersHeld(s, slotOf(s, id), slotOf(s, newId));
	logAction(s, 'user', a, `${picked(a, id)}(${old.instanceType}) stopped and imaged; ${newId} (${nextType}) launching${hasElasticIp ? '; Elastic IP moved to it' : ''}`, `${at(s)} a user request (scale up ${a.target}).`);
}

/** The next larger type of the same family in the catalog, if any. */
export function nextSize(type: string): string | undefined {
	const family = type.split('.')[0];
	const same = instanceTypeNames.filter(n => n.split('.')[0] === family);
	const k = same.indexOf(type);
	return k >= 0 && k < same.length - 1 ? same[k + 1] : undefined;
}
