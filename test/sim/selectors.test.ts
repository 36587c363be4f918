/** Selectors: what the dashboard, the headless summary and the metrics stream read. */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {selectEvents, selectHeader, selectInstances, selectLoad, selectLoadBalancer, selectMetricsLine, selectSeries, selectSummary} from '../../source/sim/selectors/index.js';
import {step} from '../../source/sim/step.js';
import {makeState} from '../helpers/make-state.js';

describe('selectors', () => {
	const s = advance(makeState({instances: 2, ratePerSecond: 30, seed: 4}), 900);

	it('summarise a run with the keys design.md §2 names, adding up', () => {
		const summary = selectSummary(s);
		expect(Object.keys(summary)).toEqual(expect.arrayContaining(['preset', 'seed', 'simulatedSeconds', 'requests', 'errors', 'latencyMs', 'throughputPerSecond', 'instances', 'scalingActivities', 'cost', 'alarms', 'elb']));
		expect(summary.simulatedSeconds).toBe(900);
		const r = summary.requests;
		expect(r.arrived).toBe(r.completed + r.failed + r.inFlight);
		expect(Object.values(summary.elb.routed).reduce((a, b) => a + b, 0)).toBe(r.arrived);
		expect(summary.throughputPerSecond).toBeCloseTo(30, 0);
		// Two t2.micro at 15 req/s each: M/M/1 with ρ = 0.504, W = 1/(29.76 − 15) = 67.8 ms.
		expect(summary.latencyMs.mean).toBeGreaterThan(64);
		expect(summary.latencyMs.mean).toBeLessThan(71);
		expect(summary.latencyMs.p50).toBeLessThan(summary.latencyMs.p90);
		expect(summary.latencyMs.p99).toBeLessThanOrEqual(summary.latencyMs.max);
		expect(summary.instances).toEqual({launched: 2, terminated: 0, peak: 2, final: 2});
	});

	it('give one NDJSON metrics line with design.md\'s fields', () => {
		const line = selectMetricsLine(s);
		expect(Object.keys(line).sort()).toEqual(['arrivalRate', 'completedRate', 'costUsd', 'cpuAvg', 'desired', 'errors', 'healthy', 'inService', 'latencyP50', 'latencyP99', 'pending', 't', 'bottleneck', 'tierCpu', 'inconsistentReads', 'lostSessions'].sort());
		expect(line).toMatchObject({t: 900, inService: 2, healthy: 2, desired: 2, pending: 0});
		expect(line.cpuAvg).toBeGreaterThan(30);
		expect(line.cpuAvg).toBeLessThan(70);
	});

	it('show the load, the load balancer and the instances as the dashboard needs them', () => {
		const load = selectLoad(s);
		expect(load.arrivalRatePerSecond).toBe(s.flow.arrived);
		expect(load.latencyP99Ms).toBeGreaterThan(load.latencyP50Ms);
		const lb = selectLoadBalancer(s);
		expect(lb).toMatchObject({kind: 'classic', algorithm: 'round-robin', healthyCount: 2, registeredCount: 2});
		expect(lb.targets.map(t => t.stateLabel)).toEqual(['InService', 'InService']);
		const rows = selectInstances(s);
		expect(rows.map(r => [r.id, r.zone, r.ec2State, r.healthLabel])).toEqual([['i-0001', 'us-east-1a', 'running', 'Healthy'], ['i-0002', 'us-east-1b', 'running', 'Healthy']]);
		expect(rows[0]!.uptimeSeconds).toBe(900);
		expect(rows[0]!.isBurstable).toBe(true);
	});

	it('keep sparkline history bounded and in order', () => {
		const series = selectSeries(s, 120);
		expect(series.arrivalRate).toHaveLength(120);
		expect(series.costUsd.at(-1)).toBeCloseTo(s.totals.costUsd, 9);
		for (let k = 1; k < series.costUsd.length; k++) expect(series.costUsd[k]).toBeGreaterThanOrEqual(series.costUsd[k - 1]!);
		expect(selectSeries(advance(s, 1000), 1000).arrivalRate).toHaveLength(600);
	});

	it('show a header with cost and run rate, and events newest first', () => {
		expect(selectHeader(s)).toMatchObject({tick: 900, simulatedSeconds: 900, seed: 4});
		const later = advance(step(s, {type: 'instance/terminate-requested', target: 'i-0001'}), 90);
		const events = selectEvents(later, 5);
		expect(events.length).toBeGreaterThan(0);
		for (let k = 1; k < events.length; k++) expect(events[k]!.tick).toBeLessThanOrEqual(events[k - 1]!.tick);
	});
});
