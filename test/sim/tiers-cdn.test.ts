/**
 * The CDN in front of the load balancer (issue 10; docs/tiers.md "CDN"): `staticShare` of the
 * arriving requests are answered at the edge — counted as served, at the edge's latency, billed
 * per GB and per request as CloudFront bills — and never reach the load balancer or the fleet.
 */
import {describe, expect, it} from 'vitest';
import {bytesPerGb, cdnEdgeLatencyMs, cdnResponseBytes, cdnUsdPer10kRequests, cdnUsdPerGb, cdnUsdPerRequest} from '../../source/sim/catalog.js';
import {advance, checkConfig, createInitialState, makeConfig, selectHeader, selectSummary, type SimConfig} from '../../source/sim/index.js';
import {handleCdnShareSet} from '../../source/sim/handlers/cdn.js';
import {runTick, type TickCarry} from '../../source/sim/tick.js';
import {ringValues} from '../../source/sim/systems/ring.js';
import type {SimState} from '../../source/sim/types.js';
import type {Working} from '../../source/sim/working.js';

function config(rate: number, staticShare: number | undefined, seed = 4): SimConfig {
	return makeConfig({
		seed,
		autoScaling: {min: 3, max: 3, desired: 3, instanceType: 'c5.large', zones: ['us-east-1a', 'us-east-1b'], healthCheckType: 'EC2'},
		loadBalancer: {kind: 'application'},
		tiers: staticShare === undefined ? {} : {cdn: {staticShare}},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: rate},
	});
}

/** Every tick: requests conserved, the fleet routed exactly what the edge left, and the cost never goes down. */
function run(c: SimConfig, ticks: number, each?: (s: Working, tick: number) => void): {s: Working; fleetArrivals: number[]; cpu: number[]} {
	const s = structuredClone(createInitialState(c)) as Working;
	const carry: TickCarry = {};
	const fleetArrivals: number[] = [];
	const cpu: number[] = [];
	let cost = 0;
	for (let k = 0; k < ticks; k++) {
		each?.(s, k);
		runTick(s, carry);
		const routed = s.dataPlane.instances.routedLastTick.reduce((a, b) => a + b, 0);
		expect(routed + (s.cdn?.servedLastTick ?? 0)).toBe(s.flow.arrived);
		expect(s.flow.routed).toBe(routed);
		expect(s.totals.arrived).toBeCloseTo(s.totals.completed + s.totals.failed + s.flow.inFlight, 6);
		expect(s.totals.costUsd).toBeGreaterThanOrEqual(cost);
		cost = s.totals.costUsd;
		fleetArrivals.push(routed);
		cpu.push(s.flow.cpuAvgPercent);
	}

	return {s, fleetArrivals, cpu};
}

const meanOf = (a: readonly number[], from = 0): number => a.slice(from).reduce((x, y) => x + y, 0) / (a.length - from);

describe('the CDN in front of the load balancer', () => {
	it('its share never reaches the fleet: the fleet sees Poisson arrivals at (1 − share) of the rate, and its CPU falls by as much', () => {
		const lambda = 120;
		const share = 0.6;
		const ticks = 3000;
		const withCdn = run(config(lambda, share), ticks);
		const without = run(config(lambda, undefined), ticks);
		const arrivals = withCdn.fleetArrivals;
		const m = meanOf(arrivals);
		expect(m / (lambda * (1 - share))).toBeCloseTo(1, 1);
		// Thinning keeps them Poisson: the variance per tick is the mean (not (1 − share)² λ).
		const variance = arrivals.reduce((a, x) => a + ((x - m) ** 2), 0) / (arrivals.length - 1);
		expect(variance / m).toBeGreaterThan(0.9);
		expect(variance / m).toBeLessThan(1.1);
		// Web CPU: 33.6 ms per request over 3 × 2 vCPUs.
		expect(meanOf(without.cpu, 60)).toBeCloseTo(100 * lambda * 33.6 / 1000 / 6, -0.5);
		expect(meanOf(withCdn.cpu, 60)).toBeCloseTo(100 * lambda * (1 - share) * 33.6 / 1000 / 6, -0.5);
		// The ELB's own counts and CloudWatch's RequestCount leave the edge out; the summary counts every request.
		const summary = selectSummary(withCdn.s);
		const routed = Object.values(summary.elb.routed).reduce((a, b) => a + b, 0);
		expect(routed + summary.tiers.cdn!.requests!).toBe(summary.requests.arrived);
		const minutes = ringValues(withCdn.s.cloudwatch['RequestCount']!);
		expect(meanOf(minutes) / (60 * lambda * (1 - share))).toBeCloseTo(1, 1);
		// The edge's requests are served at its latency: the mean end to end is the mix.
		// The web tier's own figures leave the edge out.
		const fleetMean = summary.tiers.web.latencyMs.mean;
		expect(fleetMean).toBeGreaterThan(33.6);
		expect(summary.latencyMs.mean).toBeCloseTo((share * cdnEdgeLatencyMs) + ((1 - share) * fleetMean), 0);
		expect(summary.latencyMs.p50).toBeLessThan(fleetMean);
	});

	it('is billed per GB and per 10,000 requests as CloudFront is, in the running total, the run rate and the fixed-peak fleet', () => {
		expect(cdnUsdPerRequest).toBeCloseTo((cdnUsdPerGb * cdnResponseBytes / bytesPerGb) + (cdnUsdPer10kRequests / 10_000), 15);
		expect(cdnUsdPerRequest).toBeCloseTo(3.432e-6, 9);
		const withCdn: SimState = advance(createInitialState(config(100, 0.5)), 1800);
		const without: SimState = advance(createInitialState(config(100, undefined)), 1800);
		const served = withCdn.cdn!.served;
		expect(served / (100 * 0.5 * 1800)).toBeCloseTo(1, 1);
		expect(withCdn.cdn!.costUsd).toBeCloseTo(served * cdnUsdPerRequest, 12);
		// The fleet is the same fixed three instances: the difference in the total is the CDN's bill.
		expect(withCdn.totals.costUsd - without.totals.costUsd).toBeCloseTo(withCdn.cdn!.costUsd, 9);
		const summary = selectSummary(withCdn);
		expect(summary.tiers.cdn!.costUsd).toBeCloseTo(withCdn.cdn!.costUsd, 6);
		expect(summary.tiers.cdn!.gigabytes).toBeCloseTo(served * 30 * 1024 / (2 ** 30), 5);
		expect(summary.cost.fixedPeakFleetUsd - selectSummary(without).cost.fixedPeakFleetUsd).toBeCloseTo(withCdn.cdn!.costUsd, 6);
		// The run rate: the expected edge rate's bill per hour on top of the fleet's.
		expect(selectHeader(withCdn).runRateUsdPerHour - selectHeader(without).runRateUsdPerHour).toBeCloseTo(100 * 0.5 * 3600 * cdnUsdPerRequest, 9);
	});

	it('the cdn action moves the share mid-run, requests conserved and cost never decreasing at every tick; a share outside [0, 1] is refused', () => {
		const shares: number[] = [];
		const r = run(config(80, undefined), 900, (s, tick) => {
			if (tick === 200) handleCdnShareSet(s, {type: 'cdn/share-set', staticShare: 0.6});
			if (tick === 500) handleCdnShareSet(s, {type: 'cdn/share-set', staticShare: 0});
			if (tick === 700) handleCdnShareSet(s, {type: 'cdn/share-set', staticShare: 1.5});
			shares.push(s.cdn?.staticShare ?? 0);
		});
		expect(meanOf(r.fleetArrivals.slice(0, 200))).toBeCloseTo(80, -0.5);
		expect(meanOf(r.fleetArrivals.slice(200, 500))).toBeCloseTo(32, -0.5);
		expect(meanOf(r.fleetArrivals.slice(500))).toBeCloseTo(80, -0.5);
		expect(shares[899]).toBe(0);
		expect(r.s.events.at(-1)?.message).toBe('CDN 150 % refused: the static share must be from 0 to 1, got 1.5');
		expect(checkConfig(config(80, 1.2))).toContain('tiers.cdn.staticShare: must be from 0 to 1, got 1.2.');
	});
});
