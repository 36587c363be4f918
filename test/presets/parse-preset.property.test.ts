import fc from 'fast-check';
import {stringify} from 'yaml';
import {expect, test} from 'vitest';
import {parsePreset} from '../../source/presets/parse-preset.js';

const check = (text: string) => {
	const result = parsePreset(text, {file: 'fuzz.yaml', readTrace: () => ({ok: true, files: [{name: 'trace.csv', text: '0,1\n'}]})});
	if (result.ok) {
		expect(result.config.durationSeconds).toBeGreaterThan(0);
	} else {
		expect(result.problems.length).toBeGreaterThan(0);
		for (const problem of result.problems) {
			expect(problem.line).toBeGreaterThanOrEqual(1);
			expect(problem.column).toBeGreaterThanOrEqual(1);
			expect(problem.message.length).toBeGreaterThan(0);
			expect(problem.message).not.toContain('\n');
		}
	}
};

const keys = ['name', 'title', 'seed', 'duration', 'load', 'pattern', 'rate', 'autoScaling', 'min', 'max', 'desired', 'timeline', 'at', 'action', 'caption', 'policies', 'type', 'alarm', 'closed', 'kind', 'zones', 'factor', 'for', 'file'];
const yamlish = fc.array(fc.oneof(fc.constantFrom(...keys, ':', ' ', '\n', '  ', '- ', '{', '}', '[', ']', ',', '"', "'", '&a', '*a', '!!', '#', '5m', '20/s', 'spike', 'trace', '..'), fc.string({maxLength: 6})), {maxLength: 40}).map(parts => parts.join(''));

test('arbitrary YAML-ish text: the parser loads it or returns problems, and never throws', () => {
	fc.assert(fc.property(yamlish, check), {numRuns: 400});
});

const value = fc.letrec(tie => ({
	node: fc.oneof({depthSize: 'small'}, fc.constantFrom(...keys, '5m', '20/s', 'spike', 'constant', 't2.micro', 'simple', 0, 1, -1, 2.5, true, null), fc.string({maxLength: 8}), fc.integer(), tie('list'), tie('map')),
	list: fc.array(tie('node'), {maxLength: 4}),
	map: fc.dictionary(fc.constantFrom(...keys), tie('node'), {maxKeys: 5}),
}));

test('arbitrary structures serialised as YAML: loaded or reported, never thrown', () => {
	fc.assert(fc.property(value.map, structure => check(stringify(structure))), {numRuns: 400});
});

test('arbitrary unicode text never throws either', () => {
	fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 200}), check), {numRuns: 200});
});
