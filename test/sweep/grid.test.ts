import {describe, expect, test} from 'vitest';
import {parseSetFlag, type SetFlag} from '../../source/presets/overrides.js';
import {compareValues, expandGrid, parseSeeds} from '../../source/sweep/grid.js';

const flag = (text: string): SetFlag => {
	const parsed = parseSetFlag(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value;
};

describe('the sweep grid', () => {
	test('size: every combination × every seed', () => {
		const grid = expandGrid([flag('a=1,2,3'), flag('b=x,y')], [1, 2, 3, 4]);
		expect(grid).toHaveLength(3 * 2 * 4);
		expect(new Set(grid.map(run => JSON.stringify([run.settings, run.seed]))).size).toBe(24);
		expect(grid.map(run => run.index)).toEqual([...Array.from({length: 24}).keys()]);
	});

	test('order: first key slowest, values in natural order, seeds ascending within a combination', () => {
		const grid = expandGrid([flag('autoScaling.defaultCooldown=5m,60s,0s'), flag('autoScaling.policies[0].alarm.threshold=80,70')], [3, 1]);
		expect(grid.map(run => [run.texts['autoScaling.defaultCooldown'], run.settings['autoScaling.policies[0].alarm.threshold'], run.seed])).toEqual([
			['0s', 70, 1], ['0s', 70, 3], ['0s', 80, 1], ['0s', 80, 3],
			['60s', 70, 1], ['60s', 70, 3], ['60s', 80, 1], ['60s', 80, 3],
			['5m', 70, 1], ['5m', 70, 3], ['5m', 80, 1], ['5m', 80, 3],
		]);
		expect(grid.map(run => run.combination)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
	});

	test('settings hold the YAML meaning of each value; texts hold what was typed', () => {
		const [run] = expandGrid([flag('a=80'), flag('b=300s'), flag('c=true'), flag('d=[x, y]')], [1]);
		expect(run!.settings).toEqual({a: 80, b: '300s', c: true, d: ['x', 'y']});
		expect(run!.texts).toEqual({a: '80', b: '300s', c: 'true', d: '[x, y]'});
	});

	test('no --set: one combination, one run per seed', () => {
		expect(expandGrid([], [2, 1]).map(run => [run.settings, run.seed])).toEqual([[{}, 1], [{}, 2]]);
	});

	test('natural order: magnitudes (numbers, durations, rates) before text, text by code point', () => {
		const values = ['round-robin', '20/s', 5, '90s', 'least-outstanding-requests', '2m'];
		expect([...values].sort(compareValues)).toEqual([5, '20/s', '90s', '2m', 'least-outstanding-requests', 'round-robin']);
	});
});

describe('--seeds', () => {
	test('ranges, single seeds and lists', () => {
		expect(parseSeeds('1-5')).toEqual({ok: true, value: [1, 2, 3, 4, 5]});
		expect(parseSeeds('7')).toEqual({ok: true, value: [7]});
		expect(parseSeeds('9,1,5,1')).toEqual({ok: true, value: [1, 5, 9]});
		expect(parseSeeds('1-3,10-11')).toEqual({ok: true, value: [1, 2, 3, 10, 11]});
	});

	test('bad seeds are one sentence', () => {
		expect(parseSeeds('5-1')).toEqual({ok: false, message: '--seeds expects seeds like 1-20, 7 or 1,5,9, got "5-1"'});
		expect(parseSeeds('a')).toEqual({ok: false, message: '--seeds expects seeds like 1-20, 7 or 1,5,9, got "a"'});
		expect(parseSeeds('1-1000000')).toEqual({ok: false, message: '--seeds 1-1000000: at most 100000 seeds'});
	});
});
