/**
 * ELB health checks at AWS's defaults (classic: every 30 s, unhealthy after 2 failures, healthy
 * after 10 passes): what a user watching a killed instance relies on.
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {selectLoadBalancer} from '../../source/sim/selectors/index.js';
import {step} from '../../source/sim/step.js';
import {recordCheck, targetStateLabel} from '../../source/sim/data-plane/health-checks.js';
import {inFlightOf} from '../../source/sim/data-plane/queue-node.js';
import type {SimState} from '../../source/sim/types.js';
import type {Working} from '../../source/sim/working.js';
import {makeState} from '../helpers/make-state.js';

/** Requests on instance `id` (queued, in service, or held until they fail). */
function inFlight(s: SimState, id: string): number {
	return inFlightOf(s.dataPlane.web, s.instanceOrder.indexOf(id));
}

function target(s: SimState, id: string) {
	return selectLoadBalancer(s).targets.find(t => t.instanceId === id);
}

describe('a killed instance behind a classic ELB', () => {
	it('keeps receiving — and failing — requests until it has failed 2 checks 30 s apart, then is OutOfService', () => {
		let s = advance(makeState({instances: 2, ratePerSecond: 40, config: {autoScaling: {min: 2, max: 2, desired: 2}}}), 5);
		s = step(s, {type: 'instance/terminate-requested', target: 'i-0001'});
		let failedWhileInService = 0;
		let lastRoutedTick = -1;
		let outOfServiceTick = -1;
		const before502 = s.totals.errors['502'];
		while (s.clock.tick < 120) {
			s = advance(s, 1);
			const t = target(s, 'i-0001');
			if (t?.stateLabel === 'InService' && (t.routedPerSecond ?? 0) > 0) lastRoutedTick = s.clock.tick - 1;
			if (outOfServiceTick < 0 && t?.stateLabel !== 'InService') outOfServiceTick = s.clock.tick - 1;
			if (outOfServiceTick < 0) failedWhileInService = s.totals.errors['502'] - before502;
		}

		// Checks run at t = 30 s and 60 s (the instance was launched at 0): the second failure at 60 s takes it out.
		expect(outOfServiceTick).toBe(60);
		expect(lastRoutedTick).toBe(59);
		expect(failedWhileInService).toBeGreaterThan(300);
		expect(s.failureCauses['backend-down']).toBe(s.totals.errors['502']);
		expect(target(s, 'i-0002')?.routedPerSecond).toBeGreaterThan(0);
		const failureEvent = s.events.find(e => e.kind === 'elb' && e.message.includes('i-0001'));
		expect(failureEvent?.message).toBe('Instance i-0001 is OutOfService: Instance has failed at least the UnhealthyThreshold number of health checks consecutively.');
	});

	it('a hung instance (running, silent) holds what it gets until the ELB\'s 60 s idle timeout, then 504', () => {
		let s = advance(makeState({instances: 2, ratePerSecond: 40}), 1);
		s = step(s, {type: 'instance/hang-injected', target: 'i-0002'});
		s = advance(s, 40);
		expect(s.totals.errors['504']).toBe(0);
		const held = inFlight(s, 'i-0002');
		expect(held).toBeGreaterThan(500);
		expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
		s = advance(s, 25);
		// Checks at 30 s and 60 s failed: OutOfService, no new requests; the first held ones time out at 61 s.
		expect(target(s, 'i-0002')?.stateLabel).toBe('OutOfService');
		expect(s.totals.errors['504']).toBeGreaterThan(0);
		expect(s.failureCauses.hung).toBe(s.totals.errors['504']);
		s = advance(s, 60);
		expect(inFlight(s, 'i-0002')).toBe(0);
		expect(s.totals.errors['504']).toBeGreaterThan(held);
		expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
	});
});

describe('a zone outage', () => {
	it('fails requests to the zone\'s instances with 504 after the ELB\'s 10 s connect timeout', () => {
		let s = advance(makeState({instances: 2, ratePerSecond: 40}), 1);
		s = step(s, {type: 'zone/outage-started', zone: 'us-east-1a', durationSeconds: 300});
		s = advance(s, 9);
		expect(s.totals.errors['504']).toBe(0);
		expect(inFlight(s, 'i-0001')).toBeGreaterThan(100);
		s = advance(s, 3);
		expect(s.totals.errors['504']).toBeGreaterThan(0);
		expect(s.failureCauses.hung).toBe(s.totals.errors['504']);
		expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
	});
});

describe('target states', () => {
	it('names states in each kind\'s own words', () => {
		expect(targetStateLabel('classic', 'healthy')).toBe('InService');
		expect(targetStateLabel('classic', 'initial')).toBe('OutOfService');
		expect(targetStateLabel('classic', 'draining')).toBe('InService');
		expect(targetStateLabel('application', 'initial')).toBe('initial');
		expect(targetStateLabel('application', 'draining')).toBe('draining');
	});

	it('needs healthyThreshold passes in a row to become healthy, and a failure resets the count', () => {
		const s = structuredClone(makeState({instances: 1, kind: 'application'})) as Working;
		const i = s.instances['i-0001']!;
		i.target.health = 'unhealthy';
		for (let k = 0; k < 4; k++) recordCheck(s, i, true);
		recordCheck(s, i, false);
		for (let k = 0; k < 4; k++) recordCheck(s, i, true);
		expect(i.target.health).toBe('unhealthy');
		recordCheck(s, i, true);
		expect(i.target.health).toBe('healthy');
	});
});
