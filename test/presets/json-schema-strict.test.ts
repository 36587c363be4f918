import fs from 'node:fs';
import {Ajv} from 'ajv';
import {parse} from 'yaml';
import {expect, test} from 'vitest';

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
