/**
 * The load generator (tick step 3). Open loop: the pattern's rate × the user's base-rate
 * scaling × any spike in force, with Poisson (or evenly spaced) arrivals. Closed loop
 * (ApacheBench-like): `concurrency` clients, each sending its next request when the previous
 * one returns plus think time Z; per tick the throughput is X = min(N / (S + Z), capacity)
 * and the response time R = N / X − Z (the response-time law), since 1-s ticks cannot
 * resolve 33.6 ms requests one by one (simulation.md §5, accuracy trap 2).
 *
 * The functions at the bottom are the effects of the `traffic/*` and `network/*` actions;
 * `step` (the control plane's handlers) calls them.
 */
import type {LoadConfig} from '../config.js';
import {hash32, poissonFromUnit, streamKey, streams, unitOf} from '../rng.js';
import type {Working} from '../working.js';
import {capacityWith} from './fleet.js';
import {nominalRate, patternRate, recordedCount} from './load-patterns.js';

/** Open-loop rate right now, req/s, before Poisson noise. */
export function currentOpenRate(s: Working): number {
	const load = s.config.load;
	if (load.kind !== 'open') return 0;
	const tick = s.clock.tick;
	const seconds = tick * s.config.tickSeconds;
	const nominal = nominalRate(load);
	const base = s.traffic.baseRatePerSecond;
	const rate = nominal > 0 ? patternRate(load, seconds) * (base / nominal) : base;
	return rate * (tick < s.traffic.spikeUntilTick ? s.traffic.spikeFactor : 1);
}

/** Capacity of the instances the ELB would route to now (healthy targets, or running standalone ones), req/s. */
function servingCapacity(s: Working): number {
	let healthy = 0;
	let direct = 0;
	let hasTargets = false;
	const order = s.instanceOrder;
	const credits = s.dataPlane.instances.cpuCredits;
	for (let k = 0; k < order.length; k++) {
		const i = s.instances[order[k]!]!;
		if (i.isBehindLoadBalancer) {
			hasTargets = true;
			if (i.target.health === 'healthy' && i.ec2State === 'running' && !i.isHung) healthy += capacityWith(s, i.instanceType, credits[k]!);
		} else if (i.ec2State === 'running' && !i.isHung) {
			direct += capacityWith(s, i.instanceType, credits[k]!);
		}
	}

	return hasTargets ? healthy : direct;
}

/**
 * The uniform behind tick `tick`'s arrival count: the arrivals stream (../rng.ts) depends only on
 * the seed and the tick, so runs with the same load see the same arrivals whatever else differs.
 */
export function arrivalUnit(seed: number, tick: number): number {
	return unitOf(hash32(streamKey(seed, streams.arrivals), tick));
}

/** Tick step 3: this tick's arrivals into `s.flow.arrived` and the expected rate. */
export function generateTraffic(s: Working): void {
	const dt = s.config.tickSeconds;
	const t = s.traffic;
	const tick = s.clock.tick;
	if (t.slowdownUntilTick !== -1 && tick >= t.slowdownUntilTick) {
		t.slowdownMs = 0;
		t.slowdownUntilTick = -1;
	}

	if (t.spikeUntilTick !== -1 && tick >= t.spikeUntilTick) {
		t.spikeFactor = 1;
		t.spikeUntilTick = -1;
	}

	const load = s.config.load;
	let arrivals: number;
	let rate: number;
	if (load.kind === 'open') {
		rate = currentOpenRate(s);
		s.flow.closedResponseSeconds = -1;
		if (load.pattern === 'recorded') {
			// Replay: the recorded requests of this tick's window, exactly (no Poisson noise),
			// times the user's base-rate scaling and any spike; fractions carried to the next tick.
			const nominal = nominalRate(load);
			const factor = (nominal > 0 ? t.baseRatePerSecond / nominal : 0) * (tick < t.spikeUntilTick ? t.spikeFactor : 1);
			const seconds = tick * dt;
			const expected = recordedCount(load, seconds, seconds + dt) * factor;
			rate = expected / dt;
			const exact = t.carry + expected;
			arrivals = Math.floor(exact + 1e-9);
			t.carry = Math.max(0, exact - arrivals);
		} else if (load.arrivals === 'poisson') {
			arrivals = poissonFromUnit(rate * dt, arrivalUnit(s.config.seed, tick));
		} else {
			const exact = t.carry + (rate * dt);
			arrivals = Math.floor(exact);
			t.carry = exact - arrivals;
		}
	} else {
		const clients = t.closedClients;
		const serviceSeconds = s.config.app.cpuMs / 1000;
		const slowSeconds = t.slowdownMs / 1000;
		const unbounded = clients / (serviceSeconds + load.thinkSeconds + slowSeconds);
		const capacity = servingCapacity(s);
		rate = capacity > 0 ? Math.min(unbounded, capacity) : unbounded;
		s.flow.closedResponseSeconds = rate > 0 ? Math.max(serviceSeconds, (clients / rate) - load.thinkSeconds - slowSeconds) : 0;
		const exact = t.carry + (rate * dt);
		arrivals = Math.floor(exact);
		t.carry = exact - arrivals;
		if (t.closedRemaining >= 0) {
			arrivals = Math.min(arrivals, t.closedRemaining);
			t.closedRemaining -= arrivals;
			if (t.closedRemaining === 0) rate = Math.min(rate, arrivals / dt);
		}
	}

	s.flow.arrived = arrivals;
	s.flow.expectedRatePerSecond = rate;
	t.arrivalRateLastTick = arrivals / dt;
}

/** Initial `SimState.traffic` for a load config. */
export function initialTraffic(load: LoadConfig): Working['traffic'] {
	return {
		baseRatePerSecond: load.kind === 'open' ? nominalRate(load) : 0,
		spikeFactor: 1,
		spikeUntilTick: -1,
		slowdownMs: 0,
		slowdownUntilTick: -1,
		closedClients: load.kind === 'closed' ? load.concurrency : 0,
		closedRemaining: load.kind === 'closed' ? load.requests ?? -1 : -1,
		carry: 0,
		arrivalRateLastTick: 0,
	};
}

/** `traffic/spike-started`: multiply the load by `factor` for `durationSeconds` (a new spike replaces one in force). */
export function startSpike(s: Working, factor: number, durationSeconds: number): void {
	s.traffic.spikeFactor = Math.max(0, factor);
	s.traffic.spikeUntilTick = s.clock.tick + Math.max(1, Math.ceil(durationSeconds / s.config.tickSeconds));
}

/** `traffic/base-rate-scaled`: open loop × factor on the base rate; closed loop × factor on the clients (at least 1). */
export function scaleBaseRate(s: Working, factor: number): void {
	if (s.config.load.kind === 'open') s.traffic.baseRatePerSecond = Math.max(0, s.traffic.baseRatePerSecond * factor);
	else s.traffic.closedClients = Math.max(1, Math.round(s.traffic.closedClients * factor));
}

/** `traffic/base-rate-set`: the open loop's base (nominal) rate, req/s. No effect on a closed loop. */
export function setBaseRate(s: Working, ratePerSecond: number): void {
	if (s.config.load.kind === 'open') s.traffic.baseRatePerSecond = Math.max(0, ratePerSecond);
}

/** `network/slowdown-started`: every request takes `extraLatencyMs` longer for `durationSeconds`. */
export function startSlowdown(s: Working, extraLatencyMs: number, durationSeconds: number): void {
	s.traffic.slowdownMs = Math.max(0, extraLatencyMs);
	s.traffic.slowdownUntilTick = s.clock.tick + Math.max(1, Math.ceil(durationSeconds / s.config.tickSeconds));
}
