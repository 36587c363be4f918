/**
 * Presets section of `npm run bench`: the wall-clock time to run each built-in preset headless,
 * from YAML to summary (load + validate + simulate the whole duration + summarise). Goal: every
 * built-in preset in under 1 s. Each preset is run three times; the best time is reported. Two
 * presets are also timed as whole `scaletop … --headless --json` processes (start-up included).
 */
import {spawnSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {runHeadless} from '../headless/run-headless.js';
import {builtInPresetNames, loadPreset} from '../presets/load-preset.js';
import {formatDuration} from '../presets/units.js';
import type {BenchLine} from './types.js';

/** Seconds to load and run `name` headless, best of `repeats`. */
function timePreset(name: string, repeats: number): {readonly seconds: number; readonly simulatedSeconds: number} {
	let best = Number.POSITIVE_INFINITY;
	let simulatedSeconds = 0;
	for (let i = 0; i < repeats; i++) {
		const start = performance.now();
		const loaded = loadPreset(name);
		if (!loaded.ok) throw new Error(loaded.message);
		simulatedSeconds = runHeadless({config: loaded.config}).summary.simulatedSeconds;
		best = Math.min(best, (performance.now() - start) / 1000);
	}

	return {seconds: best, simulatedSeconds};
}

/** Seconds for the whole command as a user runs it (process start included), best of `repeats`. */
function timeCommand(args: readonly string[], repeats: number): number {
	const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
	let best = Number.POSITIVE_INFINITY;
	for (let i = 0; i < repeats; i++) {
		const start = performance.now();
		const result = spawnSync(process.execPath, [cli, ...args], {stdio: 'ignore'});
		if (result.status !== 0) throw new Error(`scaletop ${args.join(' ')} exited ${result.status}`);
		best = Math.min(best, (performance.now() - start) / 1000);
	}

	return best;
}

export async function bench(): Promise<BenchLine[]> {
	const lines: BenchLine[] = [];
	for (const name of builtInPresetNames()) {
		const {seconds, simulatedSeconds} = timePreset(name, 3);
		lines.push({name: `headless run of preset ${name} (${formatDuration(simulatedSeconds)} simulated)`, value: `${seconds.toFixed(3)} s`, goal: '< 1 s'});
	}

	for (const name of ['tour', 'daily-traffic']) {
		lines.push({name: `scaletop ${name} --headless --json, whole process`, value: `${timeCommand([name, '--headless', '--json'], 3).toFixed(3)} s`, goal: '< 1 s'});
	}

	return lines;
}
