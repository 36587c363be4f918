/**
 * Sticky sessions (issue 11, docs/stateful.md, source/sim/data-plane/sticky.ts): a user keeps
 * going to the instance its cookie names, so with a database on every instance its reads are
 * consistent; the instance going away loses the sessions (and data) it held; a new instance gets
 * only the users without a valid cookie, so the load is uneven after a scale-out.
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {advance, createInitialState, makeConfig, step, type SimState} from '../../source/sim/index.js';
import type {ConfigInput} from '../../source/sim/defaults.js';
import {usersHeldAt} from '../../source/sim/data-plane/sticky.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';
import type {SimAction} from '../../source/sim/actions.js';
import {simActionArbitrary} from '../helpers/sim-arbitraries.js';
import {makeState} from '../helpers/make-state.js';

const minutes = 60;
const active = 2000;
const ratePerSecond = 40;

function fleet(n: number, extra: ConfigInput = {}): ConfigInput {
	return {
		durationSeconds: 30 * minutes,
		autoScaling: {min: 1, max: 6, desired: n, instanceType: 'c5.large', healthCheckType: 'EC2'},
		// Classic's default cookie lasts the browser session: no cookie expires during a run.
		loadBalancer: {kind: 'classic', crossZone: true, stickiness: {isEnabled: true}},
		users: {active, writeShare: 0.2},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond},
		...extra,
	};
}

const run = (input: ConfigInput, ticks = 30 * minutes): SimState => advance(createInitialState(makeConfig(input)), ticks);
const inconsistentShare = (s: SimState): number => s.consistency.inconsistentReads / s.consistency.readsAfterWrite;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('sticky sessions over clones that each carry their own database (colocated)', () => {
	it('a user reads where it wrote: no inconsistent read (without stickiness 2/3 of the reads after a write are)', () => {
		const s = run(fleet(3));
		expect(s.consistency.readsAfterWrite).toBeGreaterThan(30_000);
		expect(s.consistency.inconsistentReads).toBeLessThan(1e-6 * s.consistency.readsAfterWrite);
		expect(inconsistentShare(run(fleet(3, {loadBalancer: {kind: 'classic', crossZone: true}})))).toBeCloseTo(2 / 3, 2);
		// Every user is bound to one instance, a third each.
		const users = s.dataPlane.instances.stickyUsers;
		expect(sum(users)).toBeGreaterThan(active * 0.999);
		for (const n of users) expect(n).toBeCloseTo(active / 3, -1);
	});

	it('the ALB\'s 1-day cookie: the fluid model lets 1/86,400 of the cookies expire each second, so a few users are re-routed (under 0.3 % of the reads after a write)', () => {
		const s = run(fleet(3, {loadBalancer: {kind: 'application', stickiness: {isEnabled: true}}}));
		expect(s.config.loadBalancer.stickiness.durationSeconds).toBe(86_400);
		expect(inconsistentShare(s)).toBeGreaterThan(0);
		expect(inconsistentShare(s)).toBeLessThan(0.003);
	});

	it('a 10-minute cookie: users whose cookie expired come back to another clone, and part of their reads are stale', () => {
		const s = run(fleet(3, {loadBalancer: {kind: 'application', stickiness: {isEnabled: true, durationSeconds: 600}}}));
		expect(inconsistentShare(s)).toBeGreaterThan(0.1);
		expect(inconsistentShare(s)).toBeLessThan(0.25);
		// Shorter still, most users come back to another clone before they write: towards (N − 1)/N.
		const short = run(fleet(3, {loadBalancer: {kind: 'application', stickiness: {isEnabled: true, durationSeconds: 60}}}));
		expect(inconsistentShare(short)).toBeGreaterThan(inconsistentShare(s));
		expect(inconsistentShare(short)).toBeLessThan(2 / 3);
		// The data is where the users wrote it, each user's latest write once.
		expect(sum(short.dataPlane.instances.usersHeld) / short.consistency.writers).toBeCloseTo(1, 4);
	});
});

describe('lost sessions: the users held by the instance that went away', () => {
	it('a killed instance: its sessions and its data, each user once, counted the tick it terminates; its cookies still bring requests (failing) until the ELB stops routing to it', () => {
		let s = run(fleet(3), 10 * minutes);
		const heldBefore = usersHeldAt(s.dataPlane.instances, 0);
		expect(heldBefore).toBeGreaterThan(active / 3 * 0.95);
		s = step(s, {type: 'instance/terminate-requested', target: 'i-0001'});
		s = advance(s, 1);
		expect(s.flow.lostSessions).toBeCloseTo(heldBefore, 6);
		expect(s.consistency.lostSessions).toBeCloseTo(heldBefore, 6);
		expect(s.dataPlane.instances.stickyOrphans[0]).toBeGreaterThan(600);
		const failedBefore = s.totals.failed;
		s = advance(s, 5 * minutes);
		expect(s.totals.failed - failedBefore).toBeGreaterThan(100);
		// The ELB took it out; its users were bound afresh to the others, nothing counted twice.
		expect(s.consistency.lostSessions).toBeCloseTo(heldBefore, 6);
		expect(s.instances['i-0001']?.target.health).not.toBe('healthy');
		expect(s.dataPlane.instances.stickyOrphans[s.instanceOrder.indexOf('i-0001')] ?? 0).toBe(0);
		expect(sum(s.dataPlane.instances.stickyUsers)).toBeGreaterThan(active * 0.99);
	});

	it('a scale-in: the sessions are lost when the instance is deregistered (its users go elsewhere while it drains), its data when it terminates, each user once', () => {
		let s = run(fleet(3), 10 * minutes);
		const ids = [...s.instanceOrder];
		const held = ids.map((_, k) => usersHeldAt(s.dataPlane.instances, k));
		s = step(s, {type: 'asg/desired-capacity-changed', desired: 2});
		s = advance(s, 10 * minutes);
		const gone = held.filter((_, k) => s.instances[ids[k]!]?.ec2State !== 'running');
		expect(gone).toHaveLength(1);
		expect(s.consistency.lostSessions / gone[0]!).toBeGreaterThan(0.99);
		expect(s.consistency.lostSessions / gone[0]!).toBeLessThan(1.01);
	});

	it('a dedicated database: no data is lost with an instance, but the sessions on it are', () => {
		let s = run(fleet(3, {tiers: {database: {placement: 'dedicated', instanceClass: 'db.m5.large'}}}), 10 * minutes);
		expect(sum(s.dataPlane.instances.usersHeld)).toBe(0);
		const sessions = s.dataPlane.instances.stickyUsers[1]!;
		s = step(s, {type: 'instance/terminate-requested', target: 'i-0002'});
		s = advance(s, 1);
		expect(s.consistency.lostSessions).toBeCloseTo(sessions, 6);
		expect(s.consistency.inconsistentReads).toBe(0);
	});
});

describe('uneven routing after a scale-out', () => {
	it('a new instance gets only users without a valid cookie: its share grows as u/(N+1) + (1 − u)(1 − e^(−t/D))/(N+1), u = 1/(1 + rD), within 5 %', () => {
		const duration = 600;
		let s = run(fleet(2, {loadBalancer: {kind: 'application', stickiness: {isEnabled: true, durationSeconds: duration}}}), 20 * minutes);
		s = step(s, {type: 'asg/desired-capacity-changed', desired: 3});
		const k = 2;
		while (!(s.dataPlane.instances.routedLastTick[k]! > 0)) s = advance(s, 1);
		const start = s.clock.tick - 1;
		// Users without a valid cookie, in steady state: a cookie lasts D on average, then its user comes back after 1/r.
		const r = ratePerSecond / active;
		const u = 1 / (1 + (r * duration));
		const share = (t: number): number => (u + ((1 - u) * (1 - Math.exp(-t / duration)))) / 3;
		for (const t of [120, 600, 1200]) {
			s = advance(s, start + t - 60 - s.clock.tick);
			const before = [...s.dataPlane.instances.routedTotal];
			s = advance(s, 120);
			const routed = s.dataPlane.instances.routedTotal.map((n, j) => n - before[j]!);
			const measured = routed[k]! / sum(routed);
			expect(measured / share(t)).toBeGreaterThan(0.95);
			expect(measured / share(t)).toBeLessThan(1.05);
			expect(s.dataPlane.instances.stickyUsers[k]! / (active * (1 - u) * (1 - Math.exp(-(t + 60) / duration)) / 3)).toBeCloseTo(1, 1);
		}

		// The old instances still get more than a third each: the routing counts show it.
		expect(s.dataPlane.instances.routedTotal[0]! - s.dataPlane.instances.routedTotal[k]!).toBeGreaterThan(10_000);
	});
});

describe('the stickiness section and action', () => {
	const problems = (text: string): string[] => {
		const result = parsePreset(text, {file: 'p.yaml'});
		return result.ok ? [] : result.problems.map(problem => formatProblem(problem));
	};

	it('AWS\'s defaults: ALB 1 day, Classic the browser session; enabled when the section is given', () => {
		const alb = parsePreset('loadBalancer: { kind: application, stickiness: { } }\nusers: { }\n', {file: 'p.yaml'});
		expect(alb.ok && alb.config.loadBalancer.stickiness).toEqual({isEnabled: true, durationSeconds: 86_400});
		const classic = parsePreset('loadBalancer: { stickiness: { duration: 1h } }\nusers: { }\n', {file: 'p.yaml'});
		expect(classic.ok && classic.config.loadBalancer.stickiness).toEqual({isEnabled: true, durationSeconds: 3600});
		const none = parsePreset('title: t\n', {file: 'p.yaml'});
		expect(none.ok && none.config.loadBalancer.stickiness).toEqual({isEnabled: false, durationSeconds: 0});
	});

	it('bad values get one located line each', () => {
		expect(problems('loadBalancer: { kind: application, stickiness: { duration: 8d } }\nusers: { }\n')).toEqual(['p.yaml:1:60 loadBalancer.stickiness.duration: must be whole seconds from 1s to 7d (the ALB\'s range for stickiness.lb_cookie.duration_seconds), got 8d']);
		expect(problems('loadBalancer: { stickiness: { enabled: true } }\n')).toEqual([expect.stringMatching(/^p\.yaml:1:\d+ loadBalancer\.stickiness: sticky sessions need a users section/)]);
		expect(problems('loadBalancer: { stickiness: { enable: true } }\nusers: { }\n')).toEqual(['p.yaml:1:31 loadBalancer.stickiness.enable: unknown key, did you mean "enabled"?']);
	});

	it('the stickiness action turns it on mid-run (users then stay where their next request lands) and off (cookies ignored)', () => {
		let s = run(fleet(3, {loadBalancer: {kind: 'classic', crossZone: true}}), 5 * minutes);
		expect(s.loadBalancer.isSticky).toBe(false);
		s = step(s, {type: 'elb/stickiness-changed', isEnabled: true});
		expect(s.events.at(-1)?.message).toBe('sticky sessions on: cookie AWSELB for the browser session');
		s = advance(s, 5 * minutes);
		expect(sum(s.dataPlane.instances.stickyUsers)).toBeGreaterThan(active * 0.99);
		s = step(s, {type: 'elb/stickiness-changed'});
		expect(s.loadBalancer.isSticky).toBe(false);
		expect(sum(s.dataPlane.instances.stickyUsers)).toBe(0);
		const refused = step(run({...fleet(2), users: undefined, loadBalancer: {kind: 'classic'}}, 1), {type: 'elb/stickiness-changed', isEnabled: true});
		expect(refused.events.at(-1)?.message).toBe('sticky sessions on refused: sticky sessions need users (the preset has no users section)');
	});
});

describe('sticky sessions under random actions and time', () => {
	const action = fc.oneof(simActionArbitrary(['random', 'oldest', 'newest', 'i-0001', 'i-0003']), fc.constant({type: 'elb/stickiness-changed'} as const));
	const plan = fc.array(fc.record({action: fc.option(action, {nil: undefined}), ticks: fc.integer({min: 1, max: 40})}), {minLength: 1, maxLength: 10});
	const setups = fc.record({
		kind: fc.constantFrom('classic' as const, 'application' as const),
		algorithm: fc.constantFrom('round-robin' as const, 'least-outstanding-requests' as const, 'weighted' as const),
		crossZone: fc.boolean(),
		ratePerSecond: fc.integer({min: 0, max: 150}),
		seed: fc.integer({min: 1, max: 1000}),
		durationSeconds: fc.constantFrom(0, 30, 86_400),
		placement: fc.constantFrom('colocated' as const, 'dedicated' as const),
	});
	it('requests are conserved, routed counts add up, no user is bound twice, lost sessions never decrease', () => {
		fc.assert(
			fc.property(setups, plan, ({durationSeconds, placement, ...setup}, steps: Array<{action: SimAction | undefined; ticks: number}>) => {
				let s = makeState({instances: 3, ...setup, config: {autoScaling: {min: 1, max: 6, desired: 3}, users: {active: 500, writeShare: 0.3}, tiers: {database: {placement}}, loadBalancer: {kind: setup.kind, algorithm: setup.algorithm, crossZone: setup.crossZone, stickiness: {isEnabled: true, durationSeconds}}}});
				let lost = 0;
				for (const {action: a, ticks} of steps) {
					if (a) s = step(s, a);
					for (let k = 0; k < ticks; k++) {
						s = advance(s, 1);
						const t = s.totals;
						expect(t.arrived).toBe(t.completed + t.failed + s.flow.inFlight);
						expect(sum(s.dataPlane.instances.routedLastTick)).toBe(s.flow.routed);
						const f = s.dataPlane.instances;
						expect(sum(f.stickyUsers) + sum(f.stickyOrphans)).toBeLessThanOrEqual(500 * (1 + 1e-9));
						for (const column of [f.stickyUsers, f.stickyWriters, f.stickyHeld, f.stickyOrphans, f.stickyLost]) for (const n of column) expect(n).toBeGreaterThanOrEqual(0);
						expect(s.consistency.lostSessions).toBeGreaterThanOrEqual(lost);
						expect(s.consistency.inconsistentReads).toBeLessThanOrEqual(s.consistency.readsAfterWrite * (1 + 1e-9));
						lost = s.consistency.lostSessions;
					}
				}
			}),
			{numRuns: 15, seed: 20_261_204},
		);
	});
});
