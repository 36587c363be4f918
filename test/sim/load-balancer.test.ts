/** The ELB's routing as aws-behaviour.md §5 describes it, observed through per-target counts. */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {makeConfig} from '../../source/sim/defaults.js';
import {selectLoadBalancer} from '../../source/sim/selectors/index.js';
import {createInitialState} from '../../source/sim/state.js';
import {startDraining} from '../../source/sim/data-plane/health-checks.js';
import type {SimState} from '../../source/sim/types.js';
import type {Working} from '../../source/sim/working.js';
import type {ConfigInput} from '../../source/sim/defaults.js';

function standalone(zones: Record<string, number>, input: ConfigInput = {}, instanceType = 'm5.large'): SimState {
	const instances = Object.entries(zones).flatMap(([zone, n]) => Array.from({length: n}, () => ({instanceType, zone, behindLoadBalancer: true, hasElasticIp: false, purchaseOption: 'on-demand' as const})));
	return createInitialState(makeConfig({autoScaling: null, instances, load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 80}, ...input}));
}

function shares(s: SimState): Record<string, number> {
	const view = selectLoadBalancer(s);
	const total = view.targets.reduce((sum, t) => sum + t.routedTotal, 0);
	return Object.fromEntries(view.targets.map(t => [t.instanceId, t.routedTotal / total]));
}

/** Requests routed to instance `id` in the last tick. */
function routedLastTick(s: SimState, id: string): number {
	return s.dataPlane.instances.routedLastTick[s.instanceOrder.indexOf(id)]!;
}

function mutate(s: SimState, change: (w: Working) => void): SimState {
	const w = structuredClone(s) as Working;
	change(w);
	return w as SimState;
}

describe('cross-zone load balancing (2 + 8 targets in two zones, the AWS docs example)', () => {
	it('off: each zone\'s node gets half, so zone A targets get 25 % each and zone B targets 6.25 %', () => {
		const s = advance(standalone({'us-east-1a': 2, 'us-east-1b': 8}, {loadBalancer: {crossZone: false}}), 300);
		const share = shares(s);
		expect(share['i-0001']).toBeCloseTo(0.25, 2);
		expect(share['i-0010']).toBeCloseTo(0.0625, 2);
	});

	it('on: every target gets 10 %', () => {
		const s = advance(standalone({'us-east-1a': 2, 'us-east-1b': 8}, {loadBalancer: {crossZone: true}}), 300);
		for (const value of Object.values(shares(s))) expect(value).toBeCloseTo(0.1, 2);
	});
});

describe('routing', () => {
	it('round-robin counts add up to the arrivals every tick, each target within one request of its share', () => {
		let s = standalone({'us-east-1a': 3}, {loadBalancer: {crossZone: true}});
		for (let k = 0; k < 20; k++) {
			s = advance(s, 1);
			const counts = selectLoadBalancer(s).targets.map(t => t.routedPerSecond);
			expect(counts.reduce((a, b) => a + b, 0)).toBe(s.flow.arrived);
			expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
		}
	});

	it('weighted routing follows capacity: a c5.2xlarge (8 vCPUs) gets 4× an m5.large (2)', () => {
		const base = standalone({'us-east-1a': 1}, {loadBalancer: {crossZone: true, algorithm: 'weighted'}});
		const config = {...base.config, instances: [...base.config.instances, {...base.config.instances[0]!, instanceType: 'c5.2xlarge'}]};
		const s = advance(createInitialState(config), 300);
		const share = shares(s);
		expect(share['i-0002']! / share['i-0001']!).toBeCloseTo(4, 1);
	});

	it('classic with no healthy target answers 503; application fails open and routes to all', () => {
		const sick = (kind: 'classic' | 'application'): SimState => mutate(standalone({'us-east-1a': 2}, {loadBalancer: {kind}}), w => {
			for (const id of w.instanceOrder) w.instances[id]!.target.health = 'unhealthy';
		});
		const classic = advance(sick('classic'), 10);
		expect(classic.totals.errors['503']).toBe(classic.totals.arrived);
		expect(classic.failureCauses['no-healthy-targets']).toBe(classic.totals.arrived);
		const application = advance(sick('application'), 10);
		expect(application.totals.failed).toBe(0);
		expect(Object.values(shares(application)).every(v => v > 0.4)).toBe(true);
	});

	it('spills over the classic surge queue (1,024) with 503 once instances refuse', () => {
		const s = advance(standalone({'us-east-1a': 1}, {app: {backlogPerVcpu: 100}, load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 2000}}, 't2.micro'), 30);
		expect(s.loadBalancer.surgeQueue).toBe(1024);
		expect(s.failureCauses['surge-queue-full']).toBeGreaterThan(0);
		// A request waiting in the surge queue is routed once, when an instance takes it.
		const routed = selectLoadBalancer(s).targets.reduce((sum, t) => sum + t.routedTotal, 0);
		expect(routed).toBe(s.totals.arrived - s.loadBalancer.surgeQueue - s.failureCauses['surge-queue-full']);
		expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
	});

	it('slow start (application) ramps a new target\'s share up over the window', () => {
		let s = standalone({'us-east-1a': 2}, {loadBalancer: {kind: 'application', slowStartSeconds: 100, crossZone: true}});
		s = mutate(advance(s, 200), w => {
			w.instances['i-0002']!.target.healthySinceTick = w.clock.tick;
		});
		s = advance(s, 10);
		const early = routedLastTick(s, 'i-0002') / s.flow.arrived;
		s = advance(s, 100);
		const late = routedLastTick(s, 'i-0002') / s.flow.arrived;
		expect(early).toBeLessThan(0.15);
		expect(late).toBeGreaterThan(0.4);
	});
});

describe('draining', () => {
	it('sends no new requests to a draining target and ends early once nothing is in flight', () => {
		let s = advance(standalone({'us-east-1a': 2}, {loadBalancer: {crossZone: true}}), 10);
		s = mutate(s, w => {
			startDraining(w, 'i-0001');
		});
		expect(selectLoadBalancer(s).targets[0]!.stateLabel).toBe('InService');
		s = advance(s, 1);
		expect(routedLastTick(s, 'i-0001')).toBe(0);
		s = advance(s, 2);
		expect(s.instances['i-0001']!.target.health).toBe('unused');
		expect(selectLoadBalancer(s).targets.map(t => t.instanceId)).toEqual(['i-0002']);
	});
});
