/**
 * Thin load spread over a large fleet (issue 9): 1 req/s over 1,000 instances is about one
 * request per instance every 17 minutes. Each is served alone, so every request completes
 * within a few service times and none fails; the model must not lose them to underflow.
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import type {RoutingAlgorithm} from '../../source/sim/config.js';
import {makeState} from '../helpers/make-state.js';

const algorithms: RoutingAlgorithm[] = ['round-robin', 'least-outstanding-requests'];

describe('thin load over many instances', () => {
	for (const algorithm of algorithms) {
		it(`1 req/s over 1,000 instances (${algorithm}): every request completes, none fails`, () => {
			let s = advance(makeState({instances: 1000, ratePerSecond: 1, algorithm, seed: 5, config: {autoScaling: {min: 1000, max: 1000, desired: 1000}}}), 30);
			const before = s.totals.arrived;
			s = advance(s, 600);
			const arrived = s.totals.arrived - before;
			expect(arrived).toBeGreaterThan(500);
			expect(s.totals.failed).toBe(0);
			// An idle server answers in one service time (33.6 ms): nothing is left in flight but
			// what arrived in the last tick or so.
			expect(s.flow.inFlight).toBeLessThanOrEqual(5);
			expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
			expect(Number.isFinite(s.flow.latencyMeanMs)).toBe(true);
		});
	}
});
