import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseCommandLine, parseDurationFlag, parsePositive, parseSeed, parseWhole, UsageError} from '../../source/headless/args.js';

const error = (argv: string[]): string => {
	try {
		parseCommandLine(argv);
	} catch (caught) {
		if (caught instanceof UsageError) return caught.message;
		throw caught;
	}

	throw new Error(`no error for ${argv.join(' ')}`);
};

describe('parseCommandLine', () => {
	test('known flags pass with their values, by long name, and the command is found', () => {
		const line = parseCommandLine(['tour', '--headless', '--json', '--seed=3', '--cast-format', 'v3', '--record', 'x.cast']);
		expect(line).toEqual({kind: 'command', command: 'run', positionals: ['tour'], flags: {headless: true, json: true, seed: '3', 'cast-format': 'v3', record: 'x.cast'}, typed: {headless: '--headless', json: '--json', seed: '--seed', 'cast-format': '--cast-format', record: '--record'}});
	});

	test('ab takes attached values, as ab does (-n100 -c10), and remembers how each flag was typed', () => {
		expect(parseCommandLine(['ab', '-n100', '-c10'])).toEqual({kind: 'command', command: 'ab', positionals: [], flags: {requests: '100', concurrency: '10'}, typed: {requests: '-n', concurrency: '-c'}});
		expect(parseCommandLine(['ab', '--requests', '5', '-c', '2'])).toMatchObject({flags: {requests: '5', concurrency: '2'}, typed: {requests: '--requests', concurrency: '-c'}});
	});

	test('a repeated flag is a usage error naming the flag as typed', () => {
		expect(error(['--seed', '1', '--seed', '2'])).toBe('--seed is given twice ("1" and "2"): give it once');
		expect(error(['ab', '-n', '10', '-n', '20'])).toBe('-n is given twice ("10" and "20"): give it once');
		expect(error(['ab', '-n', '10', '--requests', '20'])).toBe('-n and --requests are the same flag, given twice ("10" and "20"): give it once');
		expect(error(['tour', '--headless', '--headless'])).toBe('--headless is given twice: give it once');
	});

	test('--help and --version are honoured anywhere on the line, for the command they follow', () => {
		expect(parseCommandLine(['--help', '--headless'])).toEqual({kind: 'help', command: 'run'});
		expect(parseCommandLine(['thrashing', '--help'])).toEqual({kind: 'help', command: 'run'});
		expect(parseCommandLine(['ab', '-n', '5', '--help'])).toEqual({kind: 'help', command: 'ab'});
		expect(parseCommandLine(['ab', '-h'])).toEqual({kind: 'help', command: 'ab'});
		expect(parseCommandLine(['tour', '--seed', '1', '--seed', '2', '--help'])).toEqual({kind: 'help', command: 'run'});
		expect(parseCommandLine(['ab', '--version'])).toEqual({kind: 'version'});
		expect(parseCommandLine(['steady', '--headless', '--version'])).toEqual({kind: 'version'});
	});

	test('ab says -k and -t are not supported rather than unknown', () => {
		expect(error(['ab', '-k', '-n', '5'])).toBe('-k (HTTP keep-alive) is not supported: the simulated clients have no connections to keep; leave it out');
		expect(error(['ab', '-t', '30'])).toBe('-t (a time limit) is not supported: give the number of requests with -n instead');
		expect(error(['ab', '-H', 'Host: x'])).toBe('unknown flag -H (scaletop ab --help lists its options)');
	});

	test('an unknown flag gets a did-you-mean among the flags of its command', () => {
		expect(error(['--hedless'])).toBe('unknown flag --hedless, did you mean --headless? (scaletop --help lists the flags)');
		expect(error(['--metric=x.ndjson'])).toBe('unknown flag --metric, did you mean --metrics? (scaletop --help lists the flags)');
		expect(error(['--frobnicate'])).toBe('unknown flag --frobnicate (scaletop --help lists the flags)');
		expect(error(['-x'])).toBe('unknown flag -x (scaletop --help lists the flags)');
		expect(error(['ab', '--instance', '2'])).toBe('unknown flag --instance, did you mean --instances? (scaletop ab --help lists its options)');
		expect(parseCommandLine(['--', '--anything'])).toMatchObject({positionals: ['--anything']});
	});

	test('missing and unwanted values, and flags of another command', () => {
		expect(error(['tour', '--seed'])).toBe('--seed needs a value (--seed N)');
		expect(error(['tour', '--seed', '--headless'])).toBe('--seed needs a value (--seed N)');
		expect(error(['tour', '--headless=yes'])).toBe('--headless takes no value, got --headless=yes');
		expect(error(['tour', '-n', '5'])).toBe('-n applies to scaletop ab (scaletop ab -n N -c C)');
		expect(error(['ab', '--headless'])).toBe('--headless does not apply to scaletop ab (its options: -n, -c, --type, --instances, --app, --algorithm, --seed)');
	});

	test('a switch followed by true/false, and a letter flag with a non-number attached, are refused rather than misread', () => {
		expect(error(['tour', '--headless', 'false'])).toBe('--headless takes no value, got --headless false');
		expect(error(['ab', '-nabc'])).toBe('-nabc: -n takes a number attached (-n100) or its value apart (-n abc)');
		expect(parseCommandLine(['ab', '-n=7', '-c', '-3'])).toMatchObject({flags: {requests: '7', concurrency: '-3'}, typed: {requests: '-n', concurrency: '-c'}});
	});

	test('the argv scan and meow agree on every command line: each is parsed or refused with a usage error', () => {
		const word = fc.constantFrom('ab', 'tour', 'x.yaml', '007', '-', '--', '-1', '-n', '-n100', '-nabc', '-c', '-c10', '-h', '-k', '-t', '-x', '--seed', '--seed=3', '--seed=', '--headless', '--headless=1', '--no-headless', '--json', '--metrics', 'm.ndjson', '--set', 'a=1', '--set=b=2', '--cast-format', 'v3', 'true', 'false', '--requests', '--type', '--hedless');
		fc.assert(fc.property(fc.array(word, {maxLength: 8}), argv => {
			try {
				const line = parseCommandLine(argv);
				if (line.kind === 'command') expect(Object.keys(line.flags)).toEqual(Object.keys(line.typed));
			} catch (caught) {
				if (!(caught instanceof UsageError)) throw caught;
			}
		}), {numRuns: 2000});
	});

	test('a negative number is a value, not a flag (so --seed -1 gets its own sentence)', () => {
		expect(parseCommandLine(['ab', '--seed', '-1'])).toMatchObject({flags: {seed: '-1'}});
	});
});

test('flag values are checked with one sentence each, naming the flag as typed', () => {
	expect(parseSeed('42')).toEqual({ok: true, value: 42});
	expect(parseSeed('-1')).toEqual({ok: false, message: '--seed must be a whole number from 0 to 4294967295, got "-1"'});
	expect(parseSeed('99999999999999999999')).toEqual({ok: false, message: '--seed must be a whole number from 0 to 4294967295, got "99999999999999999999"'});
	expect(parseDurationFlag('duration', '1h30m')).toEqual({ok: true, value: 5400});
	expect(parseDurationFlag('duration', '0s')).toEqual({ok: false, message: '--duration must be a duration like 90s, 30m or 1h, got "0s"'});
	expect(parseDurationFlag('--duration', '100000h', 2_592_000, '30d')).toEqual({ok: false, message: '--duration must be at most 30d, got "100000h"'});
	expect(parsePositive('speed', '2.5')).toEqual({ok: true, value: 2.5});
	expect(parsePositive('speed', 'fast')).toEqual({ok: false, message: '--speed must be a positive number, got "fast"'});
	expect(parseWhole('fps', '0', 1, 120)).toEqual({ok: false, message: '--fps must be a whole number from 1 to 120, got "0"'});
});
