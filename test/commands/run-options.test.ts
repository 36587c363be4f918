import {describe, expect, test} from 'vitest';
import {fitToConfig, readRunOptions, type RunOptions} from '../../source/commands/run-options.js';
import {parseCommandLine, UsageError} from '../../source/headless/args.js';
import {makeConfig, type SimConfig} from '../../source/sim/index.js';

function options(argv: string[]): RunOptions {
	const line = parseCommandLine(argv);
	if (line.kind !== 'command') throw new Error('not a command');
	return readRunOptions(line.positionals, line.flags, line.typed, 'tour');
}

const message = (run: () => unknown): string => {
	try {
		run();
	} catch (error) {
		if (error instanceof UsageError) return error.message;
		throw error;
	}

	throw new Error('no error');
};

const config = (input: Partial<SimConfig> = {}): SimConfig => ({...makeConfig({name: 'test', durationSeconds: 3600}), ...input});

describe('--color / --no-color', () => {
	test('--no-color is false, --color true, neither undefined (the environment decides)', () => {
		expect(options(['tour', '--no-color']).color).toBe(false);
		expect(options(['tour', '--color']).color).toBe(true);
		expect(options(['tour']).color).toBeUndefined();
		expect(options(['tour', '--headless', '--record', 'x.cast', '--no-color']).color).toBe(false);
	});
});

describe('readRunOptions: which flags go together, and each value within its documented bounds', () => {
	test.each([
		[['tour', '--json'], '--json needs --headless (scaletop PRESET --headless --json)'],
		[['tour', 'steady', '--headless'], 'expected at most one preset, got 2: tour steady'],
		[['tour', '--headless', '--cols', '80'], '--cols applies to --record FILE.cast'],
		[['tour', '--headless', '--fps', '3'], '--fps applies to --record FILE.cast'],
		[['tour', '--fps', '3'], '--fps applies to --record FILE.cast'],
		[['tour', '--record', 'x.cast', '--cols', '100'], '--cols applies to --headless --record; a live recording has the terminal\'s size'],
		[['tour', '--headless', '--no-color'], '--no-color applies to the live dashboard and recordings; a headless summary is plain text already'],
		[['tour', '--headless', '--speed', '10'], '--speed applies to live runs and recordings; a headless run always goes as fast as it can'],
		[['tour', '--headless', '--interval', '10s'], '--interval applies to --metrics FILE'],
		[['tour', '--headless', '--force'], '--force applies to --record FILE.cast, --metrics FILE and --events FILE (it lets them overwrite a file)'],
		[['tour', '--headless', '--record', 'x.cast', '--cols', '79'], '--cols must be a whole number from 80 to 1000, got "79"'],
		[['tour', '--headless', '--record', 'x.cast', '--rows', '23'], '--rows must be a whole number from 24 to 1000, got "23"'],
		[['tour', '--headless', '--record', 'x.cast', '--fps', '121'], '--fps must be a whole number from 1 to 120, got "121"'],
		[['tour', '--headless', '--duration', '100000h'], '--duration must be at most 30d, got "100000h"'],
		[['tour', '--speed', '100000'], '--speed must be from 0.25 to 1200 for the live dashboard (the range of its [ and ] keys), got 100000; a headless run goes as fast as it can'],
		[['tour', '--speed', '0.1'], '--speed must be from 0.25 to 1200 for the live dashboard (the range of its [ and ] keys), got 0.1; a headless run goes as fast as it can'],
		[['tour', '--headless', '--record', 'a.cast', '--metrics', 'a.cast'], '--record and --metrics name the same file (a.cast): give each its own'],
		[['tour', '--headless', '--metrics', ''], '--metrics needs a file name, got ""'],
	])('%j → %s', (argv, expected) => {
		expect(message(() => options(argv))).toBe(expected);
	});

	test('a good line reads into the run\'s options', () => {
		expect(options(['steady', '--headless', '--record', 'x.cast', '--speed', '30', '--cols', '100', '--rows', '30', '--fps', '5', '--force', '--seed', '4'])).toMatchObject({reference: 'steady', mode: 'headless', speed: 30, seed: 4, isForce: true, record: {path: 'x.cast', columns: 100, rows: 30, fps: 5}});
		expect(options([])).toMatchObject({reference: 'tour', mode: 'live'});
	});
});

describe('fitToConfig: what needs the preset', () => {
	test('--interval and --duration are whole numbers of ticks (no silent rounding)', () => {
		expect(message(() => fitToConfig(options(['x', '--headless', '--metrics', 'm', '--interval', '1ms']), config()))).toBe('--interval must be a whole number of this preset\'s ticks (1s each), got 1ms');
		expect(message(() => fitToConfig(options(['x', '--headless', '--metrics', 'm', '--interval', '15s']), config({tickSeconds: 10})))).toBe('--interval must be a whole number of this preset\'s ticks (10s each), got 15s');
		expect(message(() => fitToConfig(options(['x', '--headless', '--duration', '1m30s']), config({tickSeconds: 60})))).toBe('--duration must be a whole number of this preset\'s ticks (1m each), got 1m30s');
		expect(fitToConfig(options(['x', '--headless', '--metrics', 'm', '--interval', '20s', '--duration', '2h', '--seed', '9']), config({tickSeconds: 10}))).toMatchObject({durationSeconds: 7200, seed: 9});
	});

	test('--duration stays within the most ticks of a run at a short tick', () => {
		expect(message(() => fitToConfig(options(['x', '--headless', '--duration', '30d']), config({tickSeconds: 0.5})))).toBe('--duration must be at most 2,592,000 ticks (15d at this preset\'s 500ms tick), got 30d');
	});

	test('a headless recording\'s --speed gives a cast from 1 s to 1 h', () => {
		expect(message(() => fitToConfig(options(['x', '--headless', '--record', 'x.cast', '--speed', '0.0001']), config()))).toBe('--speed 0.0001 makes this 1h run a cast of 416d16h; a cast lasts 1s to 1h, so --speed must be from 1 to 3600 here');
		expect(message(() => fitToConfig(options(['x', '--headless', '--record', 'x.cast', '--speed', '1e9']), config()))).toBe('--speed 1000000000 makes this 1h run a cast of under 1ms; a cast lasts 1s to 1h, so --speed must be from 1 to 3600 here');
		expect(fitToConfig(options(['x', '--headless', '--record', 'x.cast', '--speed', '3600']), config()).durationSeconds).toBe(3600);
	});
});
