/**
 * The app tier (issue 10): the middleware on instances of its own between the web nodes and the
 * database (web → app → database), from the start (`tiers.app`) or by `split-app` mid-run.
 */
import {describe, expect, it} from 'vitest';
import {advance, createInitialState, describeAction, makeConfig, selectSummary, selectTierNodes, step, type SimConfig, type SimState} from '../../source/sim/index.js';
import type {ConfigInput} from '../../source/sim/defaults.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';
import {runTick, type TickCarry} from '../../source/sim/tick.js';
import type {Working} from '../../source/sim/working.js';

function erlangC(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + (a * b));
	return b / (1 - ((a / c) * (1 - b)));
}

/** Mean sojourn of M/M/c, seconds. */
function mmcSojourn(lambda: number, mu: number, c: number): number {
	return (erlangC(c, lambda / mu) / ((c * mu) - lambda)) + (1 / mu);
}

const tandem = (rate: number, seed: number, appCount = 1): SimConfig => makeConfig({
	seed,
	autoScaling: {min: 1, max: 1, desired: 1, instanceType: 'c5.large', zones: ['us-east-1a'], healthCheckType: 'EC2'},
	loadBalancer: {kind: 'application', surgeQueueLength: 0},
	app: {webCpuMs: 3.6, appCpuMs: 18, dbReads: 10, dbWrites: 2, dbQueryCpuMs: 2, timeoutMs: 600_000, backlogPerVcpu: 100_000},
	tiers: {database: {placement: 'dedicated', instanceClass: 'db.t3.micro', timeoutSeconds: 600}, app: {instanceType: 'c5.large', count: appCount}},
	load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: rate},
});

const conserved = (s: SimState) => expect(s.totals.arrived).toBeCloseTo(s.totals.completed + s.totals.failed + s.flow.inFlight, 6);
const lastMessage = (s: SimState) => s.events.at(-1)?.message;

describe('the app tier', () => {
	it('web → app → database at steady state: the mean end to end is the Jackson network\'s within 5 %, each tier at its offered load', () => {
		const lambda = 70;
		// Web M/M/2 (3.6 ms), app M/M/2 (18 ms: 63 %), database 12 visits to M/M/2 at 12λ (2 ms: 84 %).
		const webMs = 1000 * mmcSojourn(lambda, 1000 / 3.6, 2);
		const appMs = 1000 * mmcSojourn(lambda, 1000 / 18, 2);
		const databaseMs = 1000 * 12 * mmcSojourn(12 * lambda, 1000 / 2, 2);
		const jacksonMs = webMs + appMs + databaseMs;
		const seconds = 6000;
		const warm = 300;
		const s = structuredClone(createInitialState(tandem(lambda, 5))) as Working;
		const carry: TickCarry = {};
		let latency = 0;
		let completed = 0;
		for (let k = 0; k < seconds; k++) {
			const before = s.latency.sumMs;
			runTick(s, carry);
			if (k >= warm) {
				latency += s.latency.sumMs - before;
				completed += s.flow.completed;
			}

			conserved(s);
		}

		expect(Math.abs((latency / completed) / jacksonMs - 1)).toBeLessThan(0.05);
		const tiers = s.tiers;
		expect(100 * tiers.app!.utilisationSum / tiers.app!.ticks).toBeCloseTo(63, -0.5);
		expect(100 * tiers.database!.utilisationSum / tiers.database!.ticks).toBeCloseTo(84, -0.5);
		expect(100 * tiers.web!.utilisationSum / tiers.web!.ticks).toBeCloseTo(12.6, -0.5);
		// Each tier's own time is its node's sojourn (within 10 %: the app's alone is noisier).
		expect(tiers.app!.latencySumMs / tiers.app!.completed / appMs).toBeGreaterThan(0.9);
		expect(tiers.app!.latencySumMs / tiers.app!.completed / appMs).toBeLessThan(1.1);
		const summary = selectSummary(s);
		expect(Object.keys(summary.tiers)).toEqual(['web', 'app', 'database']);
		expect(summary.tiers.app!.nodes).toBe(1);
	});

	it('the internal load balancer alternates: two app instances each take half, and the tier saturates at their capacity', () => {
		// 2 × c5.large at 18 ms: 2 × 111 req/s. At 150 req/s each is at 67 %.
		const s = advance(createInitialState(tandem(150, 3, 2)), 600);
		const cpu = s.dataPlane.app.cpuPercent;
		expect(cpu).toHaveLength(2);
		expect(cpu[0]! + cpu[1]!).toBeGreaterThan(100);
		// The instance table's tier rows: the app instances, in route order before the database.
		expect(selectTierNodes(s).map(node => `${node.id} ${node.tier} ${node.nodeType}`)).toEqual(['app-1 app c5.large', 'app-2 app c5.large', 'scaletop-db database db.t3.micro']);
		expect(selectTierNodes(s)[0]!.requestsPerSecond).toBeGreaterThan(50);
		const summary = selectSummary(s);
		expect(summary.tiers.app!.cpuAvg).toBeGreaterThan(60);
		expect(summary.tiers.app!.cpuAvg).toBeLessThan(74);
		// Billed like EC2: 2 × c5.large ($0.085/h) for 10 minutes.
		expect(summary.tiers.app!.costUsd).toBeCloseTo(2 * 0.085 / 6, 4);
	});

	it('split-app moves the middleware off the web instances mid-run: web CPU falls by 18/21.6, the app tier takes it; requests conserved tick by tick', () => {
		const input: ConfigInput = {
			autoScaling: {min: 2, max: 2, desired: 2, instanceType: 'c5.large', healthCheckType: 'EC2'},
			loadBalancer: {kind: 'application'},
			tiers: {database: {placement: 'dedicated', instanceClass: 'db.r5.large'}},
			load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 60},
		};
		let s = advance(createInitialState(makeConfig(input)), 300);
		const before = s.tiers.web!.recentUtilisation;
		expect(s.tiers.app).toBeUndefined();
		s = step(s, {type: 'app/split-requested', instanceType: 'c5.xlarge', count: 3});
		expect(lastMessage(s)).toBe('split the middleware off the web instances (3 × c5.xlarge): 3 × c5.xlarge (app-1, app-2, app-3) run the middleware behind an internal load balancer; the web instances do only the web work');
		for (let t = 0; t < 120; t++) {
			s = advance(s, 1);
			conserved(s);
		}

		s = advance(s, 300);
		// wordpress: 21.6 ms on the web server with the database apart, 3.6 ms with the middleware apart too.
		const ratio = s.tiers.web!.recentUtilisation / before;
		expect(ratio).toBeGreaterThan((3.6 / 21.6) * 0.7);
		expect(ratio).toBeLessThan((3.6 / 21.6) * 1.3);
		// 60 req/s × 18 ms over 3 × 4 vCPUs: 9 %.
		expect(100 * s.tiers.app!.utilisation).toBeGreaterThan(6);
		expect(100 * s.tiers.app!.utilisation).toBeLessThan(12);
		expect(s.tiers.app!.costUsd).toBeGreaterThan(0);
		expect(s.totals.failed).toBe(0);
	});

	it('split-app is refused while the database is on the web instances, or when the middleware is already apart', () => {
		const colocated = createInitialState(makeConfig({autoScaling: {min: 1, max: 1, desired: 1, instanceType: 'c5.large'}}));
		expect(lastMessage(step(colocated, {type: 'app/split-requested'}))).toBe('split the middleware off the web instances refused: the database still runs on the web instances; split the database off first (split-database)');
		const apart = createInitialState(tandem(10, 1, 2));
		expect(lastMessage(step(apart, {type: 'app/split-requested'}))).toBe('split the middleware off the web instances refused: the middleware already runs on instances of its own (2 × c5.large)');
		expect(describeAction({type: 'app/split-requested'})).toBe('split the middleware off the web instances');
	});

	it('a preset\'s tiers.app without a database of its own is one located sentence', () => {
		const result = parsePreset('tiers:\n  app: { instanceType: c5.large, count: 2 }\n', {file: 'p.yaml'});
		expect(result.ok ? [] : result.problems.map(problem => formatProblem(problem))).toEqual([
			'p.yaml:2:3 tiers.app: the middleware apart needs a database of its own; add tiers.database.placement: dedicated (the course notes split the database off first)',
		]);
	});

	it('a tiers.app without a database of its own is refused by the config check', () => {
		expect(() => createInitialState(makeConfig({tiers: {app: {count: 2}}}))).toThrow('tiers.app: the middleware apart needs a database of its own (tiers.database.placement: dedicated).');
	});
});
