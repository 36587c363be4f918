import {describe, expect, test} from 'vitest';
import {bar, fit, fitRight, formatClock, formatDuration, formatMs, formatNumber, formatSpeed, formatUsd, sparkline} from '../../../source/ui/view-models/format.js';

describe('formatting', () => {
	test.each([
		[0, '0'], [4.256, '4.26'], [29.8, '29.8'], [100, '100'], [1234.4, '1234'], [12_345, '12.3k'], [250_000, '250k'], [1_250_000, '1.3M'],
	])('number %d → %s', (value, text) => {
		expect(formatNumber(value)).toBe(text);
	});

	test.each([[0.8, '0.8ms'], [45, '45ms'], [1250, '1.25s'], [60_000, '60s']])('ms %d → %s', (ms, text) => {
		expect(formatMs(ms)).toBe(text);
	});

	test('clock, durations, dollars and speed', () => {
		expect(formatClock(754)).toBe('00:12:34');
		expect(formatClock(100 * 3600 + 1)).toBe('100:00:01');
		expect([45, 725, 11_220, 190_000].map(formatDuration)).toEqual(['45s', '12m05s', '3h07m', '2d04h']);
		expect([0.0123, 12.345, 1234.5].map(formatUsd)).toEqual(['$0.0123', '$12.35', '$1,235']);
		expect([0.25, 1, 600].map(formatSpeed)).toEqual(['×0.25', '×1', '×600']);
	});

	test('fit pads or cuts with an ellipsis; fitRight aligns numbers', () => {
		expect(fit('abc', 5)).toBe('abc  ');
		expect(fit('abcdef', 4)).toBe('abc…');
		expect(fitRight('42', 5)).toBe('   42');
	});

	test('sparklines scale to the largest value shown, time runs right, a longer history averaged into buckets', () => {
		expect(sparkline([0, 1, 2, 4, 8], 5)).toBe('▁▂▃▅█');
		expect(sparkline([5, 5], 4)).toBe('  ██');
		expect(sparkline([0, 0, 0], 3)).toBe('▁▁▁');
		expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 3)).toBe('▃▅█'); // buckets 1–2, 3–5, 6–8: averages 1.5, 4, 7
	});

	test('bars fill by eighths and clamp to 0–100 %', () => {
		expect(bar(50, 4)).toBe('██··');
		expect(bar(56.25, 4)).toBe('██▎·');
		expect(bar(150, 3)).toBe('███');
		expect(bar(-5, 3)).toBe('···');
	});
});
