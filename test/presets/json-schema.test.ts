import fs from 'node:fs';
import {expect, test} from 'vitest';
import {presetJsonSchemaText} from '../../source/presets/json-schema.js';
import {builtInPresetNames} from '../../source/presets/load-preset.js';

test('schema/preset.schema.json is generated from the zod schema and up to date (npm run schema)', () => {
	expect(fs.readFileSync('schema/preset.schema.json', 'utf8')).toBe(presetJsonSchemaText());
});

test('the JSON Schema describes the format editors complete', () => {
	const schema = JSON.parse(presetJsonSchemaText()) as {properties: Record<string, unknown>; additionalProperties: boolean};
	expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'title', 'seed', 'duration', 'app', 'loadBalancer', 'autoScaling', 'instances', 'load', 'timeline']));
	expect(schema.additionalProperties).toBe(false);
	const duration = schema.properties['duration'] as {anyOf: Array<{pattern?: string}>};
	const pattern = new RegExp(duration.anyOf[0].pattern ?? '');
	expect(['90s', '5m', '1h30m'].every(text => pattern.test(text))).toBe(true);
	expect(pattern.test('5 minutes')).toBe(false);
});

test('every built-in preset points editors at the JSON Schema', () => {
	expect(builtInPresetNames().length).toBeGreaterThanOrEqual(10);
	for (const name of builtInPresetNames()) {
		expect(fs.readFileSync(`presets/${name}.yaml`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/preset.schema.json');
	}
});
