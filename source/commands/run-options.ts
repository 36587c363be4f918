/**
 * `scaletop [PRESET] …` flags → the options of one run, or a UsageError (one sentence, exit 2).
 * Pure. Two steps: `readRunOptions` checks what the flags alone can tell (which flags go
 * together, each value's form and documented bounds); `fitToConfig` checks what needs the
 * loaded preset (whole ticks, a cast of sane length) and returns the run's config.
 */
import {parseDurationFlag, parsePositive, parseSeed, parseWhole, UsageError, type FlagValues, type Parsed} from '../headless/args.js';
import {liveSpeedRange, maxCastColumns, maxCastRows, maxFps} from '../headless/help.js';
import {maxCastSeconds, maxDurationSeconds, maxTicks, minCastSeconds} from '../presets/limits.js';
import {formatDuration} from '../presets/units.js';
import type {CastFormat} from '../recorder/cast-writer.js';
import type {SimConfig} from '../sim/index.js';
import {minColumns, minRows} from '../ui/layout.js';

/** A recording asked for with `--record`. */
export type RecordOptions = {
	readonly path: string;
	readonly columns?: number;
	readonly rows?: number;
	readonly fps?: number;
	readonly castFormat?: CastFormat;
};

/** One preset run as the flags ask for it. */
export type RunOptions = {
	/** The preset as the user named it (a built-in name or a path). */
	readonly reference: string;
	readonly mode: 'live' | 'headless';
	readonly isJson: boolean;
	readonly metricsPath?: string;
	/** `--events FILE`: the run's activity history, alarm changes, actions and captions as NDJSON. */
	readonly eventsPath?: string;
	/** `--interval` in seconds (checked against the tick by `fitToConfig`). */
	readonly intervalSeconds?: number;
	readonly seed?: number;
	readonly durationSeconds?: number;
	/** `--speed` (live: bounded by the dashboard's range; recordings: by the cast's length). */
	readonly speed?: number;
	readonly record?: RecordOptions;
	/** `--force`: overwrite existing output files. */
	readonly isForce: boolean;
	readonly isAscii: boolean;
	/** `--color` (true) or `--no-color` (false); undefined: as the environment says (NO_COLOR, FORCE_COLOR, TERM). */
	readonly color?: boolean;
	/** `--set KEY=VALUE`, as typed, in order (applied to the preset before it is validated). */
	readonly sets: readonly string[];
	/** Flags as typed, for messages. */
	readonly typed: Readonly<Record<string, string>>;
};

const value = <T>(parsed: Parsed<T>): T => {
	if (!parsed.ok) throw new UsageError(parsed.message);
	return parsed.value;
};

const text = (flags: FlagValues, name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);

/** What the flags alone say about the run. Throws a UsageError. */
export function readRunOptions(positionals: readonly string[], flags: FlagValues, typed: Readonly<Record<string, string>>, defaultPreset: string): RunOptions {
	const as = (name: string) => typed[name] ?? `--${name}`;
	const has = (name: string) => flags[name] !== undefined && flags[name] !== false;
	if (positionals.length > 1) throw new UsageError(`expected at most one preset, got ${positionals.length}: ${positionals.join(' ')}`);
	const isHeadless = has('headless');
	const isRecord = has('record');
	if (has('json') && !isHeadless) throw new UsageError('--json needs --headless (scaletop PRESET --headless --json)');
	if (isHeadless && has('speed') && !isRecord) throw new UsageError(`${as('speed')} applies to live runs and recordings; a headless run always goes as fast as it can`);
	if (isHeadless && flags['color'] !== undefined && !isRecord) throw new UsageError(`${as('color')} applies to the live dashboard and recordings; a headless summary is plain text already`);
	if (isHeadless && has('ascii') && !isRecord) throw new UsageError(`${as('ascii')} applies to the live dashboard and recordings; a headless summary is plain text already`);
	const recordOnly = ['fps', 'cast-format'].find(has);
	if (recordOnly && !isRecord) throw new UsageError(`${as(recordOnly)} applies to --record FILE.cast`);
	const headlessRecordOnly = ['cols', 'rows'].find(has);
	if (headlessRecordOnly && !isRecord) throw new UsageError(`${as(headlessRecordOnly)} applies to --record FILE.cast`);
	if (headlessRecordOnly && !isHeadless) throw new UsageError(`${as(headlessRecordOnly)} applies to --headless --record; a live recording has the terminal's size`);
	if (has('interval') && !has('metrics')) throw new UsageError(`${as('interval')} applies to --metrics FILE`);
	if (has('force') && !isRecord && !has('metrics') && !has('events')) throw new UsageError(`${as('force')} applies to --record FILE.cast, --metrics FILE and --events FILE (it lets them overwrite a file)`);
	const seedText = text(flags, 'seed');
	const durationText = text(flags, 'duration');
	const intervalText = text(flags, 'interval');
	const speedText = text(flags, 'speed');
	const castFormat = text(flags, 'cast-format');
	if (castFormat !== undefined && castFormat !== 'v2' && castFormat !== 'v3') throw new UsageError(`${as('cast-format')} must be v2 or v3, got "${castFormat}"`);
	const whole = (name: string, min: number, max: number) => {
		const raw = text(flags, name);
		return raw === undefined ? undefined : value(parseWhole(as(name), raw, min, max));
	};

	const recordPath = text(flags, 'record');
	const metricsPath = text(flags, 'metrics');
	const eventsPath = text(flags, 'events');
	const files = [['record', recordPath], ['metrics', metricsPath], ['events', eventsPath]] as const;
	for (const [name, path] of files) {
		if (path !== undefined && path.trim() === '') throw new UsageError(`${as(name)} needs a file name, got ""`);
	}

	for (const [index, [name, path]] of files.entries()) {
		const same = files.slice(index + 1).find(([, other]) => path !== undefined && other === path);
		if (same) throw new UsageError(`${as(name)} and ${as(same[0])} name the same file (${path}): give each its own`);
	}
	const isLive = !isHeadless;
	return {
		reference: positionals[0] ?? defaultPreset,
		mode: isHeadless ? 'headless' : 'live',
		isJson: has('json'),
		metricsPath,
		eventsPath,
		intervalSeconds: intervalText === undefined ? undefined : value(parseDurationFlag(as('interval'), intervalText, maxDurationSeconds, formatDuration(maxDurationSeconds))),
		seed: seedText === undefined ? undefined : value(parseSeed(seedText, as('seed'))),
		durationSeconds: durationText === undefined ? undefined : value(parseDurationFlag(as('duration'), durationText, maxDurationSeconds, formatDuration(maxDurationSeconds))),
		speed: speedText === undefined ? undefined : (isLive ? liveSpeed(as('speed'), value(parsePositive(as('speed'), speedText))) : value(parsePositive(as('speed'), speedText))),
		record: recordPath === undefined ? undefined : {
			path: recordPath,
			columns: whole('cols', minColumns, maxCastColumns),
			rows: whole('rows', minRows, maxCastRows),
			fps: whole('fps', 1, maxFps),
			castFormat: castFormat as CastFormat | undefined,
		},
		isForce: has('force'),
		isAscii: has('ascii'),
		color: typeof flags['color'] === 'boolean' ? flags['color'] : undefined,
		sets: Array.isArray(flags['set']) ? flags['set'] as readonly string[] : [],
		typed,
	};
}

/** A live `--speed` within the dashboard's range (its `[`/`]` steps), design.md §1b. */
function liveSpeed(flag: string, speed: number): number {
	const {min, max} = liveSpeedRange;
	if (speed < min || speed > max) throw new UsageError(`${flag} must be from ${min} to ${max} for the live dashboard (the range of its [ and ] keys), got ${speed}; a headless run goes as fast as it can`);
	return speed;
}

/** The run's config after the flags' overrides, checked against the preset (ticks, cast length). */
export function fitToConfig(options: RunOptions, loaded: SimConfig): SimConfig {
	const as = (name: string) => options.typed[name] ?? `--${name}`;
	const config = {...loaded, seed: options.seed ?? loaded.seed, durationSeconds: options.durationSeconds ?? loaded.durationSeconds};
	const tick = config.tickSeconds;
	const isWholeTicks = (seconds: number) => Math.abs(seconds / tick - Math.round(seconds / tick)) < 1e-9;
	if (options.durationSeconds !== undefined) {
		const given = formatDuration(options.durationSeconds);
		if (!isWholeTicks(options.durationSeconds) || options.durationSeconds < tick) throw new UsageError(`${as('duration')} must be a whole number of this preset's ticks (${formatDuration(tick)} each), got ${given}`);
		if (options.durationSeconds / tick > maxTicks) throw new UsageError(`${as('duration')} must be at most ${maxTicks.toLocaleString('en-US')} ticks (${formatDuration(maxTicks * tick)} at this preset's ${formatDuration(tick)} tick), got ${given}`);
	}

	if (options.intervalSeconds !== undefined && (!isWholeTicks(options.intervalSeconds) || options.intervalSeconds < tick)) {
		throw new UsageError(`${as('interval')} must be a whole number of this preset's ticks (${formatDuration(tick)} each), got ${formatDuration(options.intervalSeconds)}`);
	}

	if (options.mode === 'headless' && options.record && options.speed !== undefined) {
		const castSeconds = config.durationSeconds / options.speed;
		if (castSeconds < minCastSeconds || castSeconds > maxCastSeconds) {
			const low = config.durationSeconds / maxCastSeconds;
			const high = config.durationSeconds / minCastSeconds;
			throw new UsageError(`${as('speed')} ${options.speed} makes this ${formatDuration(config.durationSeconds)} run a cast of ${castSeconds < 0.001 ? 'under 1ms' : formatDuration(castSeconds)}; a cast lasts ${formatDuration(minCastSeconds)} to ${formatDuration(maxCastSeconds)}, so ${as('speed')} must be from ${roundUp(low)} to ${roundDown(high)} here`);
		}
	}

	return config;
}

/** Bounds shown to three decimals, rounded inwards so that the bound shown is accepted. */
const roundUp = (x: number) => Math.ceil(x * 1000) / 1000;
const roundDown = (x: number) => Math.floor(x * 1000) / 1000;
