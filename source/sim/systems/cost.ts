/**
 * Cost (tick step 6), aws-behaviour.md §6.2: instances bill per second while `running`, with
 * a 60 s minimum each time they enter `running` (charged up front, so the total never goes
 * down); spot and reserved pay a fraction of on-demand; the load balancer bills by the hour
 * (prorated per second) for the whole run; each Elastic IP bills $0.005/h while allocated.
 */
import {elasticIpUsdPerHour, instanceTypes, loadBalancerUsdPerHour, purchasePriceFactor} from '../catalog.js';
import type {Instance, SimState} from '../types.js';
import type {Working} from '../working.js';

/** Minimum billed seconds per start (Linux per-second billing). */
export const minimumBilledSeconds = 60;

/** What an instance costs per hour (0 when unknown). */
export function instanceUsdPerHour(i: Pick<Instance, 'instanceType' | 'purchaseOption'>): number {
	return (instanceTypes[i.instanceType]?.priceUsdPerHour ?? 0) * purchasePriceFactor[i.purchaseOption];
}

/** The fleet's run rate right now, USD/h: running instances + the load balancer + Elastic IPs. */
export function runRateUsdPerHour(s: Pick<SimState, 'instances' | 'instanceOrder' | 'config'>): number {
	let rate = loadBalancerUsdPerHour[s.config.loadBalancer.kind];
	for (const id of s.instanceOrder) {
		const i = s.instances[id]!;
		if (i.ec2State === 'running') rate += instanceUsdPerHour(i);
		if (i.hasElasticIp && i.ec2State !== 'terminated') rate += elasticIpUsdPerHour;
	}

	return rate;
}

/** Tick step 6. */
export function accrueCost(s: Working): void {
	const dt = s.config.tickSeconds;
	const tick = s.clock.tick;
	const totals = s.totals;
	let running = 0;
	let cost = 0;
	for (const id of s.instanceOrder) {
		const i = s.instances[id]!;
		if (i.hasElasticIp && i.ec2State !== 'terminated') {
			totals.elasticIpSeconds += dt;
			cost += elasticIpUsdPerHour * dt / 3600;
		}

		if (i.ec2State !== 'running') continue;
		running += 1;
		const sinceStartSeconds = (tick - i.ec2StateSinceTick) * dt;
		let billed = 0;
		if (sinceStartSeconds === 0) billed = Math.max(minimumBilledSeconds, dt);
		else if (sinceStartSeconds >= minimumBilledSeconds) billed = dt;
		else if (sinceStartSeconds < 0) billed = dt;
		if (billed === 0) continue;
		const usd = instanceUsdPerHour(i) * billed / 3600;
		i.billedSeconds += billed;
		i.costUsd += usd;
		totals.instanceSeconds += billed;
		cost += usd;
	}

	totals.elbSeconds += dt;
	cost += loadBalancerUsdPerHour[s.config.loadBalancer.kind] * dt / 3600;
	totals.costUsd += cost;
	if (running > totals.peakInstances) totals.peakInstances = running;
}
