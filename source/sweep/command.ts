/**
 * `scaletop sweep`: the edge of the sweep (flags, files, stdio, signals, exit code).
 *
 *   scaletop sweep PRESET --set KEY=V1,V2 [--set …] [--seeds 1-20] [--duration D] [--threads N] [--json | --csv]
 *   scaletop sweep PRESET … --plan          one command line per run, for a batch engine
 *   scaletop sweep --merge FILES… [--json | --csv]
 *
 * Every combination is validated before anything runs (each bad one with its located
 * message). stdout carries nothing but the results; the progress bar goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import {parseDurationFlag, parseWhole} from '../headless/args.js';
import {loadPreset} from '../presets/load-preset.js';
import {makeOverride, parseSetFlag, type SetFlag} from '../presets/overrides.js';
import type {SimConfig} from '../sim/index.js';
import {readArgs} from './args.js';
import {expandGrid, parseSeeds, type GridRun} from './grid.js';
import {formatSweepCsv, formatSweepJson, formatSweepTable, type SweepRun} from './format.js';
import {mergeRuns} from './merge.js';
import {planLine} from './plan.js';
import {runJobs, type Job} from './pool.js';
import {makeProgress} from './progress.js';

/** The most runs one sweep may hold (a bigger grid is a plan for a batch engine). */
export const maxSweepRuns = 100_000;

/** The sweep's `--help`. */
export const sweepHelp = `
  Usage
    $ scaletop sweep PRESET --set KEY=V1,V2 [--set KEY=V1,V2 …] [--seeds 1-20] [options]
    $ scaletop sweep PRESET … --plan       one command line per run, for a batch engine
    $ scaletop sweep --merge FILES…        the JSON outputs of those lines, as one sweep

  Runs every combination of the values × every seed headless, on every core, and prints one
  row per combination: the median and the range across seeds of 5xx, p99, cost and scaling
  activities. KEY is a path in the preset (autoScaling.defaultCooldown,
  autoScaling.policies[0].alarm.threshold, load.rate); values are YAML (300s, 80, true).

  Options
    --set KEY=V1,V2,…      a setting and its values (repeat for more settings)
    --seeds SEEDS          1-20, 7 or 1,5,9 (default: the preset's seed)
    --duration DURATION    each run's length (default: the preset's)
    --threads N            worker threads (default: one per core); results do not depend on it
    --json                 every run as JSON: { "runs": [ { "settings", "seed", "summary" } ] }
    --csv                  one CSV row per run
    --plan                 print one "scaletop PRESET --headless --json --seed N --set …" line per run
    --merge                merge the JSON files of plan lines (or of sweep --json) given as arguments

  Example
    $ scaletop sweep thrashing --set autoScaling.defaultCooldown=0s,120s,300s --seeds 1-10
`;

/** An error for the user: one sentence (or one line per problem), exit code 2. */
class SweepError extends Error {}

const flagSpec = {
	set: {type: 'string', multiple: true},
	seeds: {type: 'string'},
	duration: {type: 'string'},
	threads: {type: 'string'},
	json: {type: 'boolean'},
	csv: {type: 'boolean'},
	plan: {type: 'boolean'},
	merge: {type: 'boolean'},
	help: {type: 'boolean'},
} as const;

/** What the command needs from the process (injectable for tests). */
export type SweepIo = {
	readonly stdout: {write(text: string): unknown};
	readonly stderr: {readonly isTTY?: boolean; readonly columns?: number; write(text: string): unknown};
	readonly onSignal?: (stop: (exitCode: number) => void) => () => void;
	readonly workerUrl?: URL;
};

const processIo: SweepIo = {
	stdout: process.stdout,
	stderr: process.stderr,
	onSignal(stop) {
		const onInterrupt = () => {
			stop(130);
		};

		const onTerminate = () => {
			stop(143);
		};

		process.once('SIGINT', onInterrupt);
		process.once('SIGTERM', onTerminate);
		return () => {
			process.off('SIGINT', onInterrupt);
			process.off('SIGTERM', onTerminate);
		};
	},
};

/** Run `scaletop sweep ARGS`; returns the exit code. */
export async function sweepCommand(args: readonly string[], io: SweepIo = processIo): Promise<number> {
	try {
		return await sweep(args, io);
	} catch (error) {
		if (!(error instanceof SweepError)) throw error;
		const text = error.message;
		io.stderr.write(/^\S+:\d+:\d+ /.test(text) || text.includes('\n') ? `${text}\n` : `scaletop: ${text}\n`);
		return 2;
	}
}

type Output = 'table' | 'json' | 'csv';

function print(io: SweepIo, runs: readonly SweepRun[], output: Output): void {
	io.stdout.write(output === 'json' ? `${formatSweepJson(runs)}\n` : output === 'csv' ? formatSweepCsv(runs) : formatSweepTable(runs));
}

async function sweep(args: readonly string[], io: SweepIo): Promise<number> {
	const read = readArgs('sweep', args, flagSpec);
	if (!read.ok) throw new SweepError(read.message);
	const {flags, positionals} = read;
	if (flags['help']) {
		io.stdout.write(sweepHelp);
		return 0;
	}

	if (flags['json'] && flags['csv']) throw new SweepError('--json and --csv are two outputs; choose one');
	const output: Output = flags['json'] ? 'json' : flags['csv'] ? 'csv' : 'table';
	if (flags['merge']) return merge(positionals, flags, output, io);
	if (positionals.length === 0) throw new SweepError('sweep needs a preset (scaletop sweep PRESET --set KEY=V1,V2 …; scaletop sweep --help)');
	if (positionals.length > 1) throw new SweepError(`sweep takes one preset, got ${positionals.length}: ${positionals.join(' ')}`);
	const reference = positionals[0]!;
	const setFlags = readSetFlags((flags['set'] as string[] | undefined) ?? []);
	const duration = flags['duration'] === undefined ? undefined : parsed(parseDurationFlag('duration', flags['duration'] as string));
	const base = loadPreset(reference);
	if (!base.ok) throw new SweepError(base.message);
	const seeds = flags['seeds'] === undefined ? [base.config.seed] : parsed(parseSeeds(flags['seeds'] as string));
	const combinations = setFlags.reduce((product, flag) => product * flag.values.length, 1);
	if (combinations * seeds.length > maxSweepRuns) throw new SweepError(`the grid holds ${combinations} combinations × ${seeds.length} seeds = ${combinations * seeds.length} runs, more than ${maxSweepRuns}; split it, or print it with --plan for a batch engine`);
	const grid = expandGrid(setFlags, seeds);
	const configs = loadCombinations(reference, setFlags, grid);
	if (flags['plan']) {
		if (flags['threads'] !== undefined || output !== 'table') throw new SweepError('--plan prints command lines; --threads, --json and --csv apply to the runs themselves');
		for (const run of grid) io.stdout.write(`${planLine(reference, run, {duration: flags['duration'] as string | undefined})}\n`);
		return 0;
	}

	const threads = flags['threads'] === undefined ? os.availableParallelism() : parsed(parseWhole('threads', flags['threads'] as string, 1, 256));
	const jobs: Job[] = grid.map(run => ({index: run.index, config: {...configs[run.combination]!, seed: run.seed, ...(duration === undefined ? {} : {durationSeconds: duration})}}));
	return execute(grid, jobs, threads, output, io);
}

async function execute(grid: readonly GridRun[], jobs: readonly Job[], threads: number, output: Output, io: SweepIo): Promise<number> {
	const controller = new AbortController();
	let signalCode = 0;
	const release = io.onSignal?.(code => {
		signalCode = code;
		controller.abort();
	});
	const progress = makeProgress(io.stderr, jobs.length, () => performance.now());
	let results;
	try {
		results = await runJobs(jobs, {threads, signal: controller.signal, workerUrl: io.workerUrl, onResult: (_, done) => {
			progress.update(done);
		}});
	} finally {
		progress.end();
		release?.();
	}

	const runs: SweepRun[] = results.map(result => ({settings: grid[result.index]!.settings, seed: grid[result.index]!.seed, summary: result.summary}));
	if (runs.length > 0) print(io, runs, output);
	if (signalCode !== 0) {
		io.stderr.write(`scaletop: sweep stopped after ${runs.length} of ${jobs.length} runs${runs.length > 0 ? ' (the output holds those)' : ''}\n`);
		return signalCode;
	}

	const failed = results.find(result => result.violations.length > 0);
	if (failed) {
		io.stderr.write(`scaletop: run ${failed.index + 1} (seed ${grid[failed.index]!.seed}) failed: ${failed.violations[0]}\n`);
		return 1;
	}

	return 0;
}

function parsed<T>(result: {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string}): T {
	if (!result.ok) throw new SweepError(result.message);
	return result.value;
}

function readSetFlags(texts: readonly string[]): SetFlag[] {
	const flags = texts.map(text => parsed(parseSetFlag(text)));
	for (const [index, flag] of flags.entries()) {
		if (flag.key === 'seed') throw new SweepError('--set seed=… : a sweep takes its seeds from --seeds (like --seeds 1-20)');
		const twice = flags.findIndex(other => other.key === flag.key);
		if (twice !== index) throw new SweepError(`--set ${flag.key} is given twice; list its values in one flag (--set ${flag.key}=V1,V2)`);
	}

	return flags;
}

/** Load every combination (each validated with its overrides); all problems at once, each once. */
function loadCombinations(reference: string, flags: readonly SetFlag[], grid: readonly GridRun[]): SimConfig[] {
	const configs: SimConfig[] = [];
	const problems = new Set<string>();
	for (const run of grid) {
		if (configs[run.combination] !== undefined) continue;
		const overrides = flags.map(flag => makeOverride(flag, run.texts[flag.key]!));
		const loaded = loadPreset(reference, undefined, overrides);
		if (loaded.ok) configs[run.combination] = loaded.config;
		else for (const line of loaded.message.split('\n')) problems.add(line);
	}

	if (problems.size > 0) throw new SweepError([...problems].join('\n'));
	return configs;
}

async function merge(files: readonly string[], flags: Readonly<Record<string, unknown>>, output: Output, io: SweepIo): Promise<number> {
	const notForMerge = (['set', 'seeds', 'duration', 'threads', 'plan'] as const).find(name => flags[name] !== undefined && flags[name] !== false);
	if (notForMerge) throw new SweepError(`--${notForMerge} does not apply to --merge (the runs are done; it reads their JSON files)`);
	const inputs = files.map(file => {
		try {
			if (fs.statSync(file).isDirectory()) throw new SweepError(`${file} is a folder; pass the JSON files in it (${file}/*.json)`);
			return {file, text: fs.readFileSync(file, 'utf8')};
		} catch (error) {
			if (error instanceof SweepError) throw error;
			throw new SweepError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
		}
	});
	const merged = mergeRuns(inputs);
	if (!merged.ok) throw new SweepError(merged.message);
	print(io, merged.runs, output);
	for (const note of merged.notes) io.stderr.write(`scaletop: ${note}\n`);
	return 0;
}
