/**
 * Huge presets (issue 14 item 15): each limit of docs/presets.md "Limits" is one located
 * sentence, refused before anything runs; a file over the size limit is not even read whole.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem, formatProblems, maxProblemsShown} from '../../source/presets/problems.js';

const problems = (text: string): string[] => {
	const result = parsePreset(text, {file: 'p.yaml'});
	return result.ok ? [] : result.problems.map(problem => formatProblem(problem));
};

test('desired: 100000 is past the group-size limit, said at the value', () => {
	expect(problems('autoScaling: { min: 1, max: 100000, desired: 100000 }')).toEqual([
		'p.yaml:1:29 autoScaling.max: expected at most 1,000 instances in the group (scaletop\'s limit, docs/presets.md), got 100000',
		'p.yaml:1:46 autoScaling.desired: expected at most 1,000 instances in the group (scaletop\'s limit, docs/presets.md), got 100000',
	]);
	expect(problems('timeline:\n  - { at: 1m, action: set-desired, desired: 5000 }')[0]).toContain('timeline[0].desired: expected at most 1,000 instances in the group');
});

test('more than 1,000 timeline entries: one sentence with the count', () => {
	const entries = Array.from({length: 1001}, (_, index) => `  - { at: ${index}s, caption: c }`);
	expect(problems(`duration: 1h\ntimeline:\n${entries.join('\n')}`)).toEqual([
		'p.yaml:3:3 timeline: expected at most 1,000 timeline entries (scaletop\'s limit; a recorded load belongs in a trace file), got 1,001',
	]);
});

test('nesting deeper than 32 levels, and deeper than the YAML library can read, is one located sentence', () => {
	const deep = (depth: number) => `x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}`;
	const message = 'expected maps and lists nested at most 32 deep (scaletop\'s limit; the preset format is five deep), got deeper ones here';
	expect(problems(deep(40))).toEqual([`p.yaml:1:40 ${message}`]);
	expect(problems(deep(100_000))[0]).toMatch(new RegExp(`^p\\.yaml:1:\\d+ ${message.replaceAll(/[()]/g, '\\$&')}$`));
	expect(problems(deep(20))).toEqual([]);
});

test('tick and duration: inside their limits and a whole number of ticks', () => {
	expect(problems('tick: 0s')).toEqual(['p.yaml:1:7 tick: must be from 100ms to 1m (scaletop\'s limits), got 0s']);
	expect(problems('tick: 2h\nduration: 1h')).toEqual(['p.yaml:1:7 tick: must be from 100ms to 1m (scaletop\'s limits), got 2h']);
	expect(problems('tick: 7s\nduration: 1h')).toEqual(['p.yaml:2:11 duration: the duration (1h) must be a whole number of ticks (7s each)']);
	expect(problems('duration: 100000d')).toEqual(['p.yaml:1:11 duration: must be at most 30d (scaletop\'s limit), got 100000d']);
	expect(problems('tick: 100ms\nduration: 30d')[0]).toContain('tick: the duration (30d) must be at most 2,592,000 ticks');
});

test('a preset file over 1 MB is refused without reading it whole; a missing one says so', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-limits-'));
	const big = path.join(folder, 'big.yaml');
	fs.writeFileSync(big, `description: "${'x'.repeat(1_100_000)}"\n`);
	const result = loadPreset(big);
	expect(result.ok).toBe(false);
	if (!result.ok) expect(result.message).toBe(`${big} is larger than 1 MB: a preset is a page of settings (scaletop's limit; a recorded load belongs in a trace file, load.pattern: trace)`);
	const missing = loadPreset(path.join(folder, 'nope.yaml'));
	expect(missing.ok ? '' : missing.message).toContain('nope.yaml: no such file');
	fs.rmSync(folder, {recursive: true});
});

test('thousands of problems print the first 50 and count the rest', () => {
	const many = Array.from({length: 120}, (_, index) => ({file: 'p.yaml', line: index + 1, column: 1, path: '', message: 'bad'}));
	const lines = formatProblems(many).split('\n');
	expect(lines).toHaveLength(maxProblemsShown + 1);
	expect(lines.at(-1)).toBe('… and 70 more problems in p.yaml');
});
