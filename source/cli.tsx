#!/usr/bin/env node
/**
 * The one entry point (design.md §2): flags → a loaded preset → the live dashboard, a headless
 * run, a recording or `ab`. The edge of the program: it alone reads argv, files and stdio and
 * sets the exit code (0 success, 1 a failed run, 2 bad usage or a bad preset). Every error is
 * one sentence on stderr; nothing escapes as a stack trace.
 */
import meow from 'meow';
import {loadPreset, listBuiltInPresets, defaultPresetName} from './presets/load-preset.js';
import {formatDuration} from './presets/units.js';
import {findUnknownFlag, helpText, parseDurationFlag, parsePositive, parseSeed, parseWhole, type Parsed} from './headless/args.js';
import {formatSummary} from './headless/format-summary.js';
import {checkMetricsPath, openMetricsWriter, type MetricsWriter} from './headless/metrics-writer.js';
import {runHeadlessInterruptible} from './headless/run-headless.js';
import {checkCastPath} from './recorder/cast-file.js';
import type {CastFormat} from './recorder/cast-writer.js';
import type {LiveOutputTap} from './recorder/types.js';
import {selectSummary, SimConfigError, type RunSummary, type SimConfig, type SimState} from './sim/index.js';
import {intervalMetricsLine} from './headless/interval-metrics.js';
import {readOverrides, withSettings} from './presets/overrides.js';
import {maxSpeed, minSpeed} from './ui/ui-state.js';

/** An error meant for the user: printed as is, with its exit code. */
class UsageError extends Error {
	constructor(message: string, readonly exitCode = 2) {
		super(message);
	}
}

const flagSpec = {
	headless: {type: 'boolean'},
	json: {type: 'boolean'},
	metrics: {type: 'string'},
	interval: {type: 'string'},
	seed: {type: 'string'},
	duration: {type: 'string'},
	speed: {type: 'string'},
	record: {type: 'string'},
	cols: {type: 'string'},
	rows: {type: 'string'},
	fps: {type: 'string'},
	force: {type: 'boolean'},
	castFormat: {type: 'string'},
	ascii: {type: 'boolean'},
	listPresets: {type: 'boolean'},
	requests: {type: 'string', shortFlag: 'n'},
	concurrency: {type: 'string', shortFlag: 'c'},
	type: {type: 'string'},
	instances: {type: 'string'},
	app: {type: 'string'},
	algorithm: {type: 'string'},
	set: {type: 'string', isMultiple: true},
} as const;

type Flags = {readonly [K in keyof typeof flagSpec]?: (typeof flagSpec)[K] extends {isMultiple: true} ? string[] : (typeof flagSpec)[K]['type'] extends 'boolean' ? boolean : string};

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const value = <T,>(parsed: Parsed<T>): T => {
	if (!parsed.ok) throw new UsageError(parsed.message);
	return parsed.value;
};

function listPresets(): number {
	const presets = listBuiltInPresets();
	const width = Math.max(...presets.map(preset => preset.name.length));
	for (const preset of presets) {
		const mark = preset.name === defaultPresetName ? ' (default)' : '';
		print(`${preset.name.padEnd(width)}  ${formatDuration(preset.durationSeconds).padStart(6)}  ${preset.title}${mark}`);
	}

	return 0;
}

function loadConfig(reference: string, flags: Flags): SimConfig {
	const loaded = loadPreset(reference, undefined, value(readOverrides(flags.set ?? [])));
	if (!loaded.ok) throw new UsageError(loaded.message);
	const seed = flags.seed === undefined ? loaded.config.seed : value(parseSeed(flags.seed));
	const durationSeconds = flags.duration === undefined ? loaded.config.durationSeconds : value(parseDurationFlag('duration', flags.duration));
	return {...loaded.config, seed, durationSeconds};
}

function openMetrics(flags: Flags): MetricsWriter | undefined {
	if (flags.metrics === undefined) return undefined;
	const opened = openMetricsWriter(flags.metrics);
	if (!opened.ok) throw new UsageError(opened.message);
	return opened.writer;
}

async function runAbCommand(flags: Flags, rest: readonly string[]): Promise<number> {
	if (rest.length > 0) throw new UsageError(`ab takes no preset, got "${rest.join(' ')}"`);
	const presetOnly = (['headless', 'json', 'metrics', 'interval', 'duration', 'speed', 'record', 'cols', 'rows', 'fps', 'force', 'castFormat', 'ascii'] as const).find(name => flags[name] !== undefined && flags[name] !== false);
	if (presetOnly) throw new UsageError(`--${presetOnly === 'castFormat' ? 'cast-format' : presetOnly} does not apply to scaletop ab (its options: -n, -c, --type, --instances, --app, --algorithm, --seed)`);
	if ((flags.set ?? []).length > 0) throw new UsageError('--set does not apply to scaletop ab (its options: -n, -c, --type, --instances, --app, --algorithm, --seed)');
	const {checkAbOptions, formatAbProgress, formatAbReport, runAb} = await import('./ab/index.js');
	const checked = checkAbOptions({n: flags.requests, c: flags.concurrency, type: flags.type, instances: flags.instances, app: flags.app, algorithm: flags.algorithm, seed: flags.seed});
	if (!checked.ok) throw new UsageError(checked.message);
	const result = runAb(checked.options);
	for (const line of formatAbProgress(result)) process.stderr.write(`${line}\n`);
	// stdout keeps ab's layout exactly; the seed in use goes to stderr with ab's progress lines.
	process.stderr.write(`Simulated with seed ${checked.options.seed} (--seed ${checked.options.seed} repeats this run)\n`);
	print(formatAbReport(result));
	return 0;
}

/** How to reproduce a run (for cast headers): the preset as the user named it, seed and duration. */
function commandLine(reference: string, config: SimConfig, extra: string): string {
	const preset = /^[\w./-]+$/.test(reference) ? reference : JSON.stringify(reference);
	return `scaletop ${preset} --seed ${config.seed} --duration ${formatDuration(config.durationSeconds)}${extra}`;
}

async function runHeadlessCommand(reference: string, config: SimConfig, flags: Flags): Promise<number> {
	const intervalSeconds = flags.interval === undefined ? 60 : value(parseDurationFlag('interval', flags.interval));
	const record = flags.record === undefined ? undefined : {
		config,
		path: flags.record,
		force: flags.force,
		columns: flags.cols === undefined ? undefined : value(parseWhole('cols', flags.cols, 20, 1000)),
		rows: flags.rows === undefined ? undefined : value(parseWhole('rows', flags.rows, 5, 1000)),
		fps: flags.fps === undefined ? undefined : value(parseWhole('fps', flags.fps, 1, 120)),
		speed: flags.speed === undefined ? undefined : value(parsePositive('speed', flags.speed)),
		castFormat: castFormat(flags),
		isColor: !process.env['NO_COLOR'],
		charset: flags.ascii ? 'ascii' as const : 'unicode' as const,
		// The recorder's default command names the preset; a preset file needs its path instead.
		command: reference === config.name ? undefined : commandLine(reference, config, ` --headless${(['speed', 'fps', 'cols', 'rows'] as const).map(name => (flags[name] === undefined ? '' : ` --${name} ${flags[name]}`)).join('')}`),
	};
	const castProblem = record && checkCastPath(record.path, {force: record.force});
	if (castProblem) throw new UsageError(castProblem);
	const metrics = openMetrics(flags);
	// Ctrl-C or SIGTERM stops the run between two steps: the summary so far is still printed.
	const controller = new AbortController();
	let signalExitCode = 0;
	const onSignal = (code: number) => () => {
		signalExitCode = code;
		controller.abort();
	};
	const onInterrupt = onSignal(130);
	const onTerminate = onSignal(143);
	process.once('SIGINT', onInterrupt);
	process.once('SIGTERM', onTerminate);
	let result;
	try {
		result = await runHeadlessInterruptible({config, intervalSeconds, onMetrics: metrics ? line => metrics.write(line) : undefined, signal: controller.signal});
	} finally {
		process.off('SIGINT', onInterrupt);
		process.off('SIGTERM', onTerminate);
		metrics?.close();
	}

	const metricsFailure = metrics?.failure();
	if (metricsFailure) process.stderr.write(`scaletop: ${metricsFailure}\n`);
	if (!result.isComplete) {
		print(flags.json ? JSON.stringify(withSettings(result.summary, flags.set), null, 2) : formatSummary(result.summary, {title: config.title, durationSeconds: config.durationSeconds, isComplete: false}));
		process.stderr.write(`scaletop: stopped at ${formatDuration(result.summary.simulatedSeconds)} of ${formatDuration(config.durationSeconds)} simulated${flags.metrics ? `; ${flags.metrics} holds every line up to then` : ''}.\n`);
		return signalExitCode || 130;
	}

	if (record) {
		const {recordHeadless} = await import('./recorder/record-headless.js');
		const recorded = await recordHeadless(record);
		if (recorded.message) process.stderr.write(`${recorded.message}\n`);
		if (recorded.exitCode !== 0) return recorded.exitCode;
	}

	print(flags.json ? JSON.stringify(withSettings(result.summary, flags.set), null, 2) : formatSummary(result.summary, {title: config.title, durationSeconds: config.durationSeconds, isComplete: result.isComplete}));
	if (result.violations.length > 0) {
		process.stderr.write(`scaletop: the run failed: ${result.violations[0]}\n`);
		return 1;
	}

	return 0;
}

function castFormat(flags: Flags): CastFormat | undefined {
	if (flags.castFormat === undefined) return undefined;
	if (flags.castFormat !== 'v2' && flags.castFormat !== 'v3') throw new UsageError(`--cast-format must be v2 or v3, got "${flags.castFormat}"`);
	return flags.castFormat;
}

async function runLiveCommand(reference: string, config: SimConfig, flags: Flags): Promise<number> {
	const speed = flags.speed === undefined ? undefined : liveSpeed(value(parsePositive('speed', flags.speed)));
	const fps = flags.fps === undefined ? undefined : value(parseWhole('fps', flags.fps, 1, 120));
	const intervalSeconds = flags.interval === undefined ? 60 : value(parseDurationFlag('interval', flags.interval));
	const columns = flags.cols === undefined ? (process.stdout.columns ?? 120) : value(parseWhole('cols', flags.cols, 20, 1000));
	const rows = flags.rows === undefined ? (process.stdout.rows ?? 36) : value(parseWhole('rows', flags.rows, 5, 1000));
	const format = castFormat(flags);
	// Every path is checked before anything is created.
	const pathProblem = (flags.metrics === undefined ? undefined : checkMetricsPath(flags.metrics)) ?? (flags.record === undefined ? undefined : checkCastPath(flags.record, {force: flags.force}));
	if (pathProblem) throw new UsageError(pathProblem);
	const metrics = openMetrics(flags);
	let tap: LiveOutputTap | undefined;
	try {
		if (flags.record !== undefined) {
			const {openLiveTap} = await import('./recorder/live-tap.js');
			const command = commandLine(reference, config, speed === undefined ? '' : ` --speed ${speed}`);
			const opened = openLiveTap({path: flags.record, columns, rows, force: flags.force, title: config.title, seed: config.seed, preset: config.name, command, castFormat: format});
			if (!opened.ok) throw new UsageError(opened.message);
			tap = opened.tap;
		}

		const onState = metrics ? metricsSampler(metrics, intervalSeconds / config.tickSeconds) : undefined;
		const {runLive} = await import('./live/run-live.js');
		return await runLive({config, speed, fps, tap, onState, charset: flags.ascii ? 'ascii' : 'unicode'});
	} finally {
		tap?.close();
		metrics?.close();
	}
}

/** A live `--speed` within the dashboard's range (its `[`/`]` steps), design.md §1b. */
function liveSpeed(speed: number): number {
	if (speed < minSpeed || speed > maxSpeed) throw new UsageError(`--speed must be from ${minSpeed} to ${maxSpeed} for the live dashboard (the range of its [ and ] keys), got ${speed}; a headless run goes as fast as it can`);
	return speed;
}

/** Writes a metrics line each time the live run crosses an interval boundary. */
function metricsSampler(metrics: MetricsWriter, intervalTicks: number): (state: SimState) => void {
	let nextTick = Math.max(1, Math.round(intervalTicks));
	let previous: RunSummary | undefined;
	return state => {
		if (previous === undefined) previous = selectSummary(state);
		if (state.clock.tick < nextTick) return;
		const current = selectSummary(state);
		metrics.write(intervalMetricsLine(state, current, previous));
		previous = current;
		nextTick = (Math.floor(state.clock.tick / intervalTicks) + 1) * intervalTicks;
	};
}

async function main(argv: readonly string[]): Promise<number> {
	// Subcommands with flags of their own (each module reads its arguments and prints its errors).
	if (argv[0] === 'sweep') return (await import('./sweep/command.js')).sweepCommand(argv.slice(1));
	if (argv[0] === 'compare') return (await import('./compare/command.js')).compareCommand(argv.slice(1));
	const unknown = findUnknownFlag(argv);
	if (unknown) throw new UsageError(unknown);
	if (argv.includes('-h')) {
		print(helpText);
		return 0;
	}

	const cli = meow(helpText, {importMeta: import.meta, argv: [...argv], flags: flagSpec, description: false, allowUnknownFlags: true});
	const flags = cli.flags as Flags;
	const [first, ...rest] = cli.input;
	if (flags.listPresets) return listPresets();
	if (first === 'ab') return runAbCommand(flags, rest);
	if (rest.length > 0) throw new UsageError(`expected at most one preset, got ${cli.input.length}: ${cli.input.join(' ')}`);
	if (flags.json && !flags.headless) throw new UsageError('--json needs --headless (scaletop PRESET --headless --json)');
	if (flags.headless && flags.speed !== undefined && flags.record === undefined) throw new UsageError('--speed applies to live runs and recordings; a headless run always goes as fast as it can');
	if (flags.headless && flags.ascii && flags.record === undefined) throw new UsageError('--ascii applies to the live dashboard and recordings; a headless summary is plain text already');
	const recordOnly = (['cols', 'rows', 'force', 'castFormat'] as const).find(name => flags[name] !== undefined && flags[name] !== false);
	if (recordOnly && flags.record === undefined) throw new UsageError(`--${recordOnly === 'castFormat' ? 'cast-format' : recordOnly} applies to --record FILE.cast`);
	if (flags.interval !== undefined && flags.metrics === undefined) throw new UsageError('--interval applies to --metrics FILE');
	const abOnly = (['requests', 'concurrency', 'type', 'instances', 'app', 'algorithm'] as const).find(name => flags[name] !== undefined);
	if (abOnly) throw new UsageError(`${abOnly === 'requests' ? '-n' : abOnly === 'concurrency' ? '-c' : `--${abOnly}`} applies to scaletop ab (scaletop ab -n N -c C)`);
	const reference = first ?? defaultPresetName;
	const config = loadConfig(reference, flags);
	return flags.headless ? runHeadlessCommand(reference, config, flags) : runLiveCommand(reference, config, flags);
}

// A closed pipe (`scaletop --list-presets | head -1`) is not an error worth a stack trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code !== 'EPIPE') process.stderr.write(`scaletop: cannot write the output: ${error.message}\n`);
	process.exit(process.exitCode ?? 0);
});

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	if (error instanceof SimConfigError) {
		process.stderr.write(`scaletop: ${error.message}\n`);
		process.exitCode = 2;
	} else if (error instanceof UsageError) {
		process.stderr.write(error.message.includes('\n') || /^\S+:\d+:\d+ /.test(error.message) ? `${error.message}\n` : `scaletop: ${error.message}\n`);
		process.exitCode = error.exitCode;
	} else {
		const reason = error instanceof Error ? error.message : String(error);
		process.stderr.write(`scaletop: unexpected error: ${reason} (please report it)\n`);
		process.exitCode = 1;
	}
}
