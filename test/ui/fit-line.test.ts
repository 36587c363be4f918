import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState} from '../../source/sim/index.js';
import {renderFrame} from '../../source/ui/render-frame.js';
import {fitLine, lineText, seg} from '../../source/ui/paint.js';
import {textWidth} from '../../source/ui/text-width.js';
import {plain} from './helpers/render-text.js';

describe('a line that does not fit its box ends in …', () => {
	test('the ASG panel\'s policy rows at 80 columns (autoscaling-cpu-alarm): the evaluation period gives way to the step adjustment, never a bare "→ +" or "→ …"', () => {
		const loaded = loadPreset('autoscaling-cpu-alarm');
		if (!loaded.ok) throw new Error(loaded.message);
		const lines = plain(renderFrame(createInitialState(loaded.config), {columns: 80, rows: 24, isColor: false})).split('\n');
		const policies = lines.map(line => line.slice(41)).filter(right => /^scale-(out|in) /.test(right));
		expect(policies).toEqual([
			'scale-out INSUFF CPU > 70 → +2',
			'scale-in  INSUFF CPU < 30 → -1',
		]);
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(80);
	});

	test.each([
		// [segments, width, what is seen]
		[[seg('ab'), seg('日本語', 'warn')], 5, 'ab日…'],
		[[seg('ab'), seg('日本語', 'warn')], 4, 'ab… '],
		[[seg('日本語テキスト')], 6, '日本… '],
		[[seg('😀😀😀')], 5, '😀😀…'],
		[[seg('日本')], 3, '日…'],
		[[seg('scale-out '), seg('CPU > 70 → +2')], 21, 'scale-out CPU > 70 →…'],
	])('%j at width %i reads %j, exactly that wide', (segments, width, seen) => {
		const fitted = fitLine(segments, width);
		expect(lineText(fitted)).toBe(seen);
		expect(textWidth(lineText(fitted))).toBe(width);
	});

	test('the ellipsis takes the tone of the text it cuts', () => {
		expect(fitLine([seg('ok '), seg('ALARM now', 'alarm')], 7).at(-1)).toEqual({text: '…', tone: 'alarm'});
	});

	test('a line that fits, or overflows only with spaces, is not marked', () => {
		expect(lineText(fitLine([seg('abc')], 3))).toBe('abc');
		expect(lineText(fitLine([seg('abc'), seg('    ')], 5))).toBe('abc  ');
		expect(lineText(fitLine([seg('ab  '), seg(''), seg('  ')], 3))).toBe('ab ');
	});
});

describe('the alarm list at 80 columns', () => {
	test('keeps the threshold: a condition too long for the panel drops the metric\'s name, not the threshold (tour at 1:32)', () => {
		const loaded = loadPreset('tour');
		if (!loaded.ok) throw new Error(loaded.message);
		const lines = plain(renderFrame(advance(createInitialState(loaded.config), 92), {columns: 80, rows: 24, isColor: false})).split('\n');
		const alarms = lines.map(line => line.slice(41)).filter(right => right.startsWith('track-cpu '));
		expect(alarms).toHaveLength(3);
		expect(alarms.slice(1)).toEqual([
			expect.stringMatching(/^track-cpu high \S+ +\d+\/3 \d+(\.\d+)? > 60$/),
			expect.stringMatching(/^track-cpu low +\S+ +\d+\/15 \d+(\.\d+)? < 42$/),
		]);
	});
});
