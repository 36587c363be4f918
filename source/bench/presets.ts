/**
 * Presets section of `npm run bench`: the wall-clock time to run each built-in preset headless,
 * from YAML to summary (load + validate + simulate the whole duration + summarise). Goal: every
 * built-in preset in under 1 s. Each preset is run three times; the best time is reported.
 */
import {performance} from 'node:perf_hooks';
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

export async function bench(): Promise<BenchLine[]> {
	const lines: BenchLine[] = [];
	for (const name of builtInPresetNames()) {
		const {seconds, simulatedSeconds} = timePreset(name, 3);
		lines.push({name: `headless run of preset ${name} (${formatDuration(simulatedSeconds)} simulated)`, value: `${seconds.toFixed(3)} s`, goal: '< 1 s'});
	}

	return lines;
}
