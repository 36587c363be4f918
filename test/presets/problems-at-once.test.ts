import {expect, test} from 'vitest';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';

const problems = (text: string): string[] => {
	const result = parsePreset(text, {file: 'p.yaml'});
	return result.ok ? [] : result.problems.map(problem => formatProblem(problem));
};

const config = (text: string) => {
	const result = parsePreset(text, {file: 'p.yaml'});
	if (!result.ok) throw new Error(result.problems.map(problem => formatProblem(problem)).join('\n'));
	return result.config;
};

test('cross-field checks are reported together with the schema\'s problems, in file order', () => {
	expect(problems([
		'duration: 10m',
		'autoScaling:',
		'  min: 3',
		'  max: 2',
		'  desird: 1',
		'timeline:',
		'  - { at: 20m, action: spike, factor: 2, for: 1m }',
	].join('\n'))).toEqual([
		'p.yaml:4:8 autoScaling.max: must be ≥ min (3), got 2',
		'p.yaml:5:3 autoScaling.desird: unknown key, did you mean "desired"?',
		'p.yaml:7:11 timeline[0].at: must be within the preset\'s duration (10m), got 20m',
	]);
});

test('zones are checked against the region: a zone of another region, a zone given twice, a bad region', () => {
	expect(problems('region: eu-west-1\nautoScaling: { zones: [mars-1a, eu-west-1a, eu-west-1a] }\ninstances: [{ instanceType: t2.micro, zone: us-east-1a }]\n')).toEqual([
		'p.yaml:2:24 autoScaling.zones[0]: expected a zone of eu-west-1 (eu-west-1a, eu-west-1b, …), got "mars-1a"',
		'p.yaml:2:45 autoScaling.zones[2]: expected each zone once, got "eu-west-1a" again',
		'p.yaml:3:45 instances[0].zone: expected a zone of eu-west-1 (eu-west-1a, eu-west-1b, …), got "us-east-1a"',
	]);
	expect(problems('region: mars\n')).toEqual(['p.yaml:1:9 region: expected an AWS region name like us-east-1 or eu-west-1, got "mars"']);
	// Without zones, a group uses its region's first two.
	expect(config('region: eu-west-1\nduration: 5m\n').autoScaling?.zones).toEqual(['eu-west-1a', 'eu-west-1b']);
	expect(config('duration: 5m\n').autoScaling?.zones).toEqual(['us-east-1a', 'us-east-1b']);
});

test('a timeline target naming no instance is an error; one that exists by then is not', () => {
	const preset = (target: string, at = '1m') => `duration: 10m\nautoScaling: { min: 2, max: 4, desired: 2 }\ntimeline:\n  - { at: ${at}, action: kill, target: ${target} }\n`;
	expect(problems(preset('i-9999'))).toEqual(['p.yaml:4:37 timeline[0].target: expected an instance that exists by then (i-0001, i-0002), got "i-9999": no instance i-9999 has been launched by 1 min']);
	expect(problems(preset('i-0002'))).toEqual([]);
	// The replacement of a killed instance exists once it has been launched.
	expect(problems(`duration: 10m\nautoScaling: { min: 2, max: 4, desired: 2 }\ntimeline:\n  - { at: 1m, action: kill, target: i-0001 }\n  - { at: 5m, action: kill, target: i-0003 }\n`)).toEqual([]);
});

test('YAML merge keys work (anchors live under x- keys), !!float is accepted like !!int, a second document is refused with our sentence', () => {
	const merged = config('x-template: &small { instanceType: t2.small }\nduration: 5m\nautoScaling: { launchTemplate: { <<: *small }, min: 1, max: 2, desired: 1 }\nload: { pattern: constant, rate: !!float 12 }\n');
	expect(merged.autoScaling?.instanceType).toBe('t2.small');
	expect(JSON.stringify(merged.load)).toContain('12');
	expect(config('duration: 5m\nseed: !!int 4\n').seed).toBe(4);
	expect(problems('duration: 5m\nload: { pattern: constant, rate: !!float twelve }\n')[0]).toMatch(/^p\.yaml:2:\d+ .*!!float needs a number, got "twelve"/);
	expect(problems('duration: 10m\n---\nduration: 5m\n')).toEqual(['p.yaml:2:1 expected one preset per file, got a second YAML document here (after ---): put each preset in a file of its own']);
});
