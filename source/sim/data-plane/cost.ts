/**
 * Cost, aws-behaviour.md §6.2: instances bill per second while `running`, with a 60 s minimum
 * each time they enter `running` (charged up front, so the total never goes down); spot and
 * reserved pay a fraction of on-demand; the load balancer (when the run has one) bills by the
 * hour, prorated per second, for the whole run; each Elastic IP bills $0.005/h while allocated.
 * The data plane's pass (./network.ts) bills each instance right after serving it.
 */
import {elasticIpUsdPerHour, instanceTypes, loadBalancerUsdPerHour, purchasePriceFactor} from '../catalog.js';
import type {Instance, SimState} from '../types.js';
import type {Working} from '../working.js';
import {hasLoadBalancer} from './elb.js';
import {cacheUsdPerHour, databaseUsdPerHour} from './tiers.js';
import {appTierUsdPerHour} from './app-tier.js';
import {cdnUsdPerHour} from './cdn.js';

/** Minimum billed seconds per start (Linux per-second billing). */
export const minimumBilledSeconds = 60;

/** What an instance costs per hour (0 when unknown). */
export function instanceUsdPerHour(i: Pick<Instance, 'instanceType' | 'purchaseOption'>): number {
	return (instanceTypes[i.instanceType]?.priceUsdPerHour ?? 0) * purchasePriceFactor[i.purchaseOption];
}

/** The load balancer's hourly price, USD/h (0 for a run without one). */
export function loadBalancerHourlyUsd(s: Pick<SimState, 'config'>): number {
	return hasLoadBalancer(s) ? loadBalancerUsdPerHour[s.config.loadBalancer.kind] : 0;
}

/** The fleet's run rate right now, USD/h: running instances + the load balancer + Elastic IPs + the app tier + a dedicated database + the cache + the CDN at the rate expected now. */
export function runRateUsdPerHour(s: Pick<SimState, 'instances' | 'instanceOrder' | 'config' | 'database' | 'appTier' | 'cache' | 'cdn' | 'flow'>): number {
	let rate = loadBalancerHourlyUsd(s) + databaseUsdPerHour(s) + appTierUsdPerHour(s) + cacheUsdPerHour(s) + cdnUsdPerHour(s);
	for (const id of s.instanceOrder) {
		const i = s.instances[id]!;
		if (i.ec2State === 'running') rate += instanceUsdPerHour(i);
		if (i.hasElasticIp && i.ec2State !== 'terminated') rate += elasticIpUsdPerHour;
	}

	return rate;
}

/** Per-tick constants of billing, read once per tick (`billContext`) instead of once per instance. */
export type BillContext = {
	readonly dt: number;
	readonly tick: number;
	readonly totals: Working['totals'];
	readonly billedSeconds: number[];
	readonly costUsd: number[];
	/** An Elastic IP's charge for one tick, USD. */
	readonly elasticIpUsdPerTick: number;
	/** Seconds billed when an instance enters `running` (the minimum, or one tick if longer). */
	readonly startBilledSeconds: number;
};

/** This tick's billing constants. */
export function billContext(s: Working): BillContext {
	const dt = s.config.tickSeconds;
	const figures = s.dataPlane.instances;
	return {dt, tick: s.clock.tick, totals: s.totals, billedSeconds: figures.billedSeconds, costUsd: figures.costUsd, elasticIpUsdPerTick: elasticIpUsdPerHour * dt / 3600, startBilledSeconds: Math.max(minimumBilledSeconds, dt)};
}

/**
 * Bills instance `k` (record `i`) for this tick, Elastic IP included; returns USD and counts it
 * into `totals`. `hourlyUsd`: what it costs per running hour, purchase option applied.
 */
export function billInstance(b: BillContext, i: Working['instances'][string], k: number, hourlyUsd: number): number {
	const dt = b.dt;
	let usd = 0;
	const state = i.ec2State;
	if (i.hasElasticIp && state !== 'terminated') {
		b.totals.elasticIpSeconds += dt;
		usd += b.elasticIpUsdPerTick;
	}

	if (state !== 'running') return usd;
	const sinceStartSeconds = (b.tick - i.ec2StateSinceTick) * dt;
	let billed = 0;
	if (sinceStartSeconds === 0) billed = b.startBilledSeconds;
	else if (sinceStartSeconds >= minimumBilledSeconds || sinceStartSeconds < 0) billed = dt;
	if (billed === 0) return usd;
	const instanceUsd = hourlyUsd * billed / 3600;
	b.billedSeconds[k] += billed;
	b.costUsd[k] += instanceUsd;
	b.totals.instanceSeconds += billed;
	return usd + instanceUsd;
}

/**
 * Fleet-level part of a tick's bill: the load balancer's hour share (when the run has one), the
 * running total and the peaks (running instances, and their hourly price, for the
 * fixed-peak-fleet counterfactual).
 */
export function billFleet(s: Working, instancesUsd: number, running: number, runningUsdPerHour: number): void {
	const dt = s.config.tickSeconds;
	const totals = s.totals;
	const lbUsdPerHour = loadBalancerHourlyUsd(s);
	if (lbUsdPerHour > 0) totals.elbSeconds += dt;
	totals.costUsd += instancesUsd + (lbUsdPerHour * dt / 3600);
	if (running > totals.peakInstances) totals.peakInstances = running;
	if (runningUsdPerHour > totals.peakInstancesUsdPerHour) totals.peakInstancesUsdPerHour = runningUsdPerHour;
}
