/**
 * A key's action on both sides of a live comparison. Most actions are the same on both (a
 * spike, a load change, desired capacity, the routing algorithm, Chaos Monkey). An action on an
 * instance goes to the same instance id on B where B has it (running or starting), and to
 * nothing there otherwise; an action whose target the simulation picks (`x`: a random
 * instance, `z`: the busiest zone) is resolved on A, and B gets A's pick, so that both sides
 * suffer the same fault. Pure.
 */
import {selectInstances, selectZones, step, type SimAction, type SimState} from '../../sim/index.js';

/** What an action did on both sides. */
export type PairResult = {
	readonly a: SimState;
	readonly b: SimState;
	/** The action B got, or why it got none (`no i-0007 running`). */
	readonly forB: {readonly action: SimAction} | {readonly skipped: string};
};

/** Targets the simulation resolves itself. */
const isRule = (target: string) => target === 'random' || target === 'oldest' || target === 'newest';

const isAlive = (state: SimState, id: string) => selectInstances(state).some(instance => instance.id === id && (instance.ec2State === 'running' || instance.ec2State === 'pending'));

/** The instance the action on A took out of service (running or pending before, not after). */
function killedOn(before: SimState, after: SimState): string | undefined {
	const alive = new Set(selectInstances(before).filter(instance => instance.ec2State === 'running' || instance.ec2State === 'pending').map(instance => instance.id));
	return selectInstances(after).find(instance => alive.has(instance.id) && instance.ec2State !== 'running' && instance.ec2State !== 'pending')?.id;
}

/** The zone the action on A took down. */
function zoneDownOn(before: SimState, after: SimState): string | undefined {
	const down = new Set(selectZones(before).filter(zone => zone.isDown).map(zone => zone.zone));
	return selectZones(after).find(zone => zone.isDown && !down.has(zone.zone))?.zone;
}

/** B's part of an action A got (A before and after it). */
export function actionForB(action: SimAction, aBefore: SimState, aAfter: SimState, b: SimState): PairResult['forB'] {
	const sameInstance = (id: string): PairResult['forB'] => (isAlive(b, id) ? {action} : {skipped: `no ${id} running`});
	switch (action.type) {
		case 'instance/terminate-requested': {
			if (!isRule(action.target)) return sameInstance(action.target);
			const id = killedOn(aBefore, aAfter);
			if (id === undefined) return {action};
			return isAlive(b, id) ? {action: {...action, target: id}} : {skipped: `no ${id} running (A's pick)`};
		}

		case 'instance/hang-injected':
		case 'instance/scale-up-requested':
		case 'instance/stop-requested':
			return isRule(action.target) ? {action} : sameInstance(action.target);
		case 'zone/outage-started': {
			if (action.zone !== undefined) return {action};
			const zone = zoneDownOn(aBefore, aAfter);
			return zone === undefined ? {action} : {action: {...action, zone}};
		}

		default:
			return {action};
	}
}

/** Apply a key's action to both sides: A first, then B its part. */
export function actOnBoth(a: SimState, b: SimState, action: SimAction): PairResult {
	const nextA = step(a, action);
	const forB = actionForB(action, a, nextA, b);
	return {a: nextA, b: 'action' in forB ? step(b, forB.action) : b, forB};
}
