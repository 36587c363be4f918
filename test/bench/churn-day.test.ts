/**
 * The churn day of `npm run bench` (issue 9, "Speed"; source/bench/churn.ts) is the day the issue
 * describes, and it runs: the group follows the curve, the kill fails requests, requests are conserved. Not timed (the bench times it). It runs on a fleet
 * of a twentieth of the size (17 to 50 instances, the curve scaled alike) up to 6 h 30: the
 * whole day takes ~20 s here, most of it the fixed cost of 86,400 ticks.
 */
import {describe, expect, it} from 'vitest';
import {churnDayConfig} from '../../source/bench/churn.js';
import {runHeadless} from '../../source/headless/run-headless.js';

describe('the churn-day bench scenario', () => {
	it('is a day of 1,000 instances at 1-s ticks between 12,000 and 35,000 req/s, with target tracking, least outstanding requests, a kill at 6 h and a 20-minute zone outage at 12 h', () => {
		const c = churnDayConfig();
		expect(c.durationSeconds).toBe(86_400);
		expect(c.tickSeconds).toBe(1);
		expect(c.autoScaling?.max).toBe(1000);
		expect(c.loadBalancer.algorithm).toBe('least-outstanding-requests');
		expect(c.autoScaling?.policies.map(p => p.type)).toEqual(['target-tracking']);
		expect(c.load).toMatchObject({pattern: 'daily', ratePerSecond: 35_000, troughPerSecond: 12_000, periodSeconds: 86_400});
		expect(c.timeline.map(e => [e.atTick, e.action.type])).toEqual([[21_600, 'instance/terminate-requested'], [43_200, 'zone/outage-started']]);
		expect(c.timeline[1]!.action).toMatchObject({durationSeconds: 1200});
	});

	it('×10 at its peak: 9,700 of at most 10,000 instances at 350,000 req/s', () => {
		const c = churnDayConfig({scale: 10, isAtPeak: true, durationSeconds: 600});
		expect(c.autoScaling).toMatchObject({min: 3000, max: 10_000, desired: 9700});
		expect(c.load).toMatchObject({ratePerSecond: 350_000, troughPerSecond: 120_000, peakAtSeconds: 0});
		expect(c.durationSeconds).toBe(600);
	});

	it('runs (at a twentieth of the size, to 6 h 30): the group scales out with the morning, the killed instance is replaced, nothing is lost', () => {
		const result = runHeadless({config: churnDayConfig({scale: 0.05, durationSeconds: 23_400})});
		expect(result.violations).toEqual([]);
		const {summary} = result;
		expect(summary.simulatedSeconds).toBe(23_400);
		expect(summary.requests.arrived).toBe(summary.requests.completed + summary.requests.failed + summary.requests.inFlight);
		// 17 instances at 0 h; by 6 h 30 the curve is at 60 % of the way to its peak.
		expect(summary.instances.launched).toBeGreaterThan(20);
		// The instance killed at 6 h: terminated, its requests in flight failed (502), replaced.
		expect(summary.instances.terminated).toBeGreaterThanOrEqual(1);
		expect(summary.errors['502']).toBeGreaterThan(0);
		expect(summary.instances.final).toBe(summary.instances.launched - summary.instances.terminated);
	});
});
