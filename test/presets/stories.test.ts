/**
 * Each built-in preset, run headless, shows its point in its numbers (issue 4). These run the
 * real simulation; when a preset stops making its point, the preset (or the model) needs work.
 */
import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import type {MetricsLine} from '../../source/sim/index.js';

function run(name: string, intervalSeconds = 60) {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	const lines: MetricsLine[] = [];
	const result = runHeadless({config: loaded.config, intervalSeconds, onMetrics: line => lines.push(line)});
	expect(result.violations).toEqual([]);
	return {...result, lines, config: loaded.config};
}

const errorsOf = (line: MetricsLine) => line.errors['502'] + line.errors['503'] + line.errors['504'];
const between = (lines: readonly MetricsLine[], fromSeconds: number, toSeconds: number) => lines.filter(line => line.t > fromSeconds && line.t <= toSeconds);
const max = (values: readonly number[]) => Math.max(...values);

describe('the built-in presets make their point', () => {
	test('tour: a spike raises latency, a kill costs a few requests and is replaced, scale-out to 4, the zone outage is routed around', () => {
		const {summary, lines} = run('tour', 15);
		const before = between(lines, 0, 30);
		const spike = between(lines, 30, 90);
		expect(max(spike.map(line => line.latencyP99))).toBeGreaterThan(3 * max(before.map(line => line.latencyP99)));
		expect(between(lines, 0, 120).every(line => errorsOf(line) === 0)).toBe(true);
		expect(between(lines, 120, 165).some(line => line.errors['502'] > 0)).toBe(true);
		expect(between(lines, 225, 285).some(line => errorsOf(line) > 0)).toBe(true);
		expect(lines.at(-1)?.desired).toBe(4);
		expect(summary.instances.launched).toBeGreaterThanOrEqual(5);
		expect(summary.requests.failed / summary.requests.arrived).toBeLessThan(0.05);
	});

	test('ab-stress: one t2.micro tops out near 29.8 req/s, then latency explodes and requests fail', () => {
		const {summary, lines} = run('ab-stress');
		expect(max(lines.map(line => line.completedRate))).toBeLessThan(32);
		expect(max(lines.map(line => line.completedRate))).toBeGreaterThan(27);
		expect(between(lines, 0, 180).every(line => errorsOf(line) === 0)).toBe(true);
		expect(summary.latencyMs.p99).toBeGreaterThan(10_000);
		expect(summary.requests.failed / summary.requests.arrived).toBeGreaterThan(0.2);
	});

	test('elb-two-instances: two instances share 40 req/s evenly with no errors', () => {
		const {summary} = run('elb-two-instances');
		expect(summary.requests.failed).toBe(0);
		const routed = Object.values(summary.elb.routed);
		expect(routed).toHaveLength(2);
		for (const count of routed) expect(count / summary.requests.arrived).toBeGreaterThan(0.45);
		expect(summary.throughputPerSecond).toBeGreaterThan(38);
	});

	test('autoscaling-cpu-alarm: no action before the alarm has 3 datapoints, then out to max, then back in after the sale', () => {
		const {summary, lines} = run('autoscaling-cpu-alarm');
		expect(between(lines, 0, 7 * 60).every(line => line.desired === 2)).toBe(true);
		expect(max(lines.map(line => line.desired))).toBe(6);
		expect(summary.scalingActivities).toBeGreaterThanOrEqual(3);
		expect(between(lines, 25 * 60, 30 * 60).every(line => errorsOf(line) === 0 && line.inService === 6)).toBe(true);
		expect(lines.at(-1)?.desired).toBeLessThan(6);
		expect(summary.alarms.find(alarm => alarm.name === 'HighCPU')?.transitions).toBeGreaterThanOrEqual(2);
	});

	test('daily-traffic: one instance at night, six or so at the peak, cheaper than a fleet sized for the peak', () => {
		const {summary, lines} = run('daily-traffic', 3600);
		expect(between(lines, 0, 3 * 3600).every(line => line.inService === 1)).toBe(true);
		const peak = max(between(lines, 12 * 3600, 16 * 3600).map(line => line.inService));
		expect(peak).toBeGreaterThanOrEqual(5);
		expect(peak).toBeLessThanOrEqual(7);
		expect(summary.requests.failed).toBe(0);
		expect(summary.cost.totalUsd).toBeLessThan(0.75 * summary.cost.fixedPeakFleetUsd);
	});

	test('instance-killed: errors only in the detection window, and a replacement is launched', () => {
		const {summary, lines} = run('instance-killed', 15);
		const killSeconds = 600;
		expect(summary.requests.failed).toBeGreaterThan(0);
		const failing = lines.filter(line => errorsOf(line) > 0).map(line => line.t);
		expect(Math.min(...failing)).toBeGreaterThan(killSeconds);
		expect(Math.max(...failing)).toBeLessThanOrEqual(killSeconds + 90);
		expect(summary.instances).toMatchObject({launched: 3, terminated: 1, final: 2});
		expect(lines.at(-1)?.inService).toBe(2);
	});

	test('az-outage: the zone\'s instances are replaced in the other zone and traffic recovers', () => {
		const {summary, lines} = run('az-outage');
		expect(between(lines, 0, 600).every(line => errorsOf(line) === 0)).toBe(true);
		expect(between(lines, 600, 900).some(line => errorsOf(line) > 0)).toBe(true);
		expect(summary.instances.launched).toBeGreaterThanOrEqual(6);
		expect(between(lines, 17 * 60, 25 * 60).every(line => line.inService >= 4)).toBe(true);
		expect(between(lines, 17 * 60, 40 * 60).every(line => errorsOf(line) === 0)).toBe(true);
		expect(lines.at(-1)?.inService).toBe(4);
		expect(summary.requests.failed / summary.requests.arrived).toBeLessThan(0.02);
	});

	test('thrashing has several times the scaling activities of steady on the same load', () => {
		const thrashing = run('thrashing').summary;
		const steady = run('steady').summary;
		expect(thrashing.requests.arrived).toBeCloseTo(steady.requests.arrived, -4);
		expect(thrashing.scalingActivities).toBeGreaterThanOrEqual(3 * Math.max(1, steady.scalingActivities));
		expect(thrashing.instances.launched).toBeGreaterThan(steady.instances.launched + 5);
		expect(steady.requests.failed).toBe(0);
		expect(steady.cost.totalUsd).toBeLessThan(thrashing.cost.totalUsd);
	});

	test('target-tracking: a few large steps to a fleet that holds CPU below the target', () => {
		const {summary, lines} = run('target-tracking');
		expect(summary.scalingActivities).toBeLessThanOrEqual(8);
		expect(summary.instances.terminated).toBe(0);
		const last = lines.at(-1);
		expect(last?.desired).toBeGreaterThanOrEqual(6);
		expect(last?.cpuAvg).toBeGreaterThan(30);
		expect(last?.cpuAvg).toBeLessThanOrEqual(55);
		expect(between(lines, 40 * 60, 60 * 60).every(line => errorsOf(line) === 0)).toBe(true);
	});
});

test('scale-up: each scale-up costs downtime, helps, and the largest instance still drowns at 1,500 req/s', () => {
	const {summary, lines} = run('scale-up');
	expect(between(lines, 0, 180).every(line => errorsOf(line) === 0)).toBe(true);
	expect(between(lines, 5 * 60, 11 * 60).some(line => line.completedRate === 0)).toBe(true);
	expect(between(lines, 12 * 60, 15 * 60).every(line => errorsOf(line) === 0 && line.completedRate > 35)).toBe(true);
	expect(between(lines, 17 * 60, 23 * 60).some(line => line.completedRate === 0)).toBe(true);
	expect(between(lines, 24 * 60, 27 * 60).every(line => errorsOf(line) === 0 && line.completedRate > 380)).toBe(true);
	const drowned = between(lines, 28 * 60, 35 * 60);
	expect(drowned.reduce((sum, line) => sum + line.completedRate, 0)).toBeLessThan(0.5 * drowned.reduce((sum, line) => sum + line.arrivalRate, 0));
	expect(summary.instances.launched).toBe(3);
});

test('chaos-monkey: one kill every 5 minutes, each replaced, errors only in the minute after a kill', () => {
	const {summary, lines} = run('chaos-monkey');
	expect(summary.instances.terminated).toBeGreaterThanOrEqual(10);
	expect(summary.instances.launched).toBe(4 + summary.instances.terminated);
	for (const line of lines.filter(line => errorsOf(line) > 0)) expect(line.t % 300, `errors at ${line.t} s`).toBe(60);
	expect(lines.every(line => line.inService >= 3)).toBe(true);
	expect(lines.at(-1)?.desired).toBe(4);
	expect(summary.requests.failed / summary.requests.arrived).toBeLessThan(0.05);
});
