/**
 * Huge traces (issue 14 item 15): a CSV of hundreds of thousands of points loads and runs, and
 * past the documented limit (source/presets/limits.ts maxTracePoints) the file gets one located
 * sentence, never a stack trace. The files are made here, in a temporary folder (tens of MB:
 * a longer timeout than the default, for a busy machine; not a timing test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {formatLimit, maxTracePoints} from '../../source/presets/limits.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {parseCloudWatch} from '../../source/presets/trace-json.js';
import {advance, createInitialState} from '../../source/sim/index.js';

const folders: string[] = [];
afterAll(() => {
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});

/** A preset beside a CSV of `points` one-second points; the rate is 20/s, 40/s at every 1,000th second. */
function csvPreset(points: number): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-huge-trace-'));
	folders.push(folder);
	const lines = ['seconds,rate'];
	for (let second = 0; second < points; second++) lines.push(`${second},${second % 1000 === 500 ? 40 : 20}`);
	fs.writeFileSync(path.join(folder, 'day.csv'), `${lines.join('\n')}\n`);
	const file = path.join(folder, 'p.yaml');
	fs.writeFileSync(file, 'autoScaling: { launchTemplate: { instanceType: c5.large }, min: 2, max: 2, desired: 2 }\nload: { pattern: trace, arrivals: uniform, file: day.csv }\n');
	return file;
}

describe('a CSV trace of many points', () => {
	test('300,000 points (3.5 days at 1 s) load and run: each second gets the trace\'s rate', () => {
		const loaded = loadPreset(csvPreset(300_000));
		if (!loaded.ok) expect.fail(loaded.message);
		const load = loaded.config.load;
		expect(load.kind === 'open' && load.pattern === 'trace' ? [load.points.length, load.peakPerSecond] : load).toEqual([300_000, 40]);
		let state = createInitialState(loaded.config);
		const arrived: number[] = [];
		for (let tick = 0; tick < 1002; tick++) {
			state = advance(state, 1);
			arrived.push(state.flow.arrived);
		}

		// Uniform arrivals at the interpolated rate: 20 a second, rising to 40 at 500 s and back.
		expect(arrived.slice(0, 5)).toEqual([20, 20, 20, 20, 20]);
		expect(arrived.slice(498, 502)).toEqual([20, 20, 40, 20]);
		expect(arrived.reduce((a, b) => a + b, 0)).toBe((1002 * 20) + 20);
	}, 120_000);

	test(`past ${formatLimit(maxTracePoints)} points: one located sentence with the limit`, () => {
		const file = csvPreset(maxTracePoints + 1);
		const loaded = loadPreset(file);
		// Line 1 is the header, so the first point over the limit is on line maxTracePoints + 2.
		expect(loaded.ok ? 'loaded' : loaded.message).toBe(`${path.join(path.dirname(file), 'day.csv')}:${maxTracePoints + 2}:1 expected at most 2,678,400 points (scaletop's limit: 31 days at one point a second)`);
	}, 120_000);
});

describe('a problem in a CloudWatch export is located by one pass over the JSON', () => {
	test('strings with brackets, quotes and commas before it do not throw the position off', () => {
		const datapoints = [
			{Timestamp: '2024-05-01T12:00:00Z', Sum: 10, Unit: 'Count', Note: 'a "quoted" }, ] {[ string'},
			{Timestamp: '2024-05-01T12:01:00Z', Sum: 11, Unit: 'Count', Nested: {list: [[1, 2], {'}': ']'}]}},
			{Timestamp: 'noon', Sum: 12, Unit: 'Count'},
		];
		const text = `{\n  "Label": "RequestCount",\n  "Datapoints": [\n${datapoints.map(point => `    ${JSON.stringify(point)}`).join(',\n')}\n  ]\n}\n`;
		const result = parseCloudWatch(text);
		const column = text.split('\n')[5]!.indexOf('"noon"') + 1;
		expect(result).toEqual({problem: {line: 6, column, message: 'Timestamp: expected an ISO 8601 time like 2024-05-01T12:00:00Z, got "noon"'}});
	});
});
