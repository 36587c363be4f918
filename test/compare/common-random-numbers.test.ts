/**
 * The comparison's premise: with equal `load` sections both sides see the same arrivals, tick
 * for tick, whatever their policies and fleets do (common random numbers, design.md §1b); and
 * each side of `scaletop compare` is the preset run alone with that seed.
 */
import {describe, expect, test} from 'vitest';
import {compareCommand, loadSides} from '../../source/compare/command.js';
import {compareLoad} from '../../source/compare/load-difference.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {summaryJson} from '../../source/headless/output-schemas.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {makeOverride, parseSetFlag} from '../../source/presets/overrides.js';
import {advance, createInitialState, type SimConfig} from '../../source/sim/index.js';

function config(reference: string, ...sets: string[]): SimConfig {
	const overrides = sets.map(text => {
		const flag = parseSetFlag(text);
		if (!flag.ok) throw new Error(flag.message);
		return makeOverride(flag.value, flag.value.values[0]!);
	});
	const loaded = loadPreset(reference, undefined, overrides);
	if (!loaded.ok) throw new Error(loaded.message);
	return {...loaded.config, seed: 13};
}

/** Arrivals of each tick and the fleet's size along the way. */
function arrivalsPerTick(run: SimConfig, ticks: number): {arrivals: number[]; launched: number} {
	let state = createInitialState(run);
	const arrivals: number[] = [];
	for (let tick = 0; tick < ticks; tick++) {
		state = advance(state, 1);
		arrivals.push(state.flow.arrived);
	}

	return {arrivals, launched: state.totals.launched};
}

describe('common random numbers', () => {
	test('different policies, same load section: the same arrivals every tick', () => {
		const a = config('thrashing');
		const b = config('steady');
		expect(compareLoad(a, b).isSameArrivals).toBe(true);
		const [x, y] = [arrivalsPerTick(a, 1800), arrivalsPerTick(b, 1800)];
		// The policies do act differently (thrashing launches again and again) …
		expect(x.launched).toBeGreaterThan(y.launched + 5);
		// … and the arrivals do not move.
		expect(y.arrivals).toEqual(x.arrivals);
		expect(new Set(x.arrivals).size).toBeGreaterThan(10);
	});

	test('different fleets (type, size, balancer, routing), same load section: the same arrivals every tick', () => {
		const a = config('steady');
		const b = config('steady', 'autoScaling.launchTemplate.instanceType=t2.micro', 'autoScaling.desired=5', 'autoScaling.max=10', 'loadBalancer.kind=classic', 'loadBalancer.algorithm=least-outstanding-requests');
		expect(compareLoad(a, b).isSameArrivals).toBe(true);
		expect(arrivalsPerTick(b, 900).arrivals).toEqual(arrivalsPerTick(a, 900).arrivals);
	});

	test('a different load section gives different arrivals, and the header says so', () => {
		const a = config('steady');
		const b = config('steady', 'load.rate=87/s');
		expect(compareLoad(a, b)).toEqual({isSameArrivals: false, note: 'the load sections differ (A constant 86/s, B constant 87/s): the arrivals differ too'});
		expect(arrivalsPerTick(b, 300).arrivals).not.toEqual(arrivalsPerTick(a, 300).arrivals);
	});

	test('the header also notes a timeline that changes the traffic, other ticks, and a closed loop', () => {
		expect(compareLoad(config('instance-killed'), config('instance-killed', 'timeline=[{at: 1m, action: spike, factor: 2, for: 1m}]')).note).toMatch(/^the same load \(.*\), but the timelines change it differently \(spikes, load steps\): the arrivals differ$/);
		expect(compareLoad(config('steady'), config('steady', 'tick=5s')).note).toBe('the same load, but ticks of 1s (A) and 5s (B): the arrivals differ');
		expect(compareLoad(config('steady', 'load={closed: {concurrency: 5}}'), config('thrashing', 'load={closed: {concurrency: 5}}')).note).toBe('the same closed-loop load (closed loop, 5 clients): each side\'s requests follow its own responses');
	});
});

describe('each side is the preset run alone', () => {
	test('compare --json: { a, b }, each equal to a headless run of that preset with A\'s seed', async () => {
		let stdout = '';
		const status = await compareCommand(['thrashing', 'steady', '--headless', '--json', '--duration', '20m'], {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: () => true}, threads: 1});
		expect(status).toBe(0);
		const parsed = JSON.parse(stdout) as Record<string, unknown>;
		expect(Object.keys(parsed)).toEqual(['a', 'b']);
		const alone = (reference: string) => summaryJson(runHeadless({config: {...config(reference), durationSeconds: 1200}}).summary);
		expect(parsed['a']).toEqual(alone('thrashing'));
		expect(parsed['b']).toEqual(alone('steady'));
		expect((parsed['b'] as {seed: number}).seed).toBe(13);
	});

	test('the seed is A\'s unless --seed says; the duration each preset\'s own unless --duration says', () => {
		const [a, b] = loadSides(['thrashing', 'autoscaling-cpu-alarm'], {});
		expect([a.seed, b.seed]).toEqual([13, 13]);
		expect(b.durationSeconds).toBe(config('autoscaling-cpu-alarm').durationSeconds);
		const [c, d] = loadSides(['thrashing', 'steady'], {seed: 5, durationSeconds: 600});
		expect([c.seed, d.seed, c.durationSeconds, d.durationSeconds]).toEqual([5, 5, 600, 600]);
	});
});
