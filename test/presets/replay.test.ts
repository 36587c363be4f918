/**
 * Replaying real traffic (design.md §1b): ALB access logs, CloudWatch RequestCount exports
 * and scaletop's own metrics, against the counts the fixtures were generated from
 * (test/fixtures/replay/generate.mjs), and every bad input's exact message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {describe, expect, test} from 'vitest';
import {intervalMetricsLine} from '../../source/headless/interval-metrics.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState, selectSummary, type SimConfig} from '../../source/sim/index.js';
// @ts-expect-error: a plain ES module without types (the fixture generator)
import {fixtures} from '../fixtures/replay/generate.mjs';

const root = 'test/fixtures/replay';
const expected = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'data', name), 'utf8')) as Record<string, number[] & number>;

function config(name: string): SimConfig {
	const loaded = loadPreset(path.join(root, name));
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.config;
}

/** Arrivals of each tick of a run. */
function arrivals(run: SimConfig, ticks: number): number[] {
	let state = createInitialState(run);
	const perTick: number[] = [];
	for (let tick = 0; tick < ticks; tick++) {
		state = advance(state, 1);
		perTick.push(state.flow.arrived);
	}

	return perTick;
}

const sums = (values: readonly number[], size: number) => Array.from({length: Math.ceil(values.length / size)}, (_, k) => values.slice(k * size, (k + 1) * size).reduce((a, b) => a + b, 0));

describe('the fixtures are what the script in test/fixtures/replay writes', () => {
	test('byte for byte (gzip files by their content: another zlib may compress differently)', () => {
		for (const [name, contents] of Object.entries(fixtures() as Record<string, string | Uint8Array>)) {
			const file = path.join(root, 'data', name);
			const actual = fs.readFileSync(file);
			if (name === 'truncated.log.gz' || name === 'truncated-in-trailer.log.gz') {
				expect(actual.length).toBeLessThan(fs.statSync(path.join(root, 'data', 'access.log.gz')).size);
				expect(() => zlib.gunzipSync(actual)).toThrow(/unexpected end of file/);
			} else if (name.endsWith('.gz') && !['not-gzip.log.gz', 'truncated-in-header.log.gz', 'truncated-after-one-byte.log.gz', 'truncated-empty.log.gz'].includes(name)) {
				expect(zlib.gunzipSync(actual).toString('utf8'), name).toBe(zlib.gunzipSync(contents as Uint8Array).toString('utf8'));
			} else {
				expect(actual.equals(Buffer.from(contents as string)), name).toBe(true);
			}
		}
	});
});

describe('ALB access logs', () => {
	const truth = expected('access.expected.json')['countsPerSecond'] as unknown as number[];

	test('arrivals per second equal the log\'s counts by request_creation_time, t = 0 at the first entry\'s second', () => {
		const run = config('alb.yaml');
		expect(run.load).toMatchObject({kind: 'open', pattern: 'recorded', binSeconds: 1});
		const perSecond = arrivals(run, 120);
		expect(perSecond).toEqual(truth);
		// Per minute, then, the totals agree too (well within 1 %).
		expect(sums(perSecond, 60)).toEqual(sums(truth, 60));
	});

	test('gzipped, or split into a folder of .log and .log.gz files, the same counts', () => {
		for (const name of ['alb-gz.yaml', 'alb-folder.yaml']) expect(config(name).load, name).toEqual(config('alb.yaml').load);
	});

	test('gzip is recognised by its content, not by the name', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-replay-'));
		fs.copyFileSync(path.join(root, 'data', 'access.log.gz'), path.join(folder, 'access.log'));
		fs.writeFileSync(path.join(folder, 'p.yaml'), 'load: { pattern: trace, format: alb-log, file: access.log }\n');
		const loaded = loadPreset(path.join(folder, 'p.yaml'));
		if (!loaded.ok) expect.fail(loaded.message);
		expect(loaded.config.load).toEqual(config('alb.yaml').load);
	});

	test('scale multiplies the rate; speedup compresses time (the same rates in half the time)', () => {
		const perSecond = arrivals(config('alb-scaled.yaml'), 60);
		// Sim second k replays log seconds 2k and 2k+1 at twice the rate, half as long each: their sum.
		const pairs = Array.from({length: 60}, (_, k) => truth[2 * k]! + truth[(2 * k) + 1]!);
		expect(perSecond.reduce((a, b) => a + b, 0)).toBe(pairs.reduce((a, b) => a + b, 0));
		expect(perSecond).toEqual(pairs);
	});

	test('classic load balancer entries (the time first) are read by their time', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-replay-'));
		const entry = (time: string) => `${time} my-clb 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -`;
		fs.writeFileSync(path.join(folder, 'clb.log'), `${[entry('2015-05-13T23:39:43.945958Z'), entry('2015-05-13T23:39:43.999Z'), entry('2015-05-13T23:39:45.1Z')].join('\n')}\n`);
		fs.writeFileSync(path.join(folder, 'p.yaml'), 'load: { pattern: trace, format: alb-log, file: clb.log }\n');
		const loaded = loadPreset(path.join(folder, 'p.yaml'));
		if (!loaded.ok) expect.fail(loaded.message);
		expect(loaded.config.load).toMatchObject({pattern: 'recorded', binSeconds: 1, counts: [2, 0, 1]});
	});
});

describe('CloudWatch RequestCount exports', () => {
	test('get-metric-statistics (1-minute Sums, in no order): each minute\'s arrivals are its Sum, spread within the minute', () => {
		const {sums: minutes} = expected('requestcount-statistics.expected.json') as unknown as {sums: number[]};
		const perSecond = arrivals(config('cloudwatch-statistics.yaml'), 1800);
		const perMinute = sums(perSecond, 60);
		for (const [k, sum] of minutes.entries()) expect(Math.abs(perMinute[k]! - sum), `minute ${k}`).toBeLessThanOrEqual(Math.max(1, sum / 100));
		expect(perMinute.reduce((a, b) => a + b, 0)).toBe(minutes.reduce((a, b) => a + b, 0));
		// Spread within the minute: no second holds more than its share plus one.
		expect(Math.max(...perSecond.slice(0, 60))).toBeLessThanOrEqual(Math.ceil(minutes[0]! / 60) + 1);
	});

	test('get-metric-data (5-minute values, newest first)', () => {
		const {sums: periods} = expected('requestcount-data.expected.json') as unknown as {sums: number[]};
		const run = config('cloudwatch-data.yaml');
		expect(run.load).toMatchObject({pattern: 'recorded', binSeconds: 300, counts: periods});
		const perPeriod = sums(arrivals(run, 3600), 300);
		for (const [k, sum] of periods.entries()) expect(Math.abs(perPeriod[k]! - sum)).toBeLessThanOrEqual(1);
	});
});

describe('scaletop metrics files', () => {
	test('each interval\'s arrivals are arrivalRate × the interval', () => {
		const {counts} = expected('metrics.expected.json') as unknown as {counts: number[]};
		expect(sums(arrivals(config('metrics.yaml'), 600), 10)).toEqual(counts);
	});

	test('a recorded run replayed under another policy gets the recorded arrivals, tick for tick', () => {
		const original = config('../../../presets/thrashing.yaml');
		let state = createInitialState({...original, durationSeconds: 600});
		let previous = selectSummary(state);
		const lines: string[] = [];
		const recorded: number[] = [];
		for (let tick = 0; tick < 600; tick++) {
			state = advance(state, 1);
			const summary = selectSummary(state);
			lines.push(JSON.stringify(intervalMetricsLine(state, summary, previous)));
			recorded.push(state.flow.arrived);
			previous = summary;
		}

		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-replay-'));
		fs.writeFileSync(path.join(folder, 'run.ndjson'), `${lines.join('\n')}\n`);
		fs.writeFileSync(path.join(folder, 'p.yaml'), 'autoScaling: { launchTemplate: { instanceType: c5.large }, min: 3, max: 3, desired: 3 }\nload: { pattern: trace, format: metrics, file: run.ndjson }\n');
		const loaded = loadPreset(path.join(folder, 'p.yaml'));
		if (!loaded.ok) expect.fail(loaded.message);
		expect(arrivals(loaded.config, 600)).toEqual(recorded);
	});
});

describe('bad and truncated files: one located line each', () => {
	for (const name of fs.readdirSync(root).filter(file => file.startsWith('invalid-') && file.endsWith('.yaml')).sort()) {
		test(name, () => {
			const file = path.join(root, name);
			const expectations = fs.readFileSync(file, 'utf8').split('\n').filter(line => line.startsWith('# expect: ')).map(line => line.slice('# expect: '.length));
			expect(expectations).toHaveLength(1);
			const loaded = loadPreset(file);
			expect(loaded.ok ? 'loaded' : loaded.message).toBe(expectations[0]);
		});
	}
});
