/**
 * The churn day of issue 9 ("Speed"), section `churn` of `npm run bench`: bench/churn-day.yaml,
 * 24 simulated hours at 1-s ticks of a daily curve between 12,000 and 35,000 req/s, target
 * tracking, least outstanding requests, a kill at 6 h and a 20-minute zone outage at 12 h, so the
 * group runs between about 330 and 1,000 instances and launches and terminates them all day.
 *  - the whole `scaletop bench/churn-day.yaml --headless --json` process, as a user runs it:
 *    wall time and peak RSS (goal ≤ 1 s and ≤ 150 MB), and instance-ticks per second;
 *  - the same day in process (`runHeadless`): wall and CPU time per instance-tick;
 *  - the day at 10× for an hour at its peak (about 10,000 instances and 350,000 req/s, scaling in
 *    as the curve falls), in process: beyond the presets' 1,000-instance limit, so built from the
 *    same file by `churnDayConfig`.
 * SCALETOP_BENCH_QUICK=1 simulates 2 hours of the day and 10 minutes of the peak, and says so.
 */
import {spawnSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {runHeadless} from '../headless/run-headless.js';
import {loadPreset} from '../presets/load-preset.js';
import type {SimConfig} from '../sim/index.js';
import type {BenchLine} from './types.js';

/** The churn day's preset file (not a built-in preset). */
export const churnDayFile = fileURLToPath(new URL('../../bench/churn-day.yaml', import.meta.url));

/** How `churnDayConfig` varies the day. */
export type ChurnDayOptions = {
	/** The fleet (min, max, desired) and the load (peak and trough) times this. Default 1. */
	readonly scale?: number;
	/** Simulated seconds. Default: the file's 24 h. */
	readonly durationSeconds?: number;
	/** Start at the peak of the curve with the group at 97 % of its maximum. Default false. */
	readonly isAtPeak?: boolean;
};

/** The churn day's config, varied by `options`. */
export function churnDayConfig(options: ChurnDayOptions = {}): SimConfig {
	const loaded = loadPreset(churnDayFile);
	if (!loaded.ok) throw new Error(loaded.message);
	const c = loaded.config;
	const group = c.autoScaling;
	if (group === undefined || c.load.kind !== 'open' || c.load.pattern !== 'daily') throw new Error(`${churnDayFile}: expected a group and a daily load`);
	const scale = options.scale ?? 1;
	const times = (n: number): number => Math.max(1, Math.round(n * scale));
	const max = times(group.max);
	return {
		...c,
		durationSeconds: options.durationSeconds ?? c.durationSeconds,
		autoScaling: {...group, min: times(group.min), max, desired: options.isAtPeak === true ? Math.round(max * 0.97) : times(group.desired)},
		load: {...c.load, ratePerSecond: c.load.ratePerSecond * scale, troughPerSecond: c.load.troughPerSecond * scale, ...(options.isAtPeak === true ? {peakAtSeconds: 0} : {})},
	};
}

/** CPU ms used by this process (user + system). */
function cpuMs(): number {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (instanceTicks: number, ms: number): string => `${(instanceTicks / (ms / 1000) / 1e6).toFixed(2)} M instance-ticks/s (${((ms * 1e6) / instanceTicks).toFixed(0)} ns each)`;
const fleetLine = (i: {readonly launched: number; readonly terminated: number; readonly peak: number}): string => `${i.launched} launched, ${i.terminated} terminated, peak ${i.peak}`;

/**
 * A run in process: wall and CPU ms, instance-ticks (running instance-seconds ÷ tick), and the
 * bench process's peak RSS so far (`resourceUsage().maxRSS`; sampling it during the run would
 * need per-minute `advance` calls, each copying the state, which would change what is timed).
 */
export function timeInProcess(config: SimConfig): {wall: number; cpu: number; instanceTicks: number; rss: number; fleet: string} {
	(globalThis as {gc?: () => void}).gc?.();
	const w0 = performance.now();
	const c0 = cpuMs();
	const result = runHeadless({config});
	const wall = performance.now() - w0;
	const cpu = cpuMs() - c0;
	if (result.violations.length > 0) throw new Error(result.violations[0]);
	return {wall, cpu, instanceTicks: result.state.totals.instanceSeconds / config.tickSeconds, rss: process.resourceUsage().maxRSS * 1024, fleet: fleetLine(result.summary.instances)};
}

/** The whole command as a user runs it: wall ms, the child's peak RSS (./max-rss.ts), instance-ticks from its summary. */
function timeProcess(args: readonly string[]): {wall: number; rssKb: number; instanceTicks: number; fleet: string} {
	const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
	const preload = fileURLToPath(new URL('max-rss.js', import.meta.url));
	const w0 = performance.now();
	const child = spawnSync(process.execPath, ['--import', preload, cli, ...args], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
	const wall = performance.now() - w0;
	if (child.status !== 0) throw new Error(`scaletop ${args.join(' ')} exited ${child.status}: ${child.stderr.trim()}`);
	const rssKb = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? Number.NaN);
	const summary = JSON.parse(child.stdout) as {cost: {instanceHours: number}; instances: {launched: number; terminated: number; peak: number}};
	return {wall, rssKb, instanceTicks: summary.cost.instanceHours * 3600, fleet: fleetLine(summary.instances)};
}

/** The churn section's lines. */
export async function bench(): Promise<BenchLine[]> {
	const quick = process.env.SCALETOP_BENCH_QUICK === '1';
	const day = quick ? 7200 : 86_400;
	const peak = quick ? 600 : 3600;
	const dayNote = quick ? ' (first 2 h only)' : '';
	const lines: BenchLine[] = [];
	const p = timeProcess([churnDayFile, '--headless', '--json', ...(quick ? ['--duration', '2h'] : [])]);
	lines.push(
		{name: `churn day, ≤ 1,000 instances, whole --headless process${dayNote}`, value: `${(p.wall / 1000).toFixed(2)} s wall, peak RSS ${(p.rssKb / 1024).toFixed(0)} MB`, ...(quick ? {} : {goal: '≤ 1 s, ≤ 150 MB'})},
		{name: '  per instance-tick (start-up included)', value: `${rate(p.instanceTicks, p.wall)}; ${p.fleet}`},
	);
	const d = timeInProcess(churnDayConfig({durationSeconds: day}));
	lines.push(
		{name: `churn day, ≤ 1,000 instances, in process${dayNote}`, value: `${(d.wall / 1000).toFixed(1)} s wall, ${(d.cpu / 1000).toFixed(1)} s CPU, peak RSS of the bench so far ${mb(d.rss)}`},
		{name: '  per instance-tick', value: `${rate(d.instanceTicks, d.wall)}; CPU ${rate(d.instanceTicks, d.cpu)}; ${d.fleet}`},
	);
	const x = timeInProcess(churnDayConfig({scale: 10, durationSeconds: peak, isAtPeak: true}));
	lines.push(
		{name: `churn day ×10, ~10,000 instances at its peak, ${peak / 60} min`, value: `${(x.wall / 1000).toFixed(1)} s wall, ${(x.cpu / 1000).toFixed(1)} s CPU, peak RSS of the bench so far ${mb(x.rss)}`},
		{name: '  per instance-tick', value: `${rate(x.instanceTicks, x.wall)}; CPU ${rate(x.instanceTicks, x.cpu)}; ${x.fleet}`},
	);
	return lines;
}
