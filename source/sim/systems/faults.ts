/**
 * Faults (design.md §1, peers.md §E): kill, stop, hang, spot interruption with its two-minute
 * notice, an Availability Zone outage for a duration, and Chaos Monkey mode. Injection happens
 * in handlers (discrete actions); this system runs the timed parts each tick: outages ending,
 * spot interruptions coming due, Chaos Monkey's next kill.
 */
import type {Instance} from '../types.js';
import type {Working} from '../working.js';
import {appendEvent, at, formatSimTime} from './activity.js';
import {ensureControlPlane} from './auto-scaling.js';
import {drawPick, secondsToTicks} from './draw.js';
import {terminateInstance} from './instances.js';
import {instanceList} from './fleet.js';

/** The spot interruption notice, seconds before the instance is reclaimed. */
export const spotNoticeSeconds = 120;

const isAlive = (i: Instance): boolean => i.ec2State === 'running' || i.ec2State === 'pending';

/**
 * Resolve an instance target: an id, `random` (seeded, among running/pending instances),
 * `oldest` or `newest` (by launch), optionally only among eligible ones (`kind` names them in
 * the error). Returns the id, or an error sentence for the log.
 */
export function resolveTarget(s: Working, target: string, isEligible: (i: Instance) => boolean = () => true, kind = 'running instance'): {readonly id: string} | {readonly error: string} {
	const alive = s.instanceOrder.map(id => s.instances[id]!).filter(i => isAlive(i) && isEligible(i));
	if (target === 'random' || target === 'oldest' || target === 'newest') {
		if (alive.length === 0) return {error: `No ${kind} to target (${target}).`};
		if (target === 'random') return {id: drawPick(s, alive).id};
		const sorted = [...alive].sort((a, b) => a.launchedTick - b.launchedTick || a.id.localeCompare(b.id));
		return {id: (target === 'oldest' ? sorted[0]! : sorted.at(-1)!).id};
	}

	const i = s.instances[target];
	if (!i) return {error: `There is no instance ${target}.`};
	if (!isAlive(i)) return {error: `Instance ${target} is ${i.ec2State}.`};
	if (!isEligible(i)) return {error: `Instance ${target} is not a ${kind}.`};
	return {id: target};
}

/** Mark every live instance of a zone hung, and the zone down until `durationSeconds` from now; returns how many stopped answering. */
export function startZoneOutage(s: Working, zone: string, durationSeconds: number): number {
	const tick = s.clock.tick;
	s.zones[zone] = {isDown: true, downUntilTick: tick + secondsToTicks(s, durationSeconds), downSinceTick: tick};
	let count = 0;
	for (const i of instanceList(s)) {
		if (i.zone === zone && isAlive(i)) {
			if (!i.isHung) i.isHungByOutage = true;
			i.isHung = true;
			count += 1;
		}
	}

	return count;
}

/** The zone with the most live instances (the default outage target). */
export function busiestZone(s: Working): string | undefined {
	const counts: Record<string, number> = {};
	for (const i of instanceList(s)) {
		if (isAlive(i)) counts[i.zone] = (counts[i.zone] ?? 0) + 1;
	}

	const zones = Object.keys(counts);
	return zones.length === 0 ? s.config.autoScaling?.zones[0] : zones.reduce((a, b) => (counts[b]! > counts[a]! ? b : a));
}

/** Give a spot instance its two-minute notice. */
export function noticeSpotInterruption(s: Working, id: string): void {
	const i = s.instances[id]!;
	i.spotInterruptionTick = s.clock.tick + secondsToTicks(s, spotNoticeSeconds);
	s.spotDueTick = s.spotDueTick === undefined || s.spotDueTick < 0 ? i.spotInterruptionTick : Math.min(s.spotDueTick, i.spotInterruptionTick);
	appendEvent(s, 'fault', `EC2 Spot Instance Interruption Warning: ${id} will be terminated at ${formatSimTime(i.spotInterruptionTick * s.config.tickSeconds)}`, `${at(s)} EC2 reclaimed Spot capacity (two-minute notice).`);
}

/** The timed parts of faults, once per tick. */
export function runFaults(s: Working): void {
	ensureControlPlane(s);
	const tick = s.clock.tick;
	for (const zone of Object.keys(s.zones)) {
		const z = s.zones[zone]!;
		if (z.isDown && tick >= z.downUntilTick) endZoneOutage(s, zone);
	}

	if (s.spotDueTick !== undefined && s.spotDueTick >= 0 && tick >= s.spotDueTick) runSpotInterruptions(s);
	runChaosMonkey(s);
}

/** Terminate the instances whose notice expired; remember the next one due. */
function runSpotInterruptions(s: Working): void {
	const tick = s.clock.tick;
	let next = -1;
	for (const i of instanceList(s)) {
		const id = i.id;
		if (i.spotInterruptionTick === -1) continue;
		if (tick >= i.spotInterruptionTick) {
			i.spotInterruptionTick = -1;
			if (terminateInstance(s, id, '')) appendEvent(s, 'fault', `Spot Instance ${id} interrupted: terminating`, `${at(s)} the two-minute Spot interruption notice expired.`);
		} else if (next === -1 || i.spotInterruptionTick < next) {
			next = i.spotInterruptionTick;
		}
	}

	s.spotDueTick = next;
}

function endZoneOutage(s: Working, zone: string): void {
	s.zones[zone]!.isDown = false;
	for (const i of instanceList(s)) {
		if (i.zone === zone && i.isHungByOutage === true) {
			i.isHung = false;
			i.isHungByOutage = false;
		}
	}

	appendEvent(s, 'fault', `Availability Zone ${zone} recovered`, '');
}

function runChaosMonkey(s: Working): void {
	const c = s.chaosMonkey;
	if (!c.isEnabled) return;
	const tick = s.clock.tick;
	if (c.nextAtTick === -1) c.nextAtTick = tick + Math.max(1, c.intervalTicks);
	if (tick < c.nextAtTick) return;
	c.nextAtTick = tick + Math.max(1, c.intervalTicks);
	const eligible = s.instanceOrder.map(id => s.instances[id]!).filter(i => i.asgLifecycle === 'InService' && i.ec2State === 'running');
	if (eligible.length === 0) {
		appendEvent(s, 'fault', 'Chaos Monkey found no InService instance to terminate', '');
		return;
	}

	const victim = drawPick(s, eligible);
	terminateInstance(s, victim.id, '');
	appendEvent(s, 'fault', `Chaos Monkey terminated instance ${victim.id} (group ${s.config.autoScaling?.name ?? 'none'}, zone ${victim.zone})`, `${at(s)} Chaos Monkey: one random instance every ${c.intervalTicks * s.config.tickSeconds} s.`);
}
