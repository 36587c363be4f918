/**
 * Users and their data (issue 11, docs/stateful.md): with a colocated database a read served by
 * an instance that does not hold the user's latest write is inconsistent; with a dedicated one
 * none are. Fractions against the closed forms, and the fluid model against a per-user,
 * per-request count driven by the same run (scale-out, a killed instance: data lost).
 */
import {describe, expect, it} from 'vitest';
import {advance, checkConfig, createInitialState, makeConfig, step, type SimState} from '../../source/sim/index.js';
import type {ConfigInput} from '../../source/sim/defaults.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';

const minutes = 60;

function fleet(n: number, extra: ConfigInput = {}): ConfigInput {
	return {
		durationSeconds: 30 * minutes,
		autoScaling: {min: n, max: n, desired: n, instanceType: 'c5.large', healthCheckType: 'EC2'},
		loadBalancer: {kind: 'application'},
		users: {active: 2000, writeShare: 0.2},
		load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 40},
		...extra,
	};
}

const run = (input: ConfigInput, ticks = 30 * minutes): SimState => advance(createInitialState(makeConfig(input)), ticks);
const inconsistentShare = (s: SimState): number => s.consistency.inconsistentReads / s.consistency.readsAfterWrite;

describe('inconsistent reads with a database on every instance (colocated)', () => {
	it.each([2, 3, 4])('round-robin over %i clones: (N − 1)/N of the reads after a write are inconsistent, within 5 %%', n => {
		const s = run(fleet(n));
		expect(s.consistency.readsAfterWrite).toBeGreaterThan(30_000);
		expect(inconsistentShare(s)).toBeGreaterThan(((n - 1) / n) * 0.95);
		expect(inconsistentShare(s)).toBeLessThan(((n - 1) / n) * 1.05);
		// Every completed request is a read or a write; the data is spread evenly over the clones.
		expect(s.consistency.reads).toBeCloseTo(s.totals.completed * 0.8, 6);
		const held = s.dataPlane.instances.usersHeld;
		for (const users of held) expect(users).toBeCloseTo(s.consistency.writers / n, 0);
	});

	it('weighted (random) routing over a c5.large and a c5.xlarge: 1 − Σ p² = 1 − (1/9 + 4/9) = 4/9, not the even 1/2', () => {
		const s = run({
			...fleet(0),
			autoScaling: null,
			loadBalancer: {kind: 'application', algorithm: 'weighted'},
			instances: [
				{instanceType: 'c5.large', zone: 'us-east-1a', behindLoadBalancer: true, hasElasticIp: false, purchaseOption: 'on-demand'},
				{instanceType: 'c5.xlarge', zone: 'us-east-1a', behindLoadBalancer: true, hasElasticIp: false, purchaseOption: 'on-demand'},
			],
		});
		const closedForm = 1 - ((1 / 9) + (4 / 9));
		expect(inconsistentShare(s)).toBeGreaterThan(closedForm * 0.95);
		expect(inconsistentShare(s)).toBeLessThan(closedForm * 1.05);
	});

	it('a dedicated database: every instance reads the same data, none inconsistent', () => {
		const s = run(fleet(3, {tiers: {database: {placement: 'dedicated', instanceClass: 'db.m5.large'}}}));
		expect(s.consistency.reads).toBeGreaterThan(40_000);
		expect(s.consistency.readsAfterWrite).toBeGreaterThan(30_000);
		expect(s.consistency.inconsistentReads).toBe(0);
		expect(s.consistency.lostSessions).toBe(0);
		expect(s.dataPlane.instances.usersHeld.every(users => users === 0)).toBe(true);
	});

	it('one instance: nothing to disagree with, no inconsistent read', () => {
		const s = run(fleet(1, {load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 20}}));
		expect(s.consistency.readsAfterWrite).toBeGreaterThan(10_000);
		expect(s.consistency.inconsistentReads).toBeCloseTo(0, 6);
	});

	it('no users section: nothing written, every request a read, none inconsistent', () => {
		const s = run({...fleet(3), users: undefined});
		expect(s.config.users).toEqual({active: 0, writeShare: 0});
		expect(s.consistency.reads).toBe(s.totals.completed);
		expect(s.consistency.readsAfterWrite).toBe(0);
		expect(s.consistency.inconsistentReads).toBe(0);
	});
});

/**
 * The same run counted per user and per request: every request the data plane completes on an
 * instance is given a user at random (the test's own PRNG); the user's latest write is where it
 * was written; a terminated instance takes its users' data with it.
 */
function perUserCount(input: ConfigInput, ticks: number, actions: Readonly<Record<number, Parameters<typeof step>[1]>>) {
	const {active, writeShare} = makeConfig(input).users;
	let seed = 12_345;
	const random = () => {
		seed = (seed + 0x6D_2B_79_F5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};

	const lost = '(lost)';
	const holder: string[] = Array.from({length: active}, () => '');
	let s = createInitialState(makeConfig(input));
	let readsAfterWrite = 0;
	let inconsistent = 0;
	let lostSessions = 0;
	const gone = new Set<string>();
	for (let t = 0; t < ticks; t++) {
		const action = actions[t];
		if (action) s = step(s, action);
		s = advance(s, 1);
		for (const [k, id] of s.instanceOrder.entries()) {
			const i = s.instances[id]!;
			if ((i.ec2State === 'shutting-down' || i.ec2State === 'terminated') && !gone.has(id)) {
				gone.add(id);
				for (let u = 0; u < active; u++) {
					if (holder[u] === id) {
						holder[u] = lost;
						lostSessions++;
					}
				}
			}

			const done = s.dataPlane.web.completed[k]!;
			for (let r = 0; r < done; r++) {
				const u = Math.floor(random() * active);
				if (random() < writeShare) {
					holder[u] = id;
				} else if (holder[u] !== '') {
					readsAfterWrite++;
					if (holder[u] !== id) inconsistent++;
				}
			}
		}
	}

	return {s, readsAfterWrite, inconsistent, lostSessions};
}

describe('the fluid model against a per-user count of the same run', () => {
	it('scale-out from 2 to 4 (new instances hold nothing) and a killed instance (its users\' data lost): totals within 5 %', () => {
		const input = fleet(2, {
			autoScaling: {min: 1, max: 6, desired: 2, instanceType: 'c5.large', healthCheckType: 'EC2'},
			users: {active: 20_000, writeShare: 0.5},
			load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 80},
		});
		const {s, readsAfterWrite, inconsistent, lostSessions} = perUserCount(input, 30 * minutes, {
			[8 * minutes]: {type: 'asg/desired-capacity-changed', desired: 4},
			[18 * minutes]: {type: 'instance/terminate-requested', target: 'i-0001'},
		});
		const c = s.consistency;
		expect(lostSessions).toBeGreaterThan(3000);
		expect(c.readsAfterWrite / readsAfterWrite).toBeGreaterThan(0.95);
		expect(c.readsAfterWrite / readsAfterWrite).toBeLessThan(1.05);
		expect(c.inconsistentReads / inconsistent).toBeGreaterThan(0.95);
		expect(c.inconsistentReads / inconsistent).toBeLessThan(1.05);
		expect(c.lostSessions / lostSessions).toBeGreaterThan(0.95);
		expect(c.lostSessions / lostSessions).toBeLessThan(1.05);
	});

	it('lost sessions are the users the killed instance held, counted the tick it terminates', () => {
		let s = run(fleet(2, {users: {active: 1000, writeShare: 0.2}}), 10 * minutes);
		const held = s.dataPlane.instances.usersHeld[0]!;
		expect(held).toBeGreaterThan(450);
		s = step(s, {type: 'instance/terminate-requested', target: 'i-0001'});
		s = advance(s, 1);
		expect(s.instances['i-0001']!.ec2State).toBe('shutting-down');
		expect(s.consistency.lostSessions).toBeCloseTo(held, 6);
		expect(s.flow.lostSessions).toBeCloseTo(held, 6);
		expect(s.dataPlane.instances.usersHeld[0]).toBe(0);
	});

	it('a stopped instance keeps its data; scale-up\'s new instance, launched from its image, holds it', () => {
		let s = run({
			...fleet(0),
			autoScaling: null,
			instances: [{instanceType: 'c5.large', zone: 'us-east-1a', behindLoadBalancer: false, hasElasticIp: true, purchaseOption: 'on-demand'}],
			load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 20},
		}, 5 * minutes);
		const held = s.dataPlane.instances.usersHeld[0]!;
		expect(held).toBeGreaterThan(800);
		s = step(s, {type: 'instance/scale-up-requested', target: 'i-0001'});
		s = advance(s, 60);
		expect(s.consistency.lostSessions).toBe(0);
		expect(s.dataPlane.instances.usersHeld[1]).toBeGreaterThan(held * 0.99);
	});
});

describe('the users section', () => {
	const problems = (text: string): string[] => {
		const result = parsePreset(text, {file: 'p.yaml'});
		return result.ok ? [] : result.problems.map(problem => formatProblem(problem));
	};

	it('defaults: 10,000 users, one request in ten writes; absent: none modelled', () => {
		const given = parsePreset('users: { }\n', {file: 'p.yaml'});
		expect(given.ok && given.config.users).toEqual({active: 10_000, writeShare: 0.1});
		const absent = parsePreset('title: t\n', {file: 'p.yaml'});
		expect(absent.ok && absent.config.users).toEqual({active: 0, writeShare: 0});
		const set = parsePreset('users: { active: 500, writeShare: 0.5 }\n', {file: 'p.yaml'});
		expect(set.ok && set.config.users).toEqual({active: 500, writeShare: 0.5});
	});

	it('bad values get one located line each', () => {
		expect(problems('users: { active: 0 }\n')).toEqual([expect.stringMatching(/^p\.yaml:1:18 users\.active: /)]);
		expect(problems('users: { writeShare: 1.5 }\n')).toEqual([expect.stringMatching(/^p\.yaml:1:22 users\.writeShare: /)]);
		expect(problems('users: { activ: 10 }\n')).toEqual(['p.yaml:1:10 users.activ: unknown key, did you mean "active"?']);
		expect(checkConfig(makeConfig({users: {active: 0, writeShare: 0.1}}))).toEqual(['users.active: writes need users (active ≥ 1) to belong to.']);
	});
});
