import {describe, expect, test} from 'vitest';
import {formatDuration, parseDurationSeconds, parseRatePerSecond} from '../../source/presets/units.js';
import {insideFolder, parseTrace} from '../../source/presets/trace.js';

describe('durations', () => {
	test.each([
		['90s', 90], ['5m', 300], ['1h', 3600], ['22h', 79_200], ['1h30m', 5400], ['250ms', 0.25], ['1.5m', 90], ['2d', 172_800], ['0', 0], [0, 0],
	])('%s is %s seconds', (text, seconds) => {
		expect(parseDurationSeconds(text)).toBe(seconds);
	});

	test.each(['5', 5000, '5 m', 'm5', '-5s', '5x', '', null, true, '1h 30m'])('%s is not a duration', text => {
		expect(parseDurationSeconds(text)).toBeUndefined();
	});

	test('formatting reads back as the same duration', () => {
		for (const seconds of [0, 0.25, 59, 60, 90, 3600, 5400, 86_400 + 61, 200_000]) expect(parseDurationSeconds(formatDuration(seconds))).toBeCloseTo(seconds, 6);
		expect(formatDuration(5400)).toBe('1h30m');
		expect(formatDuration(86_400)).toBe('24h');
		expect(formatDuration(3650 * 86_400)).toBe('3650d');
	});
});

describe('rates', () => {
	test.each([
		['20/s', 20], ['1200/m', 20], ['36000/h', 10], ['1200/min', 20], [7.5, 7.5], ['7.5', 7.5], [' 20 / s ', 20],
	])('%s is %s req/s', (text, perSecond) => {
		expect(parseRatePerSecond(text)).toBe(perSecond);
	});

	test.each(['20/d', '20 per second', -1, Number.NaN, '', 'fast', {}])('%s is not a rate', text => {
		expect(parseRatePerSecond(text)).toBeUndefined();
	});
});

describe('traces', () => {
	test('reads seconds,rate lines with a header, comments and units', () => {
		expect(parseTrace('seconds,rate\n# night\n0,10\n5m,1200/m\n')).toEqual({points: [{atSeconds: 0, ratePerSecond: 10}, {atSeconds: 300, ratePerSecond: 20}], problems: []});
	});

	test('reports bad lines and times that do not increase', () => {
		expect(parseTrace('0,10\nfoo\n0,5\n').problems).toEqual([
			{line: 2, column: 1, message: 'expected "seconds,rate" (like 300,25), got "foo"'},
			{line: 3, column: 1, message: 'times must increase, got 0 after 0'},
		]);
	});

	test('only the first line may be a header: a later line that is not a point is a problem', () => {
		expect(parseTrace('seconds,rate\n0,10\nfoo\n60,20\n').problems).toEqual([{line: 3, column: 1, message: 'expected "seconds,rate" (like 300,25), got "foo"'}]);
		expect(parseTrace('# a comment\nseconds,rate\n\ntime,requests\n0,10\n').problems).toEqual([{line: 4, column: 1, message: 'expected "seconds,rate" (like 300,25), got "time,requests"'}]);
		expect(parseTrace('seconds,rate\r\n0,10\r\n60,20\r\n').points).toEqual([{atSeconds: 0, ratePerSecond: 10}, {atSeconds: 60, ratePerSecond: 20}]);
	});

	test('a trace path must stay inside the preset folder', () => {
		expect(insideFolder('trace.csv')).toBe('trace.csv');
		expect(insideFolder('./data//trace.csv')).toBe('data/trace.csv');
		expect(insideFolder('./data/../trace.csv')).toBeUndefined();
		expect(insideFolder('..')).toBeUndefined();
		expect(insideFolder('.')).toBeUndefined();
		expect(insideFolder('..trace.csv')).toBe('..trace.csv');
		expect(insideFolder('../trace.csv')).toBeUndefined();
		expect(insideFolder('data/../../trace.csv')).toBeUndefined();
		expect(insideFolder('/etc/passwd')).toBeUndefined();
		expect(insideFolder('C:\\x.csv')).toBeUndefined();
	});
});
