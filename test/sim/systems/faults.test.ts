import {describe, expect, it} from 'vitest';
import {createInitialState, makeConfig, step, type SimState} from '../../../source/sim/index.js';
import type {Working} from '../../../source/sim/working.js';
import {resolveTarget} from '../../../source/sim/systems/faults.js';
import {capacityIds, controlState, runControl, zoneCounts} from './control-plane-helpers.js';

const w = (s: SimState): Working => structuredClone(s) as Working;

describe('instance targets', () => {
	it('resolve an id, oldest, newest and a seeded random; refuse unknown and dead ones', () => {
		const s = controlState({autoScaling: {min: 1, max: 6, desired: 3}});
		s.instances['i-0002']!.launchedTick = -50;
		s.instances['i-0003']!.launchedTick = 10;
		expect(resolveTarget(s, 'i-0001')).toEqual({id: 'i-0001'});
		expect(resolveTarget(s, 'oldest')).toEqual({id: 'i-0002'});
		expect(resolveTarget(s, 'newest')).toEqual({id: 'i-0003'});
		expect(resolveTarget(s, 'i-0099')).toEqual({error: 'There is no instance i-0099.'});
		const a = resolveTarget(structuredClone(s), 'random');
		expect(resolveTarget(structuredClone(s), 'random')).toEqual(a);
	});

	it('an unknown id is refused with a clear event, not a throw, and changes nothing else', () => {
		const before = createInitialState(makeConfig());
		const after = step(before, {type: 'instance/terminate-requested', target: 'i-0099'});
		expect(after.events.at(-1)).toMatchObject({kind: 'refused', message: 'kill i-0099 refused: there is no instance i-0099'});
		expect(after.instances).toEqual(before.instances);
	});

	it('kill random picks different victims for different seeds, the same for the same seed', () => {
		const victim = (seed: number) => {
			const s = step(createInitialState(makeConfig({seed, autoScaling: {desired: 4, max: 4}})), {type: 'instance/terminate-requested', target: 'random'});
			return s.instanceOrder.find(id => s.instances[id]!.ec2State === 'shutting-down');
		};

		expect(victim(3)).toBe(victim(3));
		const victims = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(seed => victim(seed)));
		expect(victims.size).toBeGreaterThan(1);
	});
});

describe('faults', () => {
	it('stop: stopping → stopped; the group replaces it (EC2 check)', () => {
		const s = w(step(createInitialState(makeConfig({autoScaling: {desired: 2}})), {type: 'instance/stop-requested', target: 'i-0001'}));
		expect(s.instances['i-0001']!.ec2State).toBe('stopping');
		runControl(s, 1);
		expect(s.instances['i-0001']!.ec2State).toBe('shutting-down'); // replaced: the group terminates it
		expect(s.events.find(e => e.message === 'Terminating EC2 instance: i-0001')!.cause).toContain('an EC2 health check that indicated it had been terminated or stopped');
		expect(capacityIds(s)).toHaveLength(2);
	});

	it('hang: still running, but the instance stops answering', () => {
		const s = step(createInitialState(makeConfig()), {type: 'instance/hang-injected', target: 'i-0002'});
		expect(s.instances['i-0002']).toMatchObject({ec2State: 'running', isHung: true});
		expect(s.events.at(-1)!.message).toBe('hang i-0002: still running, no longer answering');
	});

	it('spot interruption: only Spot Instances get one — a two-minute notice, then termination', () => {
		const onDemand = step(createInitialState(makeConfig()), {type: 'instance/spot-interruption-noticed', target: 'random'});
		expect(onDemand.events.at(-1)).toMatchObject({kind: 'refused', message: 'spot interruption random refused: no Spot Instance to target (random)'});
		const spot = createInitialState(makeConfig({autoScaling: {purchaseOption: 'spot'}}));
		const once = step(spot, {type: 'instance/spot-interruption-noticed', target: 'i-0001'});
		expect(step(once, {type: 'instance/spot-interruption-noticed', target: 'i-0001'}).events.at(-1)!.message).toBe('spot interruption i-0001 refused: i-0001 already has its interruption notice');
		const s = w(once);
		expect(s.events.at(-1)!.message).toBe('EC2 Spot Instance Interruption Warning: i-0001 will be terminated at 2026-01-01T00:02:00Z');
		runControl(s, 120);
		expect(s.instances['i-0001']!.ec2State).toBe('running');
		runControl(s, 1);
		expect(s.instances['i-0001']!.ec2State).toBe('shutting-down');
	});

	it('zone outage: the zone hangs, replacements go to the other zones, and it ends after its duration', () => {
		const s = w(step(createInitialState(makeConfig({autoScaling: {zones: ['a', 'b'], desired: 4, max: 8, healthCheckType: 'EC2'}})), {type: 'zone/outage-started', zone: 'a', durationSeconds: 600}));
		expect(s.instanceOrder.filter(id => s.instances[id]!.zone === 'a').every(id => s.instances[id]!.isHung)).toBe(true);
		runControl(s, 181); // EC2 status checks impaired for "a few minutes" (180 s)
		expect(zoneCounts(s)).toEqual({b: 4});
		runControl(s, 420);
		expect(s.zones.a!.isDown).toBe(false);
		expect(s.events.some(e => e.message === 'Availability Zone a recovered')).toBe(true);
	});

	it('Chaos Monkey kills one random InService instance every interval, and logs it', () => {
		let st = createInitialState(makeConfig({autoScaling: {desired: 3, max: 3}}));
		st = step(st, {type: 'chaos/toggled', intervalSeconds: 60});
		const s = w(st);
		runControl(s, 60);
		expect(s.events.filter(e => e.message.startsWith('Chaos Monkey terminated'))).toHaveLength(0);
		runControl(s, 61);
		const kills = s.events.filter(e => e.message.startsWith('Chaos Monkey terminated'));
		expect(kills).toHaveLength(2);
		expect(kills[0]!.message).toMatch(/^Chaos Monkey terminated instance i-000\d \(group scaletop-asg, zone us-east-1[ab]\)$/);
		expect(capacityIds(s)).toHaveLength(3); // the group replaced both
	});
});

describe('zone outage and hang faults together', () => {
	it('the zone’s recovery heals what the outage hung, not an instance hung on its own', () => {
		let st = createInitialState(makeConfig({autoScaling: {zones: ['a', 'b'], desired: 4, max: 8, healthCheckType: 'EC2'}}));
		st = step(st, {type: 'instance/hang-injected', target: 'i-0001'});
		st = step(st, {type: 'zone/outage-started', zone: 'a', durationSeconds: 60});
		const s = w(st);
		expect(s.instances['i-0003']!.isHung).toBe(true);
		runControl(s, 61);
		expect(s.instances['i-0003']!.isHung).toBe(false);
		expect(s.instances['i-0001']!.isHung).toBe(true);
	});
});
