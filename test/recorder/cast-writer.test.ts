import {describe, expect, it} from 'vitest';
import {createCastEncoder, encodeCast, encodeHeader, formatMicroseconds} from '../../source/recorder/cast-writer.js';

const header = {
	columns: 120,
	rows: 36,
	title: 'Flash sale',
	command: 'scaletop flash-sale --headless --seed 7',
	idleTimeLimitSeconds: 2,
	env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
	scaletop: {preset: 'flash-sale', seed: 7},
};

describe('encodeHeader', () => {
	it('writes a v2 header with size, idle limit, command, title, env and the seed, and no timestamp', () => {
		expect(encodeHeader(header)).toBe(
			'{"version":2,"width":120,"height":36,"idle_time_limit":2,"command":"scaletop flash-sale --headless --seed 7","title":"Flash sale",'
			+ '"env":{"TERM":"xterm-256color","SHELL":"/bin/sh"},"scaletop":{"preset":"flash-sale","seed":7}}',
		);
	});

	it('writes a timestamp only when given one', () => {
		expect(encodeHeader({columns: 80, rows: 24, timestamp: 1_700_000_000})).toBe('{"version":2,"width":80,"height":24,"timestamp":1700000000}');
		expect(encodeHeader({columns: 80, rows: 24})).toBe('{"version":2,"width":80,"height":24}');
	});

	it('writes a v3 header with term {cols, rows, type} and only SHELL in env', () => {
		expect(encodeHeader(header, 'v3')).toBe(
			'{"version":3,"term":{"cols":120,"rows":36,"type":"xterm-256color"},"idle_time_limit":2,"command":"scaletop flash-sale --headless --seed 7",'
			+ '"title":"Flash sale","env":{"SHELL":"/bin/sh"},"scaletop":{"preset":"flash-sale","seed":7}}',
		);
	});
});

describe('event lines', () => {
	it('v2: absolute times rounded to microseconds with six decimals, data JSON-escaped', () => {
		const encoder = createCastEncoder('v2');
		expect(encoder.event({timeSeconds: 0, code: 'o', data: '\u001B[H\u001B[2Jhello'})).toBe('[0.000000, "o", "\\u001b[H\\u001b[2Jhello"]');
		expect(encoder.event({timeSeconds: 1.234_567_89, code: 'm', data: 'spike ×5 for 10 min'})).toBe('[1.234568, "m", "spike ×5 for 10 min"]');
		expect(encoder.event({timeSeconds: 62.5, code: 'r', data: '100x40'})).toBe('[62.500000, "r", "100x40"]');
		expect(encoder.event({timeSeconds: 100, code: 'o', data: 'a "quoted" \\ line\n'})).toBe('[100.000000, "o", "a \\"quoted\\" \\\\ line\\n"]');
	});

	it('never goes back in time: an earlier event is written at the last time', () => {
		const encoder = createCastEncoder('v2');
		encoder.event({timeSeconds: 2, code: 'o', data: 'x'});
		expect(encoder.event({timeSeconds: 1.5, code: 'm', data: 'late'})).toBe('[2.000000, "m", "late"]');
		expect(encoder.lastTimeSeconds).toBe(2);
	});

	it('v3: intervals since the previous event in milliseconds, without drift', () => {
		const encoder = createCastEncoder('v3');
		const lines = [0, 0.1, 0.2, 0.3, 0.3004, 0.3006, 1.3].map(timeSeconds => encoder.event({timeSeconds, code: 'o', data: '.'}));
		expect(lines).toEqual([
			'[0.000, "o", "."]',
			'[0.100, "o", "."]',
			'[0.100, "o", "."]',
			'[0.100, "o", "."]',
			'[0.000, "o", "."]',
			'[0.001, "o", "."]',
			'[0.999, "o", "."]',
		]);
	});

	it('formats microseconds without exponent or rounding error', () => {
		expect(formatMicroseconds(0)).toBe('0.000000');
		expect(formatMicroseconds(1)).toBe('0.000001');
		expect(formatMicroseconds(3_600_000_001)).toBe('3600.000001');
	});
});

describe('encodeCast', () => {
	it('is a header line, one line per event and a final newline', () => {
		const text = encodeCast({columns: 80, rows: 24}, [
			{timeSeconds: 0, code: 'o', data: 'hi'},
			{timeSeconds: 0.5, code: 'm', data: 'chapter'},
		]);
		expect(text).toBe('{"version":2,"width":80,"height":24}\n[0.000000, "o", "hi"]\n[0.500000, "m", "chapter"]\n');
	});
});
