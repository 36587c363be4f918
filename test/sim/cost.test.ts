/** Cost: per-second billing with a 60 s minimum, purchase options, ELB and Elastic IP hours. */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {makeConfig} from '../../source/sim/defaults.js';
import {selectHeader, selectSummary} from '../../source/sim/selectors/index.js';
import {createInitialState} from '../../source/sim/state.js';
import {step} from '../../source/sim/step.js';
import {billContext, billInstance} from '../../source/sim/data-plane/cost.js';
import {inFlightOf} from '../../source/sim/data-plane/queue-node.js';
import type {Working} from '../../source/sim/working.js';
import {makeState} from '../helpers/make-state.js';

const hourOf = (usdPerHour: number, seconds: number): number => usdPerHour * seconds / 3600;

describe('cost', () => {
	it('bills two t2.micro and a classic ELB for an hour: 2 × $0.0116 + $0.025', () => {
		const s = advance(makeState({instances: 2, ratePerSecond: 10}), 3600);
		const summary = selectSummary(s);
		expect(summary.cost.totalUsd).toBeCloseTo((2 * 0.0116) + 0.025, 5);
		expect(summary.cost.instanceHours).toBeCloseTo(2, 6);
		expect(summary.cost.elbUsd).toBeCloseTo(0.025, 6);
		expect(selectHeader(s).runRateUsdPerHour).toBeCloseTo((2 * 0.0116) + 0.025, 6);
	});

	it('charges 60 s the moment an instance enters running, then per second after the first minute', () => {
		const s = structuredClone(makeState({instances: 1})) as Working;
		const i = s.instances['i-0001']!;
		const charges: number[] = [];
		for (let tick = 0; tick < 62; tick++) {
			s.clock.tick = tick;
			charges.push(billInstance(billContext(s), i, 0, 0.36));
		}

		expect(charges[0]).toBeCloseTo(hourOf(0.36, 60), 9);
		expect(charges.slice(1, 60).every(c => c === 0)).toBe(true);
		expect(charges[60]).toBeCloseTo(hourOf(0.36, 1), 9);
		expect(s.dataPlane.instances.billedSeconds[0]).toBe(62);
	});

	it('prices spot and reserved instances as a fraction of on-demand, and Elastic IPs by the hour', () => {
		const run = (purchaseOption: 'on-demand' | 'spot' | 'reserved', hasElasticIp = false): number => {
			const config = makeConfig({autoScaling: null, instances: [{instanceType: 'm5.large', zone: 'us-east-1a', behindLoadBalancer: true, hasElasticIp, purchaseOption}]});
			return selectSummary(advance(createInitialState(config), 3600)).cost.totalUsd - 0.025;
		};

		expect(run('on-demand')).toBeCloseTo(0.096, 6);
		expect(run('spot')).toBeCloseTo(0.096 * 0.3, 6);
		expect(run('reserved')).toBeCloseTo(0.096 * 0.6, 6);
		expect(run('on-demand', true)).toBeCloseTo(0.096 + 0.005, 6);
	});

	it('gives the fixed-peak-fleet counterfactual: peak instances × price × run time (+ the ELB)', () => {
		const s = advance(makeState({instances: 3, ratePerSecond: 10}), 1800);
		expect(selectSummary(s).cost.fixedPeakFleetUsd).toBeCloseTo((3 * 0.0116 * 0.5) + (0.025 * 0.5), 6);
	});

	it('bills the fixed fleet as the run is billed: on a 5 s run each instance costs its 60 s minimum in both', () => {
		const s = advance(makeState({instances: 2, ratePerSecond: 10}), 5);
		const {cost} = selectSummary(s);
		expect(cost.totalUsd).toBeCloseTo((2 * hourOf(0.0116, 60)) + hourOf(0.025, 5), 6);
		expect(cost.fixedPeakFleetUsd).toBeCloseTo((2 * hourOf(0.0116, 60)) + hourOf(0.025, 5), 6);
		expect(cost.fixedPeakFleetUsd).toBeGreaterThanOrEqual(cost.totalUsd - 1e-6);
	});

	it('sizes the fixed fleet by the peak hourly price, so a scaled-up instance counts at its larger type', () => {
		const config = makeConfig({
			autoScaling: null,
			durationSeconds: 3600,
			instances: [{instanceType: 't2.micro', zone: 'us-east-1a', behindLoadBalancer: true, hasElasticIp: false, purchaseOption: 'on-demand'}],
			load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 5},
		});
		let s = advance(createInitialState(config), 60);
		s = step(s, {type: 'instance/scale-up-requested', target: 'i-0001', instanceType: 'c5.2xlarge'});
		s = advance(s, 3600 - 60);
		const summary = selectSummary(s);
		// One c5.2xlarge ($0.34/h) for the whole hour, plus the classic ELB's hour.
		expect(summary.cost.fixedPeakFleetUsd).toBeCloseTo(0.34 + 0.025, 6);
		expect(summary.cost.fixedPeakFleetUsd).toBeGreaterThan(summary.cost.totalUsd);
	});

	it('throttles a t2 to its baseline once its CPU credits run out', () => {
		const s = structuredClone(makeState({instances: 1, zones: ['us-east-1a'], ratePerSecond: 25})) as Working;
		(s.dataPlane.instances.cpuCredits as number[])[0] = 0.5;
		const after = advance(s as never, 50);
		// 0.5 credits last ~35 s at full speed; then 10 % of one vCPU serves 2.98 req/s. The FIFO
		// queue holds what will be served within the 60 s timeout (2.98 × 60 ≈ 179); later arrivals
		// give up (in flight until they fail with 504, 60 s after arriving).
		expect(after.dataPlane.instances.cpuCredits[0]).toBeLessThan(0.01);
		expect(after.dataPlane.web.cpuPercent[0]).toBeCloseTo(10, 0);
		expect(after.dataPlane.web.served[0]).toBeGreaterThan(170);
		expect(after.dataPlane.web.served[0]).toBeLessThan(185);
		expect(inFlightOf(after.dataPlane.web, 0)).toBeGreaterThan(200);
		expect(after.flow.completed).toBeLessThanOrEqual(6);
	});
});
