/**
 * `scaletop compare A B`: two presets on the same traffic. The edge of the comparison (flags,
 * files, stdio, exit code).
 *
 *   scaletop compare A B [--speed X] [--record F.cast]     live: two dashboards on one clock
 *   scaletop compare A B --headless [--json] [--seed N] [--duration D]
 *   scaletop compare A B --headless --record F.cast [--speed X] [--fps N] [--cols N] [--rows N]
 *
 * Both sides run with one seed (A's, or --seed), each to its own duration unless --duration
 * says, so each side's summary equals that preset run alone with that seed; the two runs go
 * side by side on one simulated clock (./run-pair.ts: B on a worker thread when there are two
 * cores), so Ctrl-C stops both at the same moment and prints the table so far (exit 130).
 */
import os from 'node:os';
import {parseDurationFlag, parsePositive, parseSeed, parseWhole} from '../headless/args.js';
import {liveSpeedRange, maxCastColumns, maxCastRows, maxFps} from '../headless/help.js';
import {maxCastSeconds, minCastSeconds} from '../presets/limits.js';
import {untilInterrupted} from '../commands/interrupt.js';
import {formatDuration} from '../presets/units.js';
import {checkOutputPath} from '../files/output-file.js';
import type {CastFormat} from '../recorder/cast-writer.js';
import type {LiveOutputTap} from '../recorder/types.js';
import {minColumns, minRows} from '../ui/layout.js';
import {isColorWanted} from '../ui/theme.js';
import type {ReadFlags} from '../sweep/args.js';
import {summaryJson} from '../headless/output-schemas.js';
import {loadPreset} from '../presets/load-preset.js';
import type {RunSummary, SimConfig} from '../sim/index.js';
import {readArgs} from '../sweep/args.js';
import {formatComparison} from './format-compare.js';
import {compareLoad} from './load-difference.js';
import {runPair} from './run-pair.js';

/** The comparison's `--help`. */
export const compareHelp = `
  Usage
    $ scaletop compare A B                      live: both dashboards on one clock, keys act on both
    $ scaletop compare A B --headless [--json]  both to the end, then a table of the differences

  A and B are built-in preset names or preset files. Both run with one seed (A's, or --seed):
  when their load sections are equal they see the same arrivals, tick for tick, so every
  difference comes from the fleet and the policies. The table shows A, B, the difference B − A
  and the better side for 5xx, latency, instances, scaling activities and cost.

  Live, A's dashboard is above B's (120×40 fits both; from 80×36 up), with a strip of 5xx,
  p99, cost, instances and scaling activities so far, B − A and the better side. A key acts on
  both: a spike hits both; k, H and u act on the same instance id where it exists; x and z
  pick on A and do the same to B. q prints the comparison table of the run so far.

  Options
    --speed X              live: simulated seconds per real second (0.25 … 1200; [ and ] change it)
    --record FILE.cast     record the comparison view (--force overwrites): live, as you see it;
                           with --headless, rendered from simulated time, faster than it plays,
                           a marker per timeline event (--speed: simulated seconds per cast
                           second, default: the longer side fits a one-minute cast)
    --cols N, --rows N     --headless --record: the cast's size (default 120×40)
    --fps N                --headless --record: frames per cast second (default 10)
    --cast-format v2|v3    --headless --record: the asciicast version (default v2)
    --ascii, --no-color    live and recordings: no block or box glyphs; no colour (NO_COLOR too)
    --headless             run both to the end without a UI and print the comparison table
                           (Ctrl-C: the table so far, both sides stopped at the same moment)
    --json                 with --headless: { "a": <summary>, "b": <summary> }
    --seed N               the seed of both sides (default: A's)
    --duration DURATION    both sides' length (default: each preset's own)

  Examples
    $ scaletop compare thrashing steady --headless
    $ scaletop compare thrashing steady --headless --record thrashing-vs-steady.cast
`;

class CompareError extends Error {}

const flagSpec = {
	headless: {type: 'boolean'},
	json: {type: 'boolean'},
	seed: {type: 'string'},
	duration: {type: 'string'},
	speed: {type: 'string'},
	record: {type: 'string'},
	cols: {type: 'string'},
	rows: {type: 'string'},
	fps: {type: 'string'},
	castFormat: {type: 'string'},
	force: {type: 'boolean'},
	ascii: {type: 'boolean'},
	noColor: {type: 'boolean'},
	help: {type: 'boolean'},
} as const;

/** What the command needs from the process (injectable for tests). */
export type CompareIo = {
	readonly stdout: {readonly isTTY?: boolean; write(text: string): unknown};
	readonly stderr: {write(text: string): unknown};
	/** Threads for the two runs (default: 2 when there are two cores, else 1: both in this thread). */
	readonly threads?: number;
};

const processIo: CompareIo = {stdout: process.stdout, stderr: process.stderr};

/** Run `scaletop compare ARGS`; returns the exit code. */
export async function compareCommand(args: readonly string[], io: CompareIo = processIo): Promise<number> {
	try {
		return await compare(args, io);
	} catch (error) {
		if (!(error instanceof CompareError)) throw error;
		const text = error.message;
		io.stderr.write(/^\S+:\d+:\d+ /.test(text) || text.includes('\n') ? `${text}\n` : `scaletop: ${text}\n`);
		return 2;
	}
}

function parsed<T>(result: {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string}): T {
	if (!result.ok) throw new CompareError(result.message);
	return result.value;
}

/** Load both sides with one seed (A's unless given) and the duration if given. */
export function loadSides(references: readonly [string, string], options: {readonly seed?: number; readonly durationSeconds?: number}): [SimConfig, SimConfig] {
	const loaded = references.map(reference => loadPreset(reference));
	const problems = loaded.flatMap(result => (result.ok ? [] : [result.message]));
	if (problems.length > 0) throw new CompareError(problems.join('\n'));
	const [a, b] = loaded.map(result => (result.ok ? result.config : undefined)) as [SimConfig, SimConfig];
	const seed = options.seed ?? a.seed;
	const side = (config: SimConfig): SimConfig => ({...config, seed, durationSeconds: options.durationSeconds ?? config.durationSeconds});
	return [side(a), side(b)];
}

async function compare(args: readonly string[], io: CompareIo): Promise<number> {
	const read = readArgs('compare', args, flagSpec);
	if (!read.ok) throw new CompareError(read.message);
	const {flags, positionals} = read;
	if (flags['help']) {
		io.stdout.write(compareHelp);
		return 0;
	}

	if (positionals.length !== 2) throw new CompareError(`compare takes two presets (scaletop compare A B --headless), got ${positionals.length === 0 ? 'none' : `${positionals.length}: ${positionals.join(' ')}`}`);
	if (flags['json'] && !flags['headless']) throw new CompareError('--json needs --headless (scaletop compare A B --headless --json)');
	const seed = flags['seed'] === undefined ? undefined : parsed(parseSeed(flags['seed'] as string));
	const durationSeconds = flags['duration'] === undefined ? undefined : parsed(parseDurationFlag('duration', flags['duration'] as string));
	const [a, b] = loadSides([positionals[0]!, positionals[1]!], {seed, durationSeconds});
	const isRecord = flags['record'] !== undefined;
	for (const flag of ['cols', 'rows', 'fps', 'castFormat'] as const) {
		if (flags[flag] !== undefined && !(isRecord && flags['headless'])) throw new CompareError(`--${kebab(flag)} applies to --headless --record FILE.cast (scaletop compare A B --headless --record F.cast --${kebab(flag)} …)`);
	}

	if (!flags['headless']) return compareLive(positionals as [string, string], a, b, flags);
	if (isRecord) return compareRecord(positionals as [string, string], a, b, flags, durationSeconds, io);
	for (const flag of ['speed', 'ascii', 'noColor'] as const) {
		if (flags[flag] !== undefined) throw new CompareError(`--${kebab(flag)} applies to the live comparison (scaletop compare A B --${kebab(flag)}${flag === 'speed' ? ' …' : ''}) and to recordings (--record F.cast), not to the headless table`);
	}

	const threads = io.threads ?? Math.min(2, os.availableParallelism());
	// Ctrl-C or SIGTERM stops both sides at the same moment: the table so far, exit 130 / 143 (as one preset's headless run).
	const {result: results, signalExitCode} = await untilInterrupted(async signal => runPair({a, b, threads, signal}));

	const isComplete = results.a.isComplete && results.b.isComplete;
	const longest = Math.max(a.durationSeconds, b.durationSeconds);
	writeResult(io, flags, a, b, results.a.summary, results.b.summary, isComplete ? undefined : longest);
	if (!isComplete) {
		const now = Math.max(results.a.summary.simulatedSeconds, results.b.summary.simulatedSeconds);
		io.stderr.write(`scaletop: stopped at ${formatDuration(now)} of ${formatDuration(longest)} simulated.\n`);
		return signalExitCode || 130;
	}

	const failed = (['a', 'b'] as const).find(side => results[side].violations.length > 0);
	if (failed) {
		io.stderr.write(`scaletop: side ${failed.toUpperCase()} failed: ${results[failed].violations[0]}\n`);
		return 1;
	}

	return 0;
}

const kebab = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/** `--headless --record F.cast`: the comparison view rendered from simulated time, then the table. */
async function compareRecord(references: readonly [string, string], a: SimConfig, b: SimConfig, flags: ReadFlags, durationSeconds: number | undefined, io: CompareIo): Promise<number> {
	const path = flags['record'] as string;
	if (path.trim() === '') throw new CompareError('--record needs a file name, got ""');
	const whole = (name: 'cols' | 'rows' | 'fps', min: number, max: number) => (flags[name] === undefined ? undefined : parsed(parseWhole(`--${name}`, flags[name] as string, min, max)));
	const columns = whole('cols', minColumns, maxCastColumns);
	const rows = whole('rows', minRows, maxCastRows);
	const fps = whole('fps', 1, maxFps);
	const castFormat = flags['castFormat'] as string | undefined;
	if (castFormat !== undefined && castFormat !== 'v2' && castFormat !== 'v3') throw new CompareError(`--cast-format must be v2 or v3, got "${castFormat}"`);
	const speed = flags['speed'] === undefined ? undefined : parsed(parsePositive('--speed', flags['speed'] as string));
	const {defaultCompareSpeed, recordCompare} = await import('./record-compare.js');
	const longest = Math.max(a.durationSeconds, b.durationSeconds);
	const castSeconds = longest / (speed ?? defaultCompareSpeed(a, b));
	if (speed !== undefined && (castSeconds < minCastSeconds || castSeconds > maxCastSeconds)) {
		throw new CompareError(`--speed ${speed} makes this ${formatDuration(longest)} comparison a cast of ${castSeconds < 0.001 ? 'under 1ms' : formatDuration(castSeconds)}; a cast lasts ${formatDuration(minCastSeconds)} to ${formatDuration(maxCastSeconds)}, so --speed must be from ${Math.ceil((longest / maxCastSeconds) * 1000) / 1000} to ${Math.floor((longest / minCastSeconds) * 1000) / 1000} here`);
	}

	// The path is checked before anything runs: an existing file needs --force.
	const problem = checkOutputPath('--record', path, {force: flags['force'] === true});
	if (problem) throw new CompareError(problem);
	const result = await recordCompare({
		a,
		b,
		references,
		durationSeconds,
		path,
		force: flags['force'] === true,
		columns,
		rows,
		fps,
		speed,
		castFormat: castFormat as CastFormat | undefined,
		isColor: isColorWanted(process.env, {noColor: flags['noColor'] === true, isForTerminal: false}),
		charset: flags['ascii'] ? 'ascii' : 'unicode',
	});
	if (result.exitCode === 2 && result.message) throw new CompareError(result.message);
	if (result.message) io.stderr.write(`${result.exitCode === 0 ? '' : 'scaletop: '}${result.message}\n`);
	if (result.exitCode !== 0) return result.exitCode;
	const {summaries} = result;
	if (summaries) writeResult(io, flags, a, b, summaries.a, summaries.b);
	if (result.violation) {
		io.stderr.write(`scaletop: ${result.violation}\n`);
		return 1;
	}

	return 0;
}

/** The comparison on stdout: the table, or `{ "a", "b" }` with --json; `stoppedOf`: the length of a run stopped early. */
function writeResult(io: CompareIo, flags: ReadFlags, a: SimConfig, b: SimConfig, summaryA: RunSummary, summaryB: RunSummary, stoppedOf?: number): void {
	if (flags['json']) io.stdout.write(`${JSON.stringify({a: summaryJson(summaryA), b: summaryJson(summaryB)}, null, 2)}\n`);
	else io.stdout.write(formatComparison({label: a.name, title: a.title, summary: summaryA}, {label: b.name, title: b.title, summary: summaryB}, compareLoad(a, b), stoppedOf));
}

/** The live comparison on this terminal; returns the exit code. */
async function compareLive(references: readonly [string, string], a: SimConfig, b: SimConfig, flags: ReadFlags): Promise<number> {
	if (a.tickSeconds !== b.tickSeconds) throw new CompareError(`the live comparison runs both sides on one clock, but A ticks every ${a.tickSeconds} s and B every ${b.tickSeconds} s; compare them with --headless`);
	const speedText = flags['speed'] as string | undefined;
	const speed = speedText === undefined ? undefined : parsed(parsePositive('--speed', speedText));
	if (speed !== undefined && (speed < liveSpeedRange.min || speed > liveSpeedRange.max)) {
		throw new CompareError(`--speed must be from ${liveSpeedRange.min} to ${liveSpeedRange.max} for the live comparison (the range of its [ and ] keys), got ${speed}`);
	}

	const recordPath = flags['record'] as string | undefined;
	let tap: LiveOutputTap | undefined;
	try {
		if (recordPath !== undefined) {
			const {openLiveTap} = await import('../recorder/live-tap.js');
			const quoted = (reference: string) => (/^[\w./-]+$/.test(reference) ? reference : JSON.stringify(reference));
			const reproduce = `scaletop compare ${quoted(references[0])} ${quoted(references[1])} --seed ${a.seed}${speed === undefined ? '' : ` --speed ${speed}`}`;
			const opened = openLiveTap({path: recordPath, columns: process.stdout.columns ?? 120, rows: process.stdout.rows ?? 40, force: flags['force'] === true, title: `${a.title} vs ${b.title}`, seed: a.seed, preset: `${a.name} vs ${b.name}`, command: reproduce});
			if (!opened.ok) throw new CompareError(opened.message);
			tap = opened.tap;
		}

		const [{runLive}, {compareLiveView}] = await Promise.all([import('../live/run-live.js'), import('./live/live-view.js')]);
		const view = compareLiveView(a, b, {speed});
		const {exitCode} = await runLive({config: a, speed, tap, view, charset: flags['ascii'] ? 'ascii' : 'unicode', themeMode: isColorWanted(process.env, {noColor: flags['noColor'] === true}) ? 'color' : 'mono'});
		return exitCode;
	} finally {
		tap?.close();
	}
}
