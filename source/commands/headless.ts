/**
 * `scaletop PRESET --headless [--json] [--metrics FILE] [--record FILE.cast]`: the run to its end
 * as fast as possible, then the summary (readable, or JSON). Ctrl-C or SIGTERM stops it between
 * two steps: the summary so far is still printed, with exit code 130 / 143.
 */
import {formatSummary} from '../headless/format-summary.js';
import {UsageError} from '../headless/args.js';
import {checkMetricsPath, openMetricsWriter, type MetricsWriter} from '../headless/metrics-writer.js';
import {runHeadlessInterruptible} from '../headless/run-headless.js';
import {withSettings} from '../presets/overrides.js';
import {formatDuration} from '../presets/units.js';
import {checkCastPath} from '../recorder/cast-file.js';
import type {RecordHeadlessOptions} from '../recorder/record-headless.js';
import type {RunSummary, SimConfig} from '../sim/index.js';
import {write} from './output.js';
import type {RunOptions} from './run-options.js';

/** How to reproduce a run (for cast headers): the preset as the user named it, seed and duration. */
export function commandLine(reference: string, config: SimConfig, extra: string): string {
	const preset = /^[\w./-]+$/.test(reference) ? reference : JSON.stringify(reference);
	return `scaletop ${preset} --seed ${config.seed} --duration ${formatDuration(config.durationSeconds)}${extra}`;
}

/** Open the metrics file the options ask for (or none). Throws a UsageError when it cannot. */
export function openMetrics(options: RunOptions): MetricsWriter | undefined {
	if (options.metricsPath === undefined) return undefined;
	const opened = openMetricsWriter(options.metricsPath);
	if (!opened.ok) throw new UsageError(opened.message);
	return opened.writer;
}

function recordOptions(options: RunOptions, config: SimConfig): RecordHeadlessOptions | undefined {
	const {record} = options;
	if (!record) return undefined;
	const given = [['speed', options.speed], ['fps', record.fps], ['cols', record.columns], ['rows', record.rows]] as const;
	return {
		config,
		path: record.path,
		force: options.isForce,
		columns: record.columns,
		rows: record.rows,
		fps: record.fps,
		speed: options.speed,
		castFormat: record.castFormat,
		isColor: !process.env['NO_COLOR'],
		charset: options.isAscii ? 'ascii' : 'unicode',
		// The recorder's default command names the preset; a preset file needs its path instead.
		command: options.reference === config.name ? undefined : commandLine(options.reference, config, ` --headless${given.map(([name, value]) => (value === undefined ? '' : ` --${name} ${value}`)).join('')}`),
	};
}

function summaryText(summary: RunSummary, config: SimConfig, options: RunOptions, isComplete: boolean): string {
	return options.isJson ? JSON.stringify(withSettings(summary, options.sets), null, 2) : formatSummary(summary, {title: config.title, durationSeconds: config.durationSeconds, isComplete});
}

/** Run headless; returns the exit code. */
export async function runHeadlessCommand(options: RunOptions, config: SimConfig): Promise<number> {
	const record = recordOptions(options, config);
	// Every path is checked before anything is created.
	const pathProblem = (options.metricsPath === undefined ? undefined : checkMetricsPath(options.metricsPath)) ?? (record ? checkCastPath(record.path, {force: record.force}) : undefined);
	if (pathProblem) throw new UsageError(pathProblem);
	const metrics = openMetrics(options);
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
		result = await runHeadlessInterruptible({config, intervalSeconds: options.intervalSeconds ?? 60, onMetrics: metrics ? line => metrics.write(line) : undefined, signal: controller.signal});
	} finally {
		process.off('SIGINT', onInterrupt);
		process.off('SIGTERM', onTerminate);
		metrics?.close();
	}

	const metricsFailure = metrics?.failure();
	if (metricsFailure) process.stderr.write(`scaletop: ${metricsFailure}\n`);
	if (!result.isComplete) {
		write(summaryText(result.summary, config, options, false));
		process.stderr.write(`scaletop: stopped at ${formatDuration(result.summary.simulatedSeconds)} of ${formatDuration(config.durationSeconds)} simulated${options.metricsPath ? `; ${options.metricsPath} holds every line up to then` : ''}.\n`);
		return signalExitCode || 130;
	}

	if (record) {
		const {recordHeadless} = await import('../recorder/record-headless.js');
		const recorded = await recordHeadless(record);
		if (recorded.message) process.stderr.write(`${recorded.message}\n`);
		if (recorded.exitCode !== 0) return recorded.exitCode;
	}

	write(summaryText(result.summary, config, options, true));
	if (result.violations.length > 0) {
		process.stderr.write(`scaletop: the run failed: ${result.violations[0]}\n`);
		return 1;
	}

	return 0;
}
