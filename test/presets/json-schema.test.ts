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

test('editors agree with the loader: the JSON Schema accepts every built-in and valid fixture, and rejects typos', async () => {
	// ajv (draft-07) is installed with eslint; it stands in for the editor's validator.
	const {default: Ajv} = (await import('ajv')) as unknown as {default: new (options: object) => {compile: (schema: object) => ((data: unknown) => boolean) & {errors?: Array<{message?: string}>}}};
	const {parse} = await import('yaml');
	const validate = new Ajv({allErrors: true}).compile(JSON.parse(presetJsonSchemaText()) as object);
	const files = [...builtInPresetNames().map(name => `presets/${name}.yaml`), ...fs.readdirSync('test/fixtures/presets/valid').filter(name => name.endsWith('.yaml')).map(name => `test/fixtures/presets/valid/${name}`)];
	for (const file of files) expect(validate(parse(fs.readFileSync(file, 'utf8'))), file).toBe(true);
	expect(validate(parse('autoScaling: {desird: 2}'))).toBe(false);
	expect(validate(parse('duration: 5 minutes'))).toBe(false);
	expect(validate(parse('timeline: [{at: 1m, action: spike, factr: 2}]'))).toBe(false);
});
