import fs from 'node:fs';
import {Ajv} from 'ajv';
import {parse} from 'yaml';
import {expect, test} from 'vitest';
import {insideFolder} from '../../source/presets/trace.js';

const schema = JSON.parse(fs.readFileSync('schema/preset.schema.json', 'utf8')) as object;

test('the published preset schema compiles in ajv\'s strict mode', () => {
	expect(() => new Ajv({strict: true, allErrors: true}).compile(schema)).not.toThrow();
});

test('every rate and duration field has its pattern: rate: banana and at: banana are refused, 20/s and 90s pass', () => {
	const validate = new Ajv({strict: true, allErrors: true}).compile(schema);
	expect(validate(parse('load: { pattern: constant, rate: banana }'))).toBe(false);
	expect(validate(parse('timeline: [{ at: banana, action: spike, factor: 2, for: 1m }]'))).toBe(false);
	expect(validate(parse('autoScaling: { defaultCooldown: soon }'))).toBe(false);
	expect(validate(parse('load: { pattern: constant, rate: 20/s }\ntimeline: [{ at: 90s, action: spike, factor: 2, for: 1m }]\nautoScaling: { defaultCooldown: 300s }'))).toBe(true);
	// A timeline load change takes exactly one of rate and factor.
	expect(validate(parse('timeline: [{ at: 1m, action: load, rate: 20/s }]'))).toBe(true);
	expect(validate(parse('timeline: [{ at: 1m, action: load, factor: 2 }]'))).toBe(true);
	expect(validate(parse('timeline: [{ at: 1m, action: load, rate: 20/s, factor: 2 }]'))).toBe(false);
	expect(validate(parse('timeline: [{ at: 1m, action: load }]'))).toBe(false);
	// No field is left a bare string-or-number union.
	expect(JSON.stringify(schema)).not.toContain('"type":["string","number"]');
});

test('a trace file is a relative path inside the preset\'s folder: absolute paths and .. segments are refused', () => {
	const validate = new Ajv({strict: true, allErrors: true}).compile(schema);
	const trace = (file: string) => validate({load: {pattern: 'trace', file}});
	for (const file of ['../../etc/passwd', '/etc/passwd', '..', 'data/../trace.csv', 'data/..', '..\\x.csv', 'C:\\x.csv', 'c:/x.csv', '\\\\server\\share\\x.csv', '.', './', '', 'a\u0000b']) {
		expect(trace(file), file).toBe(false);
	}

	for (const file of ['trace.csv', './trace.csv', 'data/trace.csv', 'logs/', '..trace.csv', 'a..b.csv', '...', 'data/.hidden.csv']) {
		expect(trace(file), file).toBe(true);
	}
});

test('the schema\'s trace path pattern and the loader agree', () => {
	const validate = new Ajv({strict: true, allErrors: true}).compile(schema);
	for (const file of ['../../etc/passwd', '/etc/passwd', 'data/../trace.csv', 'C:\\x.csv', '.', 'trace.csv', 'data/trace.csv', '..trace.csv', '...']) {
		expect(validate({load: {pattern: 'trace', file}}), file).toBe(insideFolder(file) !== undefined);
	}
});
