/**
 * Accounting at saturation and the targets that get traffic (issue 9): completions bounded by
 * capacity and equal to it while a backlog exists; no traffic to draining, Terminating or
 * Pending targets; the group's CPU as CloudWatch averages it (instances that report it).
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {step} from '../../source/sim/step.js';
import {ringLast} from '../../source/sim/systems/ring.js';
import type {SimState} from '../../source/sim/types.js';
import {makeState} from '../helpers/make-state.js';

const capacity = 2 * 1000 / 33.6; // two t2.micro, the wordpress app: 59.5 req/s

describe('completions at saturation', () => {
	it('two t2.micro at 100 % CPU complete about 60 req/s from the first tick of a spike, never 0', () => {
		let s = advance(makeState({instances: 2, ratePerSecond: 20, seed: 4}), 120);
		s = step(s, {type: 'traffic/spike-started', factor: 10, durationSeconds: 60});
		const completed: number[] = [];
		for (let k = 0; k < 30; k++) {
			s = advance(s, 1);
			completed.push(s.flow.completed);
		}

		expect(Math.min(...completed)).toBeGreaterThan(0.6 * capacity);
		const average = completed.reduce((a, b) => a + b, 0) / completed.length;
		expect(Math.abs(average / capacity - 1)).toBeLessThan(0.1);
	});

	it('rate 1e9 on two t2.micro completes their capacity, not more', () => {
		let s = makeState({instances: 2, ratePerSecond: 1e9, seed: 2});
		let done = 0;
		for (let k = 0; k < 20; k++) {
			s = advance(s, 1);
			done += s.flow.completed;
		}

		expect(done / 20).toBeLessThan(1.1 * capacity);
		expect(done / 20).toBeGreaterThan(0.8 * capacity);
		expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
	});
});

/** Requests routed to `id` in the last tick. */
function routed(s: SimState, id: string): number {
	return s.dataPlane.instances.routedLastTick[s.instanceOrder.indexOf(id)] ?? 0;
}

describe('targets that get no new requests', () => {
	it('a target the group scales in drains: Terminating, draining, 0 req/s until it is gone', () => {
		let s = advance(makeState({instances: 3, ratePerSecond: 60, kind: 'application', seed: 3, config: {autoScaling: {min: 1, max: 3, desired: 3}}}), 60);
		s = step(s, {type: 'asg/desired-capacity-changed', desired: 2});
		s = advance(s, 1);
		const victim = s.instanceOrder.find(id => s.instances[id]!.asgLifecycle === 'Terminating');
		expect(victim).toBeDefined();
		for (let k = 0; k < 30; k++) {
			s = advance(s, 1);
			expect(routed(s, victim!)).toBe(0);
		}

		expect(s.totals.failed).toBe(0);
	});

	it('a launching (Pending) instance gets nothing until it is InService and healthy', () => {
		let s = advance(makeState({instances: 2, ratePerSecond: 30, kind: 'application', seed: 5, config: {autoScaling: {min: 2, max: 3, desired: 2}}}), 30);
		s = step(s, {type: 'asg/desired-capacity-changed', desired: 3});
		let sawPending = false;
		for (let k = 0; k < 200; k++) {
			s = advance(s, 1);
			const i = s.instances['i-0003']!;
			if (i.asgLifecycle === 'Pending') sawPending = true;
			if (i.asgLifecycle === 'Pending' || i.target.health !== 'healthy') expect(routed(s, 'i-0003')).toBe(0);
		}

		expect(sawPending).toBe(true);
		expect(s.instances['i-0003']!.target.health).toBe('healthy');
		expect(routed(s, 'i-0003')).toBeGreaterThan(0);
	});
});

describe('the group\'s CPU as CloudWatch averages it', () => {
	it('through an AZ outage: the survivors\' CPU, not diluted by the unreachable zone\'s instances', () => {
		let s = advance(makeState({instances: 4, ratePerSecond: 50, kind: 'application', seed: 6, config: {autoScaling: {min: 4, max: 4, desired: 4}}}), 120);
		const before = s.flow.cpuAvgPercent;
		s = step(s, {type: 'zone/outage-started', zone: 'us-east-1a', durationSeconds: 600});
		s = advance(s, 180);
		// The ELB has taken the zone's targets out; the two survivors serve all 50 req/s (~84 %).
		const cpu = s.dataPlane.web.cpuPercent;
		const survivors = s.instanceOrder.map((id, k) => ({i: s.instances[id]!, k})).filter(({i}) => i.zone === 'us-east-1b' && i.ec2State === 'running' && i.asgLifecycle === 'InService');
		const survivorsCpu = survivors.reduce((sum, {k}) => sum + cpu[k]!, 0) / survivors.length;
		expect(survivorsCpu).toBeGreaterThan(1.6 * before);
		expect(Math.abs(s.flow.cpuAvgPercent - survivorsCpu)).toBeLessThan(0.2 * survivorsCpu);
		// The alarm's view: the last one-minute CPUUtilization datapoint is the survivors' average too.
		const datapoint = ringLast(s.cloudwatch.CPUUtilization);
		expect(Math.abs(datapoint - survivorsCpu)).toBeLessThan(0.2 * survivorsCpu);
	});
});
