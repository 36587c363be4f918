import {describe, expect, it} from 'vitest';
import {InkScreen} from '../../source/live/ink-screen.js';

describe('InkScreen: what Ink writes that is not a frame', () => {
	const screenWith = () => {
		const chunks: string[] = [];
		const screen = new InkScreen(chunk => chunks.push(chunk), () => ({columns: 20, rows: 5}));
		return {screen, chunks};
	};

	it('paints a frame, then ignores the bare newline Ink writes on unmount with CI set, and cursor sequences', () => {
		const {screen, chunks} = screenWith();
		screen.write('hello\nworld');
		expect(chunks).toHaveLength(1);
		expect(chunks[0]).toContain('hello');
		screen.write('\n');
		screen.write('\u001B[?25h');
		screen.write('');
		expect(chunks).toHaveLength(1);
	});

	it('still paints a changed frame, and nothing after close', () => {
		const {screen, chunks} = screenWith();
		screen.write('one');
		screen.write('two');
		expect(chunks).toHaveLength(2);
		expect(chunks[1]).toContain('two');
		screen.close();
		screen.write('three');
		expect(chunks).toHaveLength(2);
	});
});
