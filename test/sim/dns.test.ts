/**
 * DNS round-robin (issue 11, docs/dns.md): no health checks, records change only by actions,
 * clients hold their answer for the TTL from their own lookup (5 % of them for an hour). The
 * share of requests a dead instance still gets after its record is removed, and the share a new
 * record gains, against the closed form of the model (the uniform-age form); the closed form
 * itself against a per-client simulation; the dead instance's requests are 502s.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {advance, createInitialState, makeConfig, step, type SimAction, type SimState} from '../../source/sim/index.js';
import type {ConfigInput} from '../../source/sim/defaults.js';
import {currentRecords, dnsShares} from '../../source/sim/data-plane/dns.js';
import {simActionArbitrary} from '../helpers/sim-arbitraries.js';

const ttl = 300;
const longShare = 0.05;
const longSeconds = 3600;

function dnsFleet(n: number, extra: ConfigInput = {}): ConfigInput {
	return {
		durationSeconds: 3600,
		autoScaling: {min: n, max: n + 2, desired: n, instanceType: 'c5.large', healthCheckType: 'EC2'},
		loadBalancer: {kind: 'dns', dns: {ttlSeconds: ttl, longCacheShare: longShare, longCacheSeconds: longSeconds}},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 160},
		...extra,
	};
}

/** The share of a record removed t seconds ago that its clients still hold (was 1/n): the uniform-age form. */
const remaining = (t: number): number => ((1 - longShare) * Math.max(0, 1 - (t / ttl))) + (longShare * Math.max(0, 1 - (t / longSeconds)));

/** Per tick: arrivals and what one instance was routed, and the 502s. */
type Tick = {readonly arrived: number; readonly routed: number; readonly errors502: number};

/** Run tick by tick from `s`, applying `actions` at their tick, and record instance `id`'s routed requests. */
function runWatching(s: SimState, ticks: number, id: string, actions: Record<number, SimAction> = {}): {readonly state: SimState; readonly ticks: Tick[]} {
	const out: Tick[] = [];
	let state = s;
	for (let t = 0; t < ticks; t++) {
		const action = actions[state.clock.tick];
		if (action) state = step(state, action);
		state = advance(state, 1);
		const k = state.instanceOrder.indexOf(id);
		out.push({arrived: state.flow.arrived, routed: k < 0 ? 0 : state.dataPlane.instances.routedLastTick[k]!, errors502: state.flow.errors['502']});
	}

	return {state, ticks: out};
}

/** Requests routed to the instance over ticks [from, to) as a share of the arrivals. */
function shareOver(ticks: readonly Tick[], from: number, to: number): number {
	let routed = 0;
	let arrived = 0;
	for (let t = from; t < to; t++) {
		routed += ticks[t]!.routed;
		arrived += ticks[t]!.arrived;
	}

	return routed / arrived;
}

/** The closed form's mean over the ticks [from, to) (tick t holds the lookups up to t + 1 seconds after the change at tick c). */
function meanOf(form: (seconds: number) => number, change: number, from: number, to: number): number {
	let sum = 0;
	for (let t = from; t < to; t++) sum += form(t + 1 - change);
	return sum / (to - from);
}

describe('DNS round-robin: a dead instance and its record', () => {
	const kill = 60;
	const removal = 180;
	const start = createInitialState(makeConfig(dnsFleet(4)));
	const {state, ticks} = runWatching(start, 3000, 'i-0001', {
		[kill]: {type: 'instance/terminate-requested', target: 'i-0001'},
		[removal]: {type: 'dns/record-removed', target: 'i-0001'},
	});

	it('the record set starts with the preset\'s instances, and only the action changed it', () => {
		expect(currentRecords(start.dns!)).toEqual(['i-0001', 'i-0002', 'i-0003', 'i-0004']);
		// The group replaced i-0001 (i-0005), but nothing put the new instance in DNS: no request reached it.
		expect(state.instances['i-0005']?.ec2State).toBe('running');
		expect(currentRecords(state.dns!)).toEqual(['i-0002', 'i-0003', 'i-0004']);
		expect(state.dataPlane.instances.routedTotal[state.instanceOrder.indexOf('i-0005')]).toBe(0);
	});

	it('while its record stays, a dead instance keeps its whole share (no health checks) and every request to it is a 502', () => {
		expect(shareOver(ticks, kill + 1, removal)).toBeCloseTo(0.25, 2);
		for (let t = kill + 1; t < removal; t++) expect(ticks[t]!.errors502).toBe(ticks[t]!.routed);
	});

	it('after the removal its share decays as the TTL says: (1 − s)(1 − t/TTL) + s(1 − t/1 h), within 5 %', () => {
		for (const [from, to] of [[0, 60], [60, 120], [120, 180], [180, 240], [240, 300], [300, 900], [900, 1800], [1800, 2700]] as const) {
			const expected = meanOf(remaining, removal, removal + from, removal + to) / 4;
			const measured = shareOver(ticks, removal + from, removal + to);
			expect(Math.abs(measured - expected)).toBeLessThan((0.05 * expected) + 0.0005);
		}

		// Past the TTL only the long-caching clients are left: a trickle of 502s for the hour.
		expect(shareOver(ticks, removal + 300, removal + 360)).toBeLessThan(0.0125);
		expect(shareOver(ticks, removal + 300, removal + 360)).toBeGreaterThan(0.01);
	});

	it('the 502s are the requests sent to the dead address, and the survivors took the rest', () => {
		let errors = 0;
		let routed = 0;
		for (let t = kill + 1; t < ticks.length; t++) {
			errors += ticks[t]!.errors502;
			routed += ticks[t]!.routed;
		}

		expect(errors).toBe(routed);
		expect(state.totals.arrived).toBe(state.totals.completed + state.totals.failed + state.flow.inFlight);
	});
});

describe('DNS round-robin: a record whose instance has left the list', () => {
	it('still gets its share an hour after the instance terminated; those requests are 502s counted with routedToRemoved, routed to no target', () => {
		let s = step(createInitialState(makeConfig(dnsFleet(4))), {type: 'instance/terminate-requested', target: 'i-0001'});
		s = advance(s, 3900);
		expect(s.instanceOrder).not.toContain('i-0001');
		expect(currentRecords(s.dns!)).toContain('i-0001');
		const before = s.totals.routedToRemoved;
		const errorsBefore = s.totals.errors['502'];
		s = advance(s, 600);
		const lost = s.totals.routedToRemoved - before;
		expect(lost / (600 * 160)).toBeCloseTo(0.25, 2);
		expect(s.totals.errors['502'] - errorsBefore).toBe(lost);
		expect(s.dataPlane.instances.routedLastTick.reduce((x, y) => x + y, 0)).toBe(s.flow.routed);
		expect(s.flow.routed).toBeLessThan(s.flow.arrived);
	});
});

describe('DNS round-robin: a new record', () => {
	it('a new instance gets traffic only as caches expire: its share grows as 1/(N + 1) × ((1 − s) min(1, t/TTL) + s min(1, t/1 h)), within 5 %', () => {
		const added = 600;
		let s = createInitialState(makeConfig(dnsFleet(3)));
		s = advance(step(s, {type: 'asg/desired-capacity-changed', desired: 4}), 120);
		expect(s.instances['i-0004']?.ec2State).toBe('running');
		const grow = (t: number): number => ((1 - longShare) * Math.min(1, t / ttl)) + (longShare * Math.min(1, t / longSeconds));
		const {ticks} = runWatching(s, 2400, 'i-0004', {[added]: {type: 'dns/record-added', target: 'i-0004'}});
		const base = s.clock.tick;
		expect(shareOver(ticks, 0, added - base)).toBe(0);
		for (const [from, to] of [[0, 60], [60, 120], [120, 240], [240, 300], [300, 600], [600, 1200]] as const) {
			const expected = meanOf(grow, added, added + from, added + to) / 4;
			const measured = shareOver(ticks, added - base + from, added - base + to);
			expect(Math.abs(measured - expected)).toBeLessThan((0.05 * expected) + 0.0005);
		}
	});
});

describe('the closed form against a per-client simulation', () => {
	/** 40,000 clients, each with a lookup phase and a class; a lookup picks one of the records in force uniformly. */
	function perClientShare(seconds: number[]): number[] {
		let seed = 12_345;
		const unit = (): number => {
			seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
			return seed / 4_294_967_296;
		};

		const clients = 40_000;
		const n = 4;
		const out = seconds.map(() => 0);
		for (let c = 0; c < clients; c++) {
			const lifetime = unit() < longShare ? longSeconds : ttl;
			// Looked up at −phase (before the removal at 0) and then every lifetime; holds record `held`.
			let next = lifetime - (unit() * lifetime);
			let holdsDead = Math.floor(unit() * n) === 0;
			for (const t of [...seconds].sort((a, b) => a - b)) {
				while (next <= t) {
					holdsDead = false; // after the removal a lookup never returns it
					next += lifetime;
				}

				out[seconds.indexOf(t)]! += holdsDead ? 1 : 0;
			}
		}

		return out.map(count => count / clients);
	}

	it('a removed record\'s share t seconds on: the uniform-age form, within 0.005', () => {
		const at = [0, 30, 60, 150, 240, 299, 330, 900, 1800, 3000];
		const simulated = perClientShare(at);
		const config = makeConfig(dnsFleet(4));
		const dns = {history: [{sinceTick: -3600, records: ['a', 'b', 'c', 'd']}, {sinceTick: 0, records: ['b', 'c', 'd']}]};
		for (const [j, t] of at.entries()) {
			// The model's share during tick t − 1 holds the lookups up to t seconds after the change.
			const model = t === 0 ? 0.25 : dnsShares(config, dns, t - 1)['a'] ?? 0;
			expect(Math.abs(model - (remaining(t) / 4))).toBeLessThan(1e-9);
			expect(Math.abs(simulated[j]! - model)).toBeLessThan(0.005);
		}
	});
});

describe('DNS actions', () => {
	it('are refused when they cannot apply, with the reason in the log', () => {
		let s = createInitialState(makeConfig(dnsFleet(2)));
		s = step(s, {type: 'dns/record-removed', target: 'i-0009'});
		s = step(s, {type: 'dns/record-added', target: 'i-0001'});
		s = step(s, {type: 'dns/record-removed', target: 'i-0001'});
		s = step(s, {type: 'dns/record-removed', target: 'i-0002'});
		const messages = s.events.map(e => e.message);
		expect(messages).toContain('DNS remove record i-0009 refused: i-0009 has no DNS record (records: i-0001, i-0002)');
		expect(messages).toContain('DNS add record i-0001 refused: i-0001 already has a record');
		expect(messages.some(m => m.startsWith('DNS remove record i-0001: removed, 1 left; clients switch as their cached answers expire: 95% within the TTL (5 min), the rest within 60 min'))).toBe(true);
		expect(messages).toContain('DNS remove record i-0002 refused: i-0002 is the last record: the name would have no address');
		s = step(s, {type: 'elb/algorithm-changed'});
		expect(s.events.at(-1)?.message).toBe('next routing algorithm refused: DNS round-robin has no load balancer to route with (the clients pick the records)');
		const elb = step(createInitialState(makeConfig({loadBalancer: {kind: 'application'}})), {type: 'dns/record-added', target: 'newest'});
		expect(elb.events.at(-1)?.message).toBe('DNS add record newest refused: this run has no DNS round-robin (loadBalancer.kind is not dns)');
	});
});

describe('conservation behind DNS under random actions and time', () => {
	const targets = ['random', 'oldest', 'newest', 'i-0001', 'i-0002', 'i-0003', 'i-0004', 'i-0005', 'i-0009'];
	const target = fc.constantFrom(...targets);
	const action = fc.oneof(
		simActionArbitrary(targets),
		fc.record({type: fc.constant('dns/record-added' as const), target}),
		fc.record({type: fc.constant('dns/record-removed' as const), target}),
	);
	const plan = fc.array(fc.record({action: fc.option(action, {nil: undefined}), ticks: fc.integer({min: 1, max: 400})}), {minLength: 1, maxLength: 12});

	it('arrived = completed + failed + in flight at every tick, routed counts add up, every record set is non-empty, and the shares add up to 1', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 150}), fc.integer({min: 1, max: 1000}), plan, (rate, seed, steps) => {
				let s = createInitialState(makeConfig({...dnsFleet(3, {load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: rate}}), seed, autoScaling: {min: 1, max: 6, desired: 3, instanceType: 't2.micro', healthCheckType: 'EC2'}}));
				for (const {action: a, ticks} of steps) {
					if (a) s = step(s, a);
					s = advance(s, ticks);
					const t = s.totals;
					expect(t.arrived).toBe(t.completed + t.failed + s.flow.inFlight);
					expect(Object.values(s.failureCauses).reduce((x, y) => x + y, 0)).toBe(t.failed);
					expect(s.dataPlane.instances.routedLastTick.reduce((x, y) => x + y, 0)).toBe(s.flow.routed);
					expect(currentRecords(s.dns!).length).toBeGreaterThan(0);
					const shares = Object.values(dnsShares(s.config, s.dns!, s.clock.tick - 1));
					expect(shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
				}
			}),
			{numRuns: 20, seed: 20_261_204},
		);
	});
});
