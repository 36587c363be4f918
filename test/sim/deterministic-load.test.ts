/**
 * Uniform arrivals and a constant service time (`arrivals: uniform`, `cv: 0`): a D/D/c queue
 * below capacity, where nobody ever waits, so every request takes exactly one service time
 * (issue 9). The model's tail ratio of such a queue is 0, which must not make every server look
 * busy for ever.
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import type {RoutingAlgorithm} from '../../source/sim/config.js';
import {hasDedicatedDatabase, webCpuMsOf} from '../../source/sim/data-plane/tiers.js';
import {selectSummary} from '../../source/sim/selectors/index.js';
import {makeState} from '../helpers/make-state.js';

const algorithms: RoutingAlgorithm[] = ['round-robin', 'weighted'];
/**
 * How far the mean may be above one service time. 36 vCPUs at 10 req/s each: within 10 %. One vCPU
 * at ρ 0.34: within 20 %; the model is 16 % above (38.9 ms), because its arrivals see a busy server
 * as often as a random instant does (PASTA, exact for Poisson arrivals), where uniform ones never
 * do: a known gap, left for the arrival-seen law of non-Poisson arrivals (it was 84 ms, +150 %).
 */
const tolerance: Record<string, number> = {'t2.micro': 0.2, 'd2.8xlarge': 0.1};

describe('uniform arrivals, constant service time, below capacity', () => {
	for (const instanceType of ['t2.micro', 'd2.8xlarge']) {
		for (const algorithm of algorithms) {
			it(`2 × ${instanceType}, 20 req/s (${algorithm}): every request takes one service time, none is left in flight`, () => {
				const s = advance(makeState({instances: 2, instanceType, algorithm, cv: 0, ratePerSecond: 20, seed: 5, config: {load: {kind: 'open', arrivals: 'uniform', pattern: 'constant', ratePerSecond: 20}}}), 300);
				const summary = selectSummary(s);
				const serviceMs = webCpuMsOf(s.config, hasDedicatedDatabase(s));
				expect(summary.requests.failed).toBe(0);
				// 20 req/s, each done in 33.6 ms: at most one tick's arrivals in flight.
				expect(summary.requests.inFlight).toBeLessThanOrEqual(20);
				expect(summary.latencyMs.mean).toBeGreaterThan(serviceMs * 0.9);
				expect(summary.latencyMs.mean).toBeLessThan(serviceMs * (1 + tolerance[instanceType]!));
			});
		}
	}
});
