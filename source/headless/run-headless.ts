/**
 * A headless run: the preset's whole duration as fast as possible, no UI. Time advances one
 * metrics interval at a time (default one simulated minute; when nobody wants metrics, in at
 * most 16 longer steps); after each step the metrics line goes to `onMetrics` (the NDJSON
 * writer) and the run's invariants are checked. Pure
 * apart from the callback: the same config gives the same summary, byte for byte.
 */
import {advance, createInitialState, selectAutoScaling, selectSummary, type MetricsLine, type RunSummary, type SimConfig, type SimState} from '../sim/index.js';
import {intervalMetricsLine} from './interval-metrics.js';

/** Options of a headless run. */
export type HeadlessOptions = {
	readonly config: SimConfig;
	/** Simulated seconds between metrics lines (and invariant checks). Default 60. */
	readonly intervalSeconds?: number;
	/** Receives one metrics line per interval, as the run goes (rates and error counts over the interval). */
	readonly onMetrics?: (line: MetricsLine) => void;
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

	const errorSum = summary.errors['502'] + summary.errors['503'] + summary.errors['504'];
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
	const intervalTicks = options.onMetrics ? metricsTicks : Math.min(longest, Math.max(metricsTicks, Math.ceil(totalTicks / 16)));
	let state = createInitialState(config);
	let summary = selectSummary(state);
	const violations: string[] = [];
	let isComplete = true;
	while (state.clock.tick < totalTicks) {
		if (options.shouldStop?.()) {
			isComplete = false;
			break;
		}

		state = advance(state, Math.min(intervalTicks, totalTicks - state.clock.tick));
		const next = selectSummary(state);
		options.onMetrics?.(intervalMetricsLine(state, next, summary));
		if (violations.length === 0) violations.push(...checkInvariants(state, next, summary.cost.totalUsd));
		summary = next;
		yield;
	}

	return {state, summary, isComplete, violations};
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
