import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {makeOverride, parseKeyPath, parseSetFlag, splitValues, type Override} from '../../source/presets/overrides.js';

const set = (text: string): Override => {
	const parsed = parseSetFlag(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return makeOverride(parsed.value, parsed.value.values[0]!);
};

const load = (reference: string, ...sets: string[]) => loadPreset(reference, undefined, sets.map(set));

describe('--set KEY=VALUE parsing', () => {
	test('key paths with list indexes', () => {
		expect(parseKeyPath('autoScaling.policies[0].alarm.threshold')).toEqual(['autoScaling', 'policies', 0, 'alarm', 'threshold']);
		expect(parseKeyPath('load.rate')).toEqual(['load', 'rate']);
		expect(parseKeyPath('a..b')).toBeUndefined();
		expect(parseKeyPath('a[x]')).toBeUndefined();
	});

	test('values split on commas outside brackets and quotes', () => {
		expect(splitValues('60s,300s')).toEqual(['60s', '300s']);
		expect(splitValues('[a, b],[c]')).toEqual(['[a, b]', '[c]']);
		expect(splitValues('"x,y",z')).toEqual(['"x,y"', 'z']);
	});

	test('malformed flags are one sentence each', () => {
		expect(parseSetFlag('autoScaling.min')).toEqual({ok: false, message: '--set expects KEY=VALUE (like autoScaling.defaultCooldown=120s), got "autoScaling.min"'});
		expect(parseSetFlag('a..b=1')).toEqual({ok: false, message: '--set a..b=1: expected a key path like autoScaling.policies[0].alarm.threshold, got "a..b"'});
		expect(parseSetFlag('a=1,,2')).toEqual({ok: false, message: '--set a=1,,2: value 2 is empty'});
		expect(parseSetFlag('a=1,1')).toEqual({ok: false, message: '--set a=1,1: a value is given twice'});
	});

	test('values are read as YAML: numbers, durations as text, booleans, lists', () => {
		expect(set('a=80').value).toBe(80);
		expect(set('a=300s').value).toBe('300s');
		expect(set('a=true').value).toBe(true);
		expect(set('a=[us-east-1a, us-east-1b]').value).toEqual(['us-east-1a', 'us-east-1b']);
	});
});

describe('overrides applied to a preset', () => {
	test('they reach the config, as if written in the file', () => {
		const result = load('thrashing', 'autoScaling.defaultCooldown=120s', 'autoScaling.policies[0].alarm.threshold=70', 'load.rate=15/s');
		if (!result.ok) expect.fail(result.message);
		expect(result.config.autoScaling?.defaultCooldownSeconds).toBe(120);
		const policy = result.config.autoScaling?.policies[0];
		expect(policy?.type === 'simple' ? policy.alarm.threshold : undefined).toBe(70);
		expect(result.config.load).toMatchObject({pattern: 'constant', ratePerSecond: 15});
	});

	test('a key the file does not have is created (its parent maps too)', () => {
		const result = load('thrashing', 'loadBalancer.healthCheck.interval=10s');
		if (!result.ok) expect.fail(result.message);
		expect(result.config.loadBalancer.healthCheck.intervalSeconds).toBe(10);
	});

	test('a bad value gets the usual located message and names the --set', () => {
		const result = load('thrashing', 'autoScaling.defaultCooldown=soon');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.message).toMatch(/^presets\/thrashing\.yaml:\d+:\d+ autoScaling\.defaultCooldown: .*"soon".* \(--set autoScaling\.defaultCooldown=soon\)$/);
	});

	test('a misspelled key gets "did you mean"', () => {
		const result = load('thrashing', 'autoScaling.defaultCooldwn=60s');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.message).toMatch(/autoScaling\.defaultCooldwn: unknown key, did you mean "defaultCooldown"\? \(--set autoScaling\.defaultCooldwn=60s\)$/);
	});

	test('a cross-field problem with a sibling key names the --set', () => {
		const result = load('thrashing', 'autoScaling.min=9');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.message).toContain('(--set autoScaling.min=9)');
	});

	test('an index past the end of a list, and a path through a value, are refused', () => {
		const past = load('thrashing', 'autoScaling.policies[7].alarm.threshold=70');
		expect(past.ok ? '' : past.message).toMatch(/^presets\/thrashing\.yaml:\d+:\d+ --set autoScaling\.policies\[7\]\.alarm\.threshold=70: autoScaling\.policies has 2 entries, so it has no \[7\]$/);
		const through = load('thrashing', 'load.rate.value=3');
		expect(through.ok ? '' : through.message).toMatch(/--set load\.rate\.value=3: load\.rate is "[^"]+", not a map, so it has no value$/);
	});
});
