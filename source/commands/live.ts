/**
 * `scaletop [PRESET] [--metrics FILE] [--record FILE.cast]` on a terminal: the live dashboard,
 * with the metrics sampler and the recording tap wired in; both files are closed on every way out.
 */
import {UsageError} from '../headless/args.js';
import {intervalMetricsLine} from '../headless/interval-metrics.js';
import {checkMetricsPath, type MetricsWriter} from '../headless/metrics-writer.js';
import {checkCastPath} from '../recorder/cast-file.js';
import type {LiveOutputTap} from '../recorder/types.js';
import {selectSummary, type RunSummary, type SimConfig, type SimState} from '../sim/index.js';
import {commandLine, openMetrics} from './headless.js';
import type {RunOptions} from './run-options.js';

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

/** Run the live dashboard; returns the exit code. */
export async function runLiveCommand(options: RunOptions, config: SimConfig): Promise<number> {
	const {speed, record} = options;
	const intervalSeconds = options.intervalSeconds ?? 60;
	// Every path is checked before anything is created.
	const pathProblem = (options.metricsPath === undefined ? undefined : checkMetricsPath(options.metricsPath)) ?? (record ? checkCastPath(record.path, {force: options.isForce}) : undefined);
	if (pathProblem) throw new UsageError(pathProblem);
	const metrics = openMetrics(options);
	let tap: LiveOutputTap | undefined;
	try {
		if (record) {
			const {openLiveTap} = await import('../recorder/live-tap.js');
			const command = commandLine(options.reference, config, speed === undefined ? '' : ` --speed ${speed}`);
			const opened = openLiveTap({path: record.path, columns: process.stdout.columns ?? 120, rows: process.stdout.rows ?? 36, force: options.isForce, title: config.title, seed: config.seed, preset: config.name, command, castFormat: record.castFormat});
			if (!opened.ok) throw new UsageError(opened.message);
			tap = opened.tap;
		}

		const onState = metrics ? metricsSampler(metrics, intervalSeconds / config.tickSeconds) : undefined;
		const {runLive} = await import('../live/run-live.js');
		return await runLive({config, speed, fps: record?.fps, tap, onState, charset: options.isAscii ? 'ascii' : 'unicode'});
	} finally {
		tap?.close();
		metrics?.close();
	}
}
