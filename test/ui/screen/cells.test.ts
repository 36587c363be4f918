import {describe, expect, it} from 'vitest';
import {changedSpan, drawCells, parseCells, styleCode} from '../../../source/ui/screen/cells.js';

describe('parseCells', () => {
	it('gives each column its character and a canonical style', () => {
		expect(parseCells('a\u001B[1;31mbc\u001B[22md\u001B[0me')).toEqual({
			chars: ['a', 'b', 'c', 'd', 'e'],
			styles: ['', '1;31', '1;31', '31', ''],
		});
	});

	it('gives the same style however it was written', () => {
		const a = parseCells('\u001B[31m\u001B[1mx');
		const b = parseCells('\u001B[1;31mx');
		const c = parseCells('\u001B[0;31;1;4m\u001B[24mx');
		expect(a?.styles).toEqual(['1;31']);
		expect(b?.styles).toEqual(a?.styles);
		expect(c?.styles).toEqual(a?.styles);
	});

	it('knows 256 and true colours, backgrounds, bright colours and inverse', () => {
		expect(parseCells('\u001B[38;5;208;48;2;1;2;3mx\u001B[97;100;7my\u001B[27;39;49mz')?.styles).toEqual(['38;5;208;48;2;1;2;3', '7;97;100', '']);
	});

	it('counts a wide character (an emoji outside the BMP) as two columns, the second one a continuation', () => {
		expect(parseCells('a\u{1F600}b')?.chars).toEqual(['a', '\u{1F600}', '', 'b']);
	});

	it('refuses lines it cannot model: other escapes, control characters, unknown SGR', () => {
		expect(parseCells('\u001B[2Ka')).toBeUndefined();
		expect(parseCells('a\tb')).toBeUndefined();
		expect(parseCells('\u001B[53mover')).toBeUndefined();
		expect(parseCells('\u001B[38;5mx')).toBeUndefined();
	});
});

describe('changedSpan and drawCells', () => {
	it('finds the first and last changed column, including a change of colour only', () => {
		expect(changedSpan(parseCells('abcdef')!, parseCells('abXdeY')!)).toEqual({first: 2, last: 5});
		expect(changedSpan(parseCells('abc')!, parseCells('a\u001B[31mb\u001B[39mc')!)).toEqual({first: 1, last: 1});
		expect(changedSpan(parseCells('abc')!, parseCells('abc')!)).toBeUndefined();
		expect(changedSpan(parseCells('abc')!, parseCells('abcde')!)).toEqual({first: 3, last: 4});
	});

	it('draws a span with a code wherever the style changes, each starting from a reset', () => {
		const cells = parseCells('a\u001B[31mbc\u001B[1md')!;
		expect(drawCells(cells, 1, 4)).toBe('\u001B[0;31mbc\u001B[0;1;31md');
		expect(drawCells(cells, 0, 1)).toBe('\u001B[0ma');
		expect(styleCode('')).toBe('\u001B[0m');
	});
});
