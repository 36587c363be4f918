/**
 * A headless run: the preset's whole duration as fast as possible, no UI. Time advances one
 * metrics interval at a time (default one simulated minute; when nobody wants metrics, in at
 * most 16 longer steps); after each step the metrics line goes to `onMetrics` (the NDJSON
 * writer) and the run's invariants are checked. Pure
 * apart from the callback: the same config gives the same summary, byte for byte.
 */
import {advance, createInitialState, selectAutoScaling, selectEventsSince, selectSummary, type MetricsLine, type RunSummary, type SimConfig, type SimState} from '../sim/index.js';
import {eventLine, lostLine, type EventLine} from './events.js';
import {intervalMetricsLine} from './interval-metrics.js';

/** Options of a headless run. */
export type HeadlessOptions = {
	readonly config: SimConfig;
	/** Simulated seconds between metrics lines (and invariant checks). Default 60. */
	readonly intervalSeconds?: number;
	/** Receives one metrics line per interval, as the run goes (rates and error counts over the interval). */
	readonly onMetrics?: (line: MetricsLine) => void;
	/** Receives the `--events` lines of each step, oldest first; none is lost (see `advanceKeepingEvents`). */
	readonly onEvents?: (lines: readonly EventLine[]) => void;
	/** Asked between intervals; true stops the run early (Ctrl-C). */
	readonly shouldStop?: () => boolean;
};

/** How a headless run ended. */
export type HeadlessResult = {
	readonly state: SimState;
	readonly summary: RunSummary;
	/** False when stopped early. */
	readonly isComplete: boolean;
	/** Broken invariants, one sentence each (empty when the run is sound). */
	readonly violations: readonly string[];
};

/** The run's invariants at this moment: requests conserved, capacity limits, cost never falling. */
export function checkInvariants(state: SimState, summary: RunSummary, previousCostUsd: number): string[] {
	const violations: string[] = [];
	const at = `at ${summary.simulatedSeconds} s`;
	const {arrived, completed, failed, inFlight} = summary.requests;
	if (Math.abs(arrived - (completed + failed + inFlight)) > 1e-6 * Math.max(1, arrived)) {
		violations.push(`${at} requests are not conserved: ${arrived} arrived but ${completed} completed + ${failed} failed + ${inFlight} in flight`);
	}

	const errorSum = summary.errors['500'] + summary.errors['502'] + summary.errors['503'] + summary.errors['504'];
	if (Math.abs(errorSum - failed) > 1e-6 * Math.max(1, failed)) violations.push(`${at} failures by code (${errorSum}) do not add up to the failed requests (${failed})`);
	if (summary.cost.totalUsd + 1e-12 < previousCostUsd) violations.push(`${at} the total cost went down from ${previousCostUsd} to ${summary.cost.totalUsd}`);
	const group = state.autoScaling ? selectAutoScaling(state) : undefined;
	if (group && !(group.min <= group.desired && group.desired <= group.max)) violations.push(`${at} desired capacity ${group.desired} is outside [${group.min}, ${group.max}]`);
	const numbers = [arrived, completed, failed, inFlight, summary.cost.totalUsd, summary.latencyMs.mean, summary.throughputPerSecond];
	if (numbers.some(value => !Number.isFinite(value) || value < 0)) violations.push(`${at} the summary holds a negative or non-finite number`);
	return violations;
}

/** The run as a sequence of steps (one advance() call each); returns the result when done or stopped. */
function* headlessSteps(options: HeadlessOptions): Generator<void, HeadlessResult> {
	const {config} = options;
	const totalTicks = Math.round(config.durationSeconds / config.tickSeconds);
	const metricsTicks = Math.max(1, Math.round((options.intervalSeconds ?? 60) / config.tickSeconds));
	// Each advance() call copies the state once; without metrics to write, fewer, longer calls are
	// faster (at most 16, but no longer than a simulated hour, so Ctrl-C is heard soon).
	const longest = Math.max(metricsTicks, Math.round(3600 / config.tickSeconds));
	const intervalTicks = options.onMetrics || options.onEvents ? metricsTicks : Math.min(longest, Math.max(metricsTicks, Math.ceil(totalTicks / 16)));
	let state = createInitialState(config);
	if (options.onEvents && state.eventCount > 0) options.onEvents(selectEventsSince(state, 0).map(event => eventLine(event, config.tickSeconds)));
	let summary = selectSummary(state);
	const violations: string[] = [];
	let isComplete = true;
	while (state.clock.tick < totalTicks) {
		if (options.shouldStop?.()) {
			isComplete = false;
			break;
		}

		const ticks = Math.min(intervalTicks, totalTicks - state.clock.tick);
		state = options.onEvents ? advanceKeepingEvents(state, ticks, options.onEvents) : advance(state, ticks);
		const next = selectSummary(state);
		options.onMetrics?.(intervalMetricsLine(state, next, summary));
		if (violations.length === 0) violations.push(...checkInvariants(state, next, summary.cost.totalUsd));
		summary = next;
		yield;
	}

	return {state, summary, isComplete, violations};
}

/**
 * `advance(state, ticks)`, handing every event of those ticks to `onEvents`. The state keeps
 * only its newest few hundred events, so when more happened than it kept, the same ticks are
 * run again from the same state in two halves (advance is deterministic: the result is the
 * same state); only a single tick with more events than the log holds loses some, and says so.
 */
export function advanceKeepingEvents(state: SimState, ticks: number, onEvents: (lines: readonly EventLine[]) => void): SimState {
	const next = advance(state, ticks);
	const fresh = next.eventCount - state.eventCount;
	const kept = selectEventsSince(next, state.eventCount);
	if (fresh > kept.length && ticks > 1) {
		const half = Math.floor(ticks / 2);
		return advanceKeepingEvents(advanceKeepingEvents(state, half, onEvents), ticks - half, onEvents);
	}

	const tickSeconds = next.config.tickSeconds;
	const lines = kept.map(event => eventLine(event, tickSeconds));
	if (fresh > kept.length) lines.unshift(lostLine(next.clock.tick * tickSeconds, fresh - kept.length));
	if (lines.length > 0) onEvents(lines);
	return next;
}

/** Run a config to its end (or until `shouldStop`), synchronously. */
export function runHeadless(options: HeadlessOptions): HeadlessResult {
	const steps = headlessSteps(options);
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

/**
 * The same run, giving the event loop a turn between steps so that a signal handler (Ctrl-C)
 * can stop it: `signal` aborted → the run stops after the current step, `isComplete` false.
 */
export async function runHeadlessInterruptible(options: HeadlessOptions & {readonly signal: AbortSignal}): Promise<HeadlessResult> {
	const steps = headlessSteps({...options, shouldStop: () => options.signal.aborted || (options.shouldStop?.() ?? false)});
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
}
