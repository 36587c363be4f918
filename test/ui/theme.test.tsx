import React from 'react';
import {describe, expect, test} from 'vitest';
import {isColorWanted, makeTheme, toAscii} from '../../source/ui/theme.js';
import {Dashboard} from '../../source/ui/dashboard.js';
import {initialUiState} from '../../source/ui/ui-state.js';
import {sampleDashboardVm} from '../../source/ui/sample-views.js';
import {plain, renderRaw} from './helpers/render-text.js';

const colourCode = /\u001B\[(3[0-7]|9[0-7]|4[0-7]|38;|48;)/;

const frame = (mode: 'color' | 'mono') => {
	const ui = initialUiState();
	return renderRaw(<Dashboard vm={sampleDashboardVm(5, ui)} ui={ui} columns={120} rows={40} theme={makeTheme(mode)} />, 120);
};

describe('theme', () => {
	test('NO_COLOR (any non-empty value) and TERM=dumb turn colour off', () => {
		expect(isColorWanted({})).toBe(true);
		expect(isColorWanted({NO_COLOR: '1'})).toBe(false);
		expect(isColorWanted({NO_COLOR: ''})).toBe(true);
		expect(isColorWanted({TERM: 'dumb'})).toBe(false);
	});

	test('FORCE_COLOR=0 and --no-color turn colour off; FORCE_COLOR=1 turns it on against TERM=dumb; the flags win over the environment', () => {
		expect(isColorWanted({FORCE_COLOR: '0'})).toBe(false);
		expect(isColorWanted({FORCE_COLOR: 'false'})).toBe(false);
		expect(isColorWanted({}, {color: false})).toBe(false);
		expect(isColorWanted({TERM: 'dumb'}, {color: true})).toBe(true);
		expect(isColorWanted({TERM: 'dumb', FORCE_COLOR: '1'})).toBe(true);
		expect(isColorWanted({NO_COLOR: '1'})).toBe(false);
		expect(isColorWanted({NO_COLOR: '1'}, {color: true})).toBe(true);
		expect(isColorWanted({FORCE_COLOR: '0'}, {color: true})).toBe(true);
		expect(isColorWanted({FORCE_COLOR: '1'}, {color: false})).toBe(false);
		// A recording is played on another terminal: TERM=dumb here does not take its colour.
		expect(isColorWanted({TERM: 'dumb'}, {isForTerminal: false})).toBe(true);
		expect(isColorWanted({FORCE_COLOR: '0'}, {isForTerminal: false})).toBe(false);
	});

	test('monochrome: no colour codes at all, but bold, dim and reverse video still mark meaning', () => {
		const mono = frame('mono');
		expect(mono).not.toMatch(colourCode);
		expect(mono).toContain('\u001B[1mALARM');
		expect(mono).toContain('\u001B[2m');
		expect(mono).toContain('\u001B[7m');
	});

	test('colour: alarms red, healthy green, and the same text as monochrome', () => {
		const color = frame('color');
		expect(color).toContain('\u001B[31mALARM');
		expect(color).toContain('\u001B[32mHealthy');
		expect(plain(color)).toBe(plain(frame('mono')));
	});
});

describe('the ASCII character set (--ascii)', () => {
	test('keeps every column: one ASCII character for each glyph, one ? per column of one it does not know', () => {
		const text = '▁▂▃▄▅▆▇█ ▏▌▉ ─│·▶❚❚▲▼ ×→…— λμ 漢';
		const ascii = toAscii(text);
		expect([...ascii]).toHaveLength([...text].length + 1); // 漢 is two columns: ??
		expect(ascii).toBe('.:-=+*%# ||| -|.>||^v x>~- Lu ??');
		expect(toAscii('plain text stays')).toBe('plain text stays');
	});

	test('the sparkline levels stay eight distinct characters', () => {
		const levels = toAscii('▁▂▃▄▅▆▇█');
		expect(new Set(levels).size).toBe(8);
	});

	test('a theme paints ASCII only when asked', () => {
		expect(makeTheme('color').charset).toBe('unicode');
		expect(makeTheme('mono', 'ascii').charset).toBe('ascii');
	});
});
