import {describe, expect, test} from 'vitest';
import {advance, createInitialState, makeConfig} from '../../source/sim/index.js';
import {renderFrame} from '../../source/ui/render-frame.js';
import {toAscii} from '../../source/ui/theme.js';
import {plain} from './helpers/render-text.js';

const colourCode = /\u001B\[(3[0-7]|9[0-7])m/;
const state = advance(createInitialState(makeConfig({name: 'frame-test', title: 'Frame test', seed: 5})), 30);

describe('renderFrame (what the recorder draws)', () => {
	test('is the dashboard at the asked size: rows lines, never wider', () => {
		for (const [columns, rows] of [[80, 24], [120, 40], [160, 50]]) {
			const lines = plain(renderFrame(state, {columns, rows, isColor: true})).split('\n');
			expect(lines).toHaveLength(rows);
			expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(columns);
			expect(lines[0]).toContain('frame-test');
			expect(lines[0]).toContain('00:00:30/');
			expect(lines.at(-1)).toContain('q quit');
		}
	});

	test('colour when asked, the NO_COLOR look otherwise, same text', () => {
		const color = renderFrame(state, {columns: 120, rows: 40, isColor: true});
		const mono = renderFrame(state, {columns: 120, rows: 40, isColor: false});
		expect(color).toMatch(colourCode);
		expect(mono).not.toMatch(colourCode);
		expect(mono).toContain('\u001B[1m');
		expect(plain(mono)).toBe(plain(color));
	});

	test('--ascii draws the same frame with ASCII only: one character for each glyph, every column in place', () => {
		const unicode = plain(renderFrame(state, {columns: 120, rows: 40, isColor: true}));
		const ascii = plain(renderFrame(state, {columns: 120, rows: 40, isColor: true, charset: 'ascii'}));
		expect(unicode).toMatch(/[^\u0000-\u007F]/);
		expect(ascii).not.toMatch(/[^\u0000-\u007F]/);
		expect(ascii).toBe(toAscii(unicode));
		expect(ascii.split('\n').map((line) => line.length)).toEqual(unicode.split('\n').map((line) => line.length));
		expect(ascii.split('\n')[0]).toContain('x1  > running');
	});

	test('is deterministic: the same state gives the same bytes', () => {
		expect(renderFrame(state, {columns: 100, rows: 30, isColor: true})).toBe(renderFrame(state, {columns: 100, rows: 30, isColor: true}));
	});

	test('says the terminal is too small below 80×24', () => {
		expect(plain(renderFrame(state, {columns: 60, rows: 20, isColor: false}))).toBe('terminal too small: need 80×24, have 60×20');
	});
});
