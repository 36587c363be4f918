import {describe, expect, test} from 'vitest';
import {beginSync, createScreenWriter, diffScreen, endSync, visibleWidth} from '../../source/live/screen-writer.js';

const wrap = (body: string) => `${beginSync}${body}\u001B[0m${endSync}`;

describe('screen writer', () => {
	test('the first frame clears the screen and draws every line at its row', () => {
		expect(diffScreen(undefined, ['a', '', 'c'])).toBe(wrap('\u001B[H\u001B[2J\u001B[1;1Ha\u001B[3;1Hc'));
	});

	test('later frames rewrite only the lines that changed, erasing what was left of them', () => {
		expect(diffScreen(['a', 'b', 'c'], ['a', 'B', 'c'])).toBe(wrap('\u001B[2;1HB\u001B[K'));
		expect(diffScreen(['a', 'b'], ['a', 'b'])).toBe('');
	});

	test('a shorter frame blanks the rows it no longer uses', () => {
		expect(diffScreen(['a', 'b', 'c'], ['a'])).toBe(wrap('\u001B[2;1H\u001B[K\u001B[3;1H\u001B[K'));
	});

	test('after a resize it redraws in full until a frame fits the new size', () => {
		const chunks: string[] = [];
		let size = {columns: 10, rows: 5};
		const writer = createScreenWriter((chunk) => chunks.push(chunk), () => size);
		writer.frame(['hello', 'world']);
		writer.frame(['hello', 'WORLD']);
		expect(chunks[1]).toBe(wrap('\u001B[2;1HWORLD\u001B[K'));
		size = {columns: 3, rows: 5};
		writer.invalidate();
		writer.frame(['hello', 'WORLD']);
		expect(chunks[2]).toContain('\u001B[2J');
		writer.frame(['hi', 'yo']);
		expect(chunks[3]).toContain('\u001B[2J');
		writer.frame(['hi', 'YO']);
		expect(chunks[4]).toBe(wrap('\u001B[2;1HYO\u001B[K'));
	});

	test('widths ignore escape codes', () => {
		expect(visibleWidth('\u001B[1mab\u001B[22mc')).toBe(3);
	});
});
