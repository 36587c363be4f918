/**
 * Sweep bench (issue 13): 2 settings × 3 values × 10 seeds of a 1-hour preset (thrashing),
 * wall time with 1 and 2 threads (goal: ≥ 1.8× faster with 2), and a check that both
 * give the same results. The machine's load average is printed with it: on a shared machine
 * the second core is only as free as the others leave it.
 */
import {spawn} from 'node:child_process';
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import {loadPreset} from '../presets/load-preset.js';
import {makeOverride, parseSetFlag} from '../presets/overrides.js';
import {expandGrid} from '../sweep/grid.js';
import {runJobs, type Job} from '../sweep/pool.js';
import type {BenchLine} from './types.js';

function jobs(): Job[] {
	const flags = ['autoScaling.policies[0].alarm.threshold=60,70,80', 'autoScaling.policies[1].alarm.threshold=30,40,50'].map(text => {
		const parsed = parseSetFlag(text);
		if (!parsed.ok) throw new Error(parsed.message);
		return parsed.value;
	});
	const grid = expandGrid(flags, Array.from({length: 10}, (_, k) => k + 1));
	const configs = new Map<number, ReturnType<typeof loadPreset>>();
	return grid.map(run => {
		if (!configs.has(run.combination)) configs.set(run.combination, loadPreset('thrashing', undefined, flags.map(flag => makeOverride(flag, run.texts[flag.key]!))));
		const loaded = configs.get(run.combination)!;
		if (!loaded.ok) throw new Error(loaded.message);
		return {index: run.index, config: {...loaded.config, seed: run.seed}};
	});
}

async function timed(list: readonly Job[], threads: number): Promise<{seconds: number; output: string}> {
	const start = performance.now();
	const results = await runJobs(list, {threads});
	return {seconds: (performance.now() - start) / 1000, output: JSON.stringify(results.map(result => result.summary))};
}

/**
 * The machine's own ceiling: the same runs split between two separate node processes started
 * together (no threads, no messages), wall time until both are done.
 */
async function twoProcesses(count: number): Promise<number> {
	const url = (file: string) => new URL(file, import.meta.url).href;
	const code = `const {loadPreset} = await import(${JSON.stringify(url('../presets/load-preset.js'))}); const {runHeadless} = await import(${JSON.stringify(url('../headless/run-headless.js'))}); const loaded = loadPreset('thrashing'); for (let k = 0; k < ${count}; k++) runHeadless({config: {...loaded.config, seed: k + 1}});`;
	const start = performance.now();
	await Promise.all([0, 1].map(async () => new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, ['--input-type=module', '-e', code], {stdio: 'ignore'});
		child.on('exit', status => (status === 0 ? resolve() : reject(new Error(`a bench process exited with ${status}`))));
	})));
	return (performance.now() - start) / 1000;
}

/** Median of some numbers. */
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function bench(): Promise<BenchLine[]> {
	const list = jobs();
	await timed(list.slice(0, 2), 1);
	const before = os.loadavg();
	// Alternating repetitions, medians: on a shared machine one pair of timings is noise.
	const ones: number[] = [];
	const twos: number[] = [];
	const processes: number[] = [];
	let isSame = true;
	for (let repetition = 0; repetition < 3; repetition++) {
		const one = await timed(list, 1);
		const two = await timed(list, 2);
		ones.push(one.seconds);
		twos.push(two.seconds);
		processes.push(await twoProcesses(list.length / 2));
		isSame &&= one.output === two.output;
	}

	const after = os.loadavg();
	const load = (values: number[]) => values.map(value => value.toFixed(2)).join(' ');
	const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
	return [
		{name: `sweep 2 settings × 3 values × 10 seeds of thrashing (1 h), ${list.length} runs, 1 thread`, value: `${median(ones).toFixed(2)} s (${range(ones)} over 3)`},
		{name: 'the same sweep, 2 threads (this one and a worker)', value: `${median(twos).toFixed(2)} s (${range(twos)}), ${(median(ones) / median(twos)).toFixed(2)}× faster`, goal: '≥ 1.8× faster'},
		{name: '1 and 2 threads give the same results', value: isSame ? 'yes' : 'NO'},
		{name: 'ceiling: the runs split between 2 processes started together', value: `${median(processes).toFixed(2)} s (${range(processes)}), ${(median(ones) / median(processes)).toFixed(2)}× (includes 2 process starts)`},
		{name: 'load average (1, 5, 15 min) before / after', value: `${load(before)} / ${load(after)} on ${os.availableParallelism()} cores`},
	];
}
