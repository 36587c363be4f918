/**
 * `scaletop [PRESET] [--metrics FILE] [--record FILE.cast]` on a terminal: the live dashboard,
 * with the metrics sampler and the recording tap wired in; both files are closed on every way out.
 */
import {isatty} from 'node:tty';
import {UsageError} from '../headless/args.js';
import {intervalMetricsLine} from '../headless/interval-metrics.js';
import {eventLine, lostLine} from '../headless/events.js';
import type {NdjsonWriter} from '../headless/ndjson-file.js';
import type {LiveOutputTap} from '../recorder/types.js';
import {createInitialState, selectEventsSince, selectSummary, type RunSummary, type SimConfig, type SimState} from '../sim/index.js';
import {castCommand} from '../recorder/cast-command.js';
import {isColorWanted} from '../ui/theme.js';
import type {Sampling} from '../ui/hooks/use-simulation.js';
import {openRunFiles} from './outputs.js';
import type {RunOptions} from './run-options.js';

/**
 * One metrics line per interval, as headless writes them: the live run hands on the state at
 * every interval boundary it reaches (however many a slow frame crosses), and each line covers
 * the interval since the previous one (the first since the start).
 */
export function metricsSampling(metrics: NdjsonWriter, config: SimConfig, intervalTicks: number): Sampling {
	let previous: RunSummary = selectSummary(createInitialState(config));
	return {
		everyTicks: intervalTicks,
		onSample(state) {
			const current = selectSummary(state);
			metrics.write(intervalMetricsLine(state, current, previous));
			previous = current;
		},
	};
}

/** Writes the `--events` lines of each new state (a frame's burst beyond the state's log is counted in a `lost` line). */
function eventsSampler(events: NdjsonWriter): (state: SimState) => void {
	let seen = 0;
	return state => {
		if (state.eventCount === seen) return;
		const kept = selectEventsSince(state, seen);
		const lost = state.eventCount - seen - kept.length;
		if (lost > 0) events.write(lostLine(state.clock.tick * state.config.tickSeconds, lost));
		for (const event of kept) events.write(eventLine(event, state.config.tickSeconds));
		seen = state.eventCount;
	};
}

/** Run the live dashboard; returns the exit code. */
export async function runLiveCommand(options: RunOptions, config: SimConfig): Promise<number> {
	const {speed, record} = options;
	const intervalSeconds = options.intervalSeconds ?? 60;
	// Every path is checked before anything is created.
	const files = openRunFiles(options);
	const {metrics, events} = files;
	let tap: LiveOutputTap | undefined;
	const isColor = isColorWanted(process.env, {color: options.color});
	try {
		if (record) {
			const {openLiveTap} = await import('../recorder/live-tap.js');
			const command = castCommand({reference: options.reference, mode: 'live', recordPath: record.path, seed: config.seed, durationSeconds: config.durationSeconds, speed, fps: record.fps, castFormat: record.castFormat, isAscii: options.isAscii, isColor, sets: options.sets});
			const opened = openLiveTap({path: record.path, flag: options.typed['record'] ?? '--record', columns: process.stdout.columns ?? 120, rows: process.stdout.rows ?? 36, force: options.isForce, title: config.title, seed: config.seed, preset: config.name, command, castFormat: record.castFormat});
			if (!opened.ok && opened.exitCode === 2) throw new UsageError(opened.message);
			if (!opened.ok) {
				// The path was fine but its first write failed (/dev/full): a failed run, not a usage error.
				process.stderr.write(`scaletop: ${opened.message}\n`);
				return 1;
			}

			tap = opened.tap;
		}

		const sampling = metrics && metricsSampling(metrics, config, Math.round(intervalSeconds / config.tickSeconds));
		const onState = events && eventsSampler(events);
		const {runLive} = await import('../live/run-live.js');
		const isStderrTerminal = isatty(2);
		const {exitCode, isTerminalGone} = await runLive({config, speed, fps: record?.fps, tap, onState, sampling, charset: options.isAscii ? 'ascii' : 'unicode', themeMode: isColor ? 'color' : 'mono'});
		// A failed write is a failed run: one sentence per file after the dashboard has gone
		// (unless stderr was the terminal that went away).
		tap?.close();
		const recorded = tap?.report();
		const failures = [...files.failures(), ...(recorded?.isFailed ? [recorded.message] : [])];
		if (!(isTerminalGone && isStderrTerminal)) {
			if (recorded && !recorded.isFailed) process.stderr.write(`${recorded.message}\n`);
			for (const failure of failures) process.stderr.write(`scaletop: ${failure}\n`);
		}

		return exitCode === 0 && failures.length > 0 ? 1 : exitCode;
	} finally {
		tap?.close();
		files.close();
	}
}
