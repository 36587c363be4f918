/**
 * `scaletop PRESET --headless [--json] [--metrics FILE] [--record FILE.cast]`: the run to its end
 * as fast as possible, then the summary (readable, or JSON). Ctrl-C or SIGTERM stops it between
 * two steps: the summary so far is still printed, with exit code 130 / 143.
 */
import {formatSummary} from '../headless/format-summary.js';
import {summaryJson} from '../headless/output-schemas.js';
import {UsageError} from '../headless/args.js';
import {runHeadlessInterruptible} from '../headless/run-headless.js';
import {withSettings} from '../presets/overrides.js';
import {formatDuration} from '../presets/units.js';
import type {RecordHeadlessOptions} from '../recorder/record-headless.js';
import type {RunSummary, SimConfig} from '../sim/index.js';
import {isColorWanted} from '../ui/theme.js';
import {untilInterrupted} from './interrupt.js';
import {write} from './output.js';
import {openRunFiles} from './outputs.js';
import type {RunOptions} from './run-options.js';

function recordOptions(options: RunOptions, config: SimConfig): RecordHeadlessOptions | undefined {
	const {record} = options;
	if (!record) return undefined;
	return {
		config,
		path: record.path,
		flag: options.typed['record'] ?? '--record',
		force: options.isForce,
		columns: record.columns,
		rows: record.rows,
		fps: record.fps,
		speed: options.speed,
		castFormat: record.castFormat,
		isColor: isColorWanted(process.env, {color: options.color, isForTerminal: false}),
		charset: options.isAscii ? 'ascii' : 'unicode',
		// The header's command names the preset as the user did (a preset file by its path).
		reference: options.reference,
		sets: options.sets,
	};
}

function summaryText(summary: RunSummary, config: SimConfig, options: RunOptions, isComplete: boolean): string {
	return options.isJson ? JSON.stringify(withSettings(summaryJson(summary), options.sets), null, 2) : formatSummary(summary, {title: config.title, durationSeconds: config.durationSeconds, isComplete});
}

/** Run headless; returns the exit code. */
export async function runHeadlessCommand(options: RunOptions, config: SimConfig): Promise<number> {
	const record = recordOptions(options, config);
	// Every path is checked before anything is created.
	const files = openRunFiles(options);
	const {metrics, events} = files;
	let outcome;
	try {
		outcome = await untilInterrupted(async signal => runHeadlessInterruptible({
			config,
			intervalSeconds: options.intervalSeconds ?? 60,
			onMetrics: metrics ? line => metrics.write(line) : undefined,
			onEvents: events ? lines => lines.forEach(line => events.write(line)) : undefined,
			signal,
		}));
	} finally {
		files.close();
	}

	const {result, signalExitCode} = outcome;

	// A failed write is a failed run: the summary still goes out, then one sentence per file, exit 1.
	const failures = files.failures();
	const reportFailures = () => {
		for (const failure of failures) process.stderr.write(`scaletop: ${failure}\n`);
	};

	if (!result.isComplete) {
		write(summaryText(result.summary, config, options, false));
		reportFailures();
		const kept = [options.metricsPath, options.eventsPath].filter(path => path !== undefined);
		process.stderr.write(`scaletop: stopped at ${formatDuration(result.summary.simulatedSeconds)} of ${formatDuration(config.durationSeconds)} simulated${kept.length > 0 && failures.length === 0 ? `; ${kept.join(' and ')} ${kept.length === 1 ? 'holds' : 'hold'} every line up to then` : ''}.\n`);
		return signalExitCode || 130;
	}

	if (record) {
		const {recordHeadless} = await import('../recorder/record-headless.js');
		const recorded = await recordHeadless(record);
		// "Recorded …" is news; anything else (the cast file appeared during the run, a full disk, a signal) is an error, said as every error is.
		if (recorded.message) process.stderr.write(recorded.exitCode === 0 ? `${recorded.message}\n` : `scaletop: ${recorded.message}\n`);
		if (recorded.exitCode !== 0) return recorded.exitCode;
	}

	write(summaryText(result.summary, config, options, true));
	reportFailures();
	if (result.violations.length > 0) {
		process.stderr.write(`scaletop: the run failed: ${result.violations[0]}\n`);
		return 1;
	}

	return failures.length > 0 ? 1 : 0;
}
