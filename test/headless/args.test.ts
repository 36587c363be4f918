import {expect, test} from 'vitest';
import {findUnknownFlag, parseDurationFlag, parsePositive, parseSeed, parseWhole} from '../../source/headless/args.js';

test('known flags pass, in kebab or camel case, with values and negations', () => {
	expect(findUnknownFlag(['tour', '--headless', '--json', '--seed=3', '--list-presets', '--listPresets', '--cast-format', 'v3', '--no-force', '-n', '10', '-c', '2'])).toBeUndefined();
});

test('an unknown flag gets a did-you-mean', () => {
	expect(findUnknownFlag(['--hedless'])).toBe('unknown flag --hedless, did you mean --headless? (scaletop --help lists the flags)');
	expect(findUnknownFlag(['--metric=x.ndjson'])).toBe('unknown flag --metric, did you mean --metrics? (scaletop --help lists the flags)');
	expect(findUnknownFlag(['--frobnicate'])).toBe('unknown flag --frobnicate (scaletop --help lists the flags)');
	expect(findUnknownFlag(['-x'])).toBe('unknown flag -x (scaletop --help lists the flags)');
	expect(findUnknownFlag(['--', '--anything'])).toBeUndefined();
});

test('flag values are checked with one sentence each', () => {
	expect(parseSeed('42')).toEqual({ok: true, value: 42});
	expect(parseSeed('-1')).toEqual({ok: false, message: '--seed must be a whole number from 0 to 4294967295, got "-1"'});
	expect(parseDurationFlag('duration', '1h30m')).toEqual({ok: true, value: 5400});
	expect(parseDurationFlag('duration', '0s')).toEqual({ok: false, message: '--duration must be a duration like 90s, 30m or 1h, got "0s"'});
	expect(parsePositive('speed', '2.5')).toEqual({ok: true, value: 2.5});
	expect(parsePositive('speed', 'fast')).toEqual({ok: false, message: '--speed must be a positive number, got "fast"'});
	expect(parseWhole('fps', '0', 1, 120)).toEqual({ok: false, message: '--fps must be a whole number from 1 to 120, got "0"'});
});
