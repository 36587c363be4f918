/**
 * The readable end-of-run summary (`scaletop PRESET --headless`), in the spirit of k6's and
 * ab's: dotted labels, the numbers a person compares between runs, the seed to reproduce it.
 * Pure: summary in, text out (no colour, no wall-clock time, so two runs print the same).
 */
import type {RunSummary} from '../sim/index.js';
import {formatDuration} from '../presets/units.js';
import {busiestTargets, maxTargetsShown} from './busiest-targets.js';

/** What the summary is about, besides the numbers. */
export type SummaryContext = {readonly title: string; readonly durationSeconds: number; readonly isComplete: boolean};

const integer = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
const twoDecimals = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});

/** `1,234`; fractional request counts (fluid model) are rounded for reading. */
export function formatCount(value: number): string {
	return integer.format(Math.round(value));
}

/** Dollars with enough digits to compare small runs: $0.0123, $1.23, $1,234.56. */
export function formatUsd(value: number): string {
	return value >= 1 ? `$${twoDecimals.format(value)}` : `$${value.toFixed(4)}`;
}

function formatMs(value: number): string {
	return value >= 100 ? integer.format(Math.round(value)) : value.toFixed(1);
}

function row(label: string, value: string): string {
	return `  ${`${label} `.padEnd(22, '.')}: ${value}`;
}

/**
 * Where the requests went: the busiest targets (all of them in a small fleet) and the others
 * summed; without a load balancer, the instances the clients reached directly.
 */
function targetLines(summary: RunSummary): string[] {
	const {shown, others} = busiestTargets(summary.elb.routed);
	const named = shown.map(([id, count]) => `${id} ${formatCount(count)}`);
	const perLine = 4;
	const texts = Array.from({length: Math.ceil(named.length / perLine)}, (_, index) => named.slice(index * perLine, (index + 1) * perLine).join(' · '));
	if (others.targets > 0) texts.push(`(the ${maxTargetsShown} busiest) and ${formatCount(others.targets)} other ${others.targets === 1 ? 'target' : 'targets'}: ${formatCount(others.requests)}`);
	const removed = summary.elb.removedInstances ?? 0;
	if (removed > 0) texts.push(`and ${formatCount(removed)} terminated ${removed === 1 ? 'instance' : 'instances'} since removed from the list: ${formatCount(summary.elb.routedToRemoved ?? 0)}`);
	const {dns} = summary.elb;
	const label = summary.elb.isPresent ? 'elb routed' : dns ? 'dns round-robin' : 'no load balancer';
	const first = summary.elb.isPresent ? (texts[0] ?? 'nothing') : (named.length > 0 ? `requests went ${dns ? '' : 'straight '}to ${texts[0]!}` : 'no requests reached an instance');
	// DNS: the records at the end (an instance can get requests without one, from clients' caches).
	if (dns) texts.push(`records at the end (TTL ${dns.ttlSeconds} s): ${dns.records.join(', ')}`);
	return [row(label, first), ...texts.slice(1).map(text => `${' '.repeat(26)}${text}`)];
}

/** Whose data is where (docs/stateful.md): a line only when the run models users. */
function consistencyLines(summary: RunSummary): string[] {
	const c = summary.consistency;
	if (c.users <= 0) return [];
	const percent = c.readsAfterWrite > 0 ? ` (${(100 * c.inconsistentReads / c.readsAfterWrite).toFixed(2)}%)` : '';
	const lost = `${formatCount(c.lostSessions)} ${c.lostSessions === 1 ? 'user\'s data or session' : 'users\' data or sessions'} lost with an instance`;
	return [row('consistency', `${formatCount(c.inconsistentReads)} of ${formatCount(c.readsAfterWrite)} reads after a write inconsistent${percent}, ${lost}`)];
}

/** The summary as lines of text. */
export function formatSummary(summary: RunSummary, context: SummaryContext): string {
	const {requests, errors, latencyMs: latency, instances, cost} = summary;
	const failedPercent = requests.arrived > 0 ? (100 * requests.failed) / requests.arrived : 0;
	const simulated = formatDuration(summary.simulatedSeconds);
	const lines = [
		`scaletop · ${summary.preset} — ${context.title}`,
		`seed ${summary.seed} · simulated ${simulated}${context.isComplete ? '' : ` of ${formatDuration(context.durationSeconds)} (stopped early)`}`,
		'',
		row('requests', `${formatCount(requests.arrived)} arrived, ${formatCount(requests.completed)} completed, ${formatCount(requests.failed)} failed, ${formatCount(requests.inFlight)} in flight`),
		row('throughput', `${twoDecimals.format(summary.throughputPerSecond)} req/s`),
		row('errors', `${errors['500'] > 0 ? `500: ${formatCount(errors['500'])}  ` : ''}502: ${formatCount(errors['502'])}  503: ${formatCount(errors['503'])}  504: ${formatCount(errors['504'])}  (${failedPercent.toFixed(2)}% failed)`),
		...consistencyLines(summary),
		row('latency (ms)', `mean=${formatMs(latency.mean)} p50=${formatMs(latency.p50)} p90=${formatMs(latency.p90)} p95=${formatMs(latency.p95)} p99=${formatMs(latency.p99)} max=${formatMs(latency.max)}`),
		row('instances', `${instances.launched} launched, ${instances.terminated} terminated, peak ${instances.peak}, final ${instances.final}`),
		row('scaling activities', String(summary.scalingActivities)),
		row('cost', `${formatUsd(cost.totalUsd)} (${cost.instanceHours.toFixed(2)} instance-hours); a fixed fleet sized for the peak: ${formatUsd(cost.fixedPeakFleetUsd)}`),
	];
	const alarms = summary.alarms.map(alarm => `${alarm.name} ${alarm.state} (${alarm.transitions} transition${alarm.transitions === 1 ? '' : 's'})`);
	lines.push(row('alarms', alarms.length > 0 ? alarms[0] : 'none'), ...alarms.slice(1).map(text => `${' '.repeat(26)}${text}`));
	lines.push(...targetLines(summary));
	return `${lines.join('\n')}\n`;
}
