import {describe, expect, it} from 'vitest';
import {createInitialState, makeConfig} from '../../../source/sim/index.js';
import {advanceLifecycles, launchInstance, stopInstance, terminateInstance, type LaunchOptions} from '../../../source/sim/systems/instances.js';
import type {Working} from '../../../source/sim/working.js';

const base: LaunchOptions = {instanceType: 't2.micro', zone: 'us-east-1a', isInGroup: true, purchaseOption: 'on-demand', hasElasticIp: false, isBehindLoadBalancer: true, isWarm: false, cause: ''};

function fresh(seed = 1): Working {
	return structuredClone(createInitialState(makeConfig({seed, autoScaling: null}))) as Working;
}

/** Run only the lifecycle system until `predicate` holds; returns the tick it first held at. */
function until(s: Working, predicate: () => boolean, limit = 1000): number {
	for (;;) {
		advanceLifecycles(s);
		if (predicate()) return s.clock.tick;
		s.clock.tick += 1;
		if (s.clock.tick > limit) throw new Error('never happened');
	}
}

describe('launchInstance', () => {
	it('allocates sequential ids and starts pending', () => {
		const s = fresh();
		expect(launchInstance(s, base)).toBe('i-0001');
		expect(launchInstance(s, base)).toBe('i-0002');
		expect(s.instanceOrder).toEqual(['i-0001', 'i-0002']);
		expect(s.instances['i-0001']!.ec2State).toBe('pending');
		expect(s.instances['i-0001']!.asgLifecycle).toBe('Pending');
		expect(s.totals.launched).toBe(2);
	});

	it('a warm launch is running, InService, healthy and answering at once (the initial fleet)', () => {
		const s = fresh();
		const id = launchInstance(s, {...base, isWarm: true});
		const i = s.instances[id]!;
		expect([i.ec2State, i.asgLifecycle, i.asgHealth, i.target.health]).toEqual(['running', 'InService', 'Healthy', 'healthy']);
		expect(i.appReadyTick).toBe(0);
	});

	it('boots in a seeded 5–20 s, then the app answers app.startSeconds later', () => {
		const boots = new Set<number>();
		for (let seed = 1; seed <= 40; seed++) {
			const s = fresh(seed);
			const id = launchInstance(s, base);
			const ticks = until(s, () => s.instances[id]!.ec2State === 'running');
			expect(ticks).toBeGreaterThanOrEqual(5);
			expect(ticks).toBeLessThanOrEqual(20);
			expect(s.instances[id]!.asgLifecycle).toBe('InService');
			expect(s.instances[id]!.appReadyTick).toBe(ticks + s.config.app.startSeconds);
			boots.add(ticks);
		}
		expect(boots.size).toBeGreaterThan(5);
	});

	it('the same seed gives the same boot time', () => {
		const a = fresh(9);
		const b = fresh(9);
		launchInstance(a, base);
		launchInstance(b, base);
		expect(a.instances['i-0001']).toEqual(b.instances['i-0001']);
		expect(a.rng).toEqual(b.rng);
	});

	it('refuses an unknown instance type', () => {
		expect(() => launchInstance(fresh(), {...base, instanceType: 't9.huge'})).toThrow('Unknown instance type "t9.huge".');
	});
});

describe('terminate and stop', () => {
	it('shutting-down takes 30–60 s, then terminated; the Elastic IP is disassociated', () => {
		const s = fresh();
		const id = launchInstance(s, {...base, isWarm: true, hasElasticIp: true});
		expect(terminateInstance(s, id, '')).toBe(true);
		expect(s.instances[id]!.ec2State).toBe('shutting-down');
		expect(s.instances[id]!.hasElasticIp).toBe(false);
		expect(terminateInstance(s, id, '')).toBe(false);
		const ticks = until(s, () => s.instances[id]!.ec2State === 'terminated');
		expect(ticks).toBeGreaterThanOrEqual(30);
		expect(ticks).toBeLessThanOrEqual(60);
		expect(s.instances[id]!.asgLifecycle).toBe('Terminated');
		expect(s.totals.terminated).toBe(1);
	});

	it('stopping → stopped keeps the Elastic IP', () => {
		const s = fresh();
		const id = launchInstance(s, {...base, isInGroup: false, isWarm: true, hasElasticIp: true});
		expect(stopInstance(s, id, '')).toBe(true);
		until(s, () => s.instances[id]!.ec2State === 'stopped');
		expect(s.instances[id]!.hasElasticIp).toBe(true);
		expect(stopInstance(s, id, '')).toBe(false);
	});

	it('a scale-in termination waits for the load balancer to finish draining', () => {
		const s = fresh();
		const id = launchInstance(s, {...base, isWarm: true});
		const i = s.instances[id]!;
		i.asgLifecycle = 'Terminating';
		i.target.health = 'draining';
		i.target.drainUntilTick = 300;
		const ticks = until(s, () => s.instances[id]!.ec2State === 'shutting-down');
		expect(ticks).toBe(300);
	});

	it('a killed group instance stays registered until the load balancer marks it unhealthy, then the group deregisters it', () => {
		const s = fresh();
		const id = launchInstance(s, {...base, isWarm: true});
		terminateInstance(s, id, '');
		until(s, () => s.instances[id]!.ec2State === 'terminated');
		advanceLifecycles(s);
		expect(s.instances[id]!.target.health).toBe('healthy');
		s.instances[id]!.target.health = 'unhealthy';
		advanceLifecycles(s);
		expect(s.instances[id]!.target.health).toBe('unused');
	});
});
