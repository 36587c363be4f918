/**
 * Thin load spread over a large fleet (issue 9): 1 req/s over 1,000 instances is about one
 * request per instance every 17 minutes. Each is served alone, so every request completes
 * within a few service times and none fails; the model must not lose them to underflow.
 * Both ELB layouts: a classic LB without cross-zone routing (two pools of 500, one per zone) and
 * an application LB (cross-zone: one pool of 1,000, where least outstanding requests' tail ratio
 * e^(−1000(1 − ρ)) is below the smallest double).
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import type {LoadBalancerKind, RoutingAlgorithm} from '../../source/sim/config.js';
import {hasDedicatedDatabase, webCpuMsOf} from '../../source/sim/data-plane/tiers.js';
import {selectSummary} from '../../source/sim/selectors/index.js';
import {makeState} from '../helpers/make-state.js';

const algorithms: RoutingAlgorithm[] = ['round-robin', 'least-outstanding-requests'];
const kinds: LoadBalancerKind[] = ['classic', 'application'];

/** Every number in `value` (nested), with its key path, that is not finite. */
function nonFinite(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

describe('thin load over many instances', () => {
	for (const kind of kinds) {
		for (const algorithm of algorithms) {
			it(`1 req/s over 1,000 instances (${kind} LB, ${algorithm}): every request completes in one service time, none fails`, () => {
				let s = advance(makeState({instances: 1000, ratePerSecond: 1, algorithm, kind, seed: 5, config: {autoScaling: {min: 1000, max: 1000, desired: 1000}}}), 30);
				const before = s.totals.arrived;
				s = advance(s, 600);
				const arrived = s.totals.arrived - before;
				expect(arrived).toBeGreaterThan(500);
				expect(s.totals.failed).toBe(0);
				// An idle server answers in one service time (33.6 ms): nothing is left in flight but
				// what arrived in the last tick or so.
				expect(s.flow.inFlight).toBeLessThanOrEqual(5);
				expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
				const summary = selectSummary(s);
				expect(nonFinite(summary)).toEqual([]);
				expect(nonFinite(s.flow)).toEqual([]);
				// Nobody waits: the mean is one service time (M/M/1 at ρ 3·10⁻⁵: 1/(μ − λ)).
				const serviceMs = webCpuMsOf(s.config, hasDedicatedDatabase(s));
				expect(summary.latencyMs.mean).toBeGreaterThan(serviceMs * 0.9);
				expect(summary.latencyMs.mean).toBeLessThan(serviceMs * 1.1);
			});
		}
	}
});
