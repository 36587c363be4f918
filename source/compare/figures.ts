/**
 * The figures a comparison puts side by side, with the difference (B − A) and which side is
 * better on each: fewer errors, lower latency, lower cost, fewer scaling activities and a
 * smaller peak fleet are better; more throughput is better; the arrivals are context (equal
 * when the load is). One list feeds the headless table, `--json` readers and the live strip.
 * Pure.
 */
import {formatCount, formatUsd} from '../headless/format-summary.js';
import type {RunSummary} from '../sim/index.js';

/** Which way is better for a figure. */
export type Better = 'lower' | 'higher' | 'neither';

/** One compared figure. */
export type Figure = {
	readonly id: string;
	/** Row label. */
	readonly label: string;
	readonly better: Better;
	readonly value: (summary: RunSummary) => number;
	readonly format: (value: number) => string;
	/** Indented under the figure before it (a detail such as the 5xx by code). */
	readonly isDetail?: boolean;
};

const ms = (value: number) => (Math.abs(value) >= 100 ? formatCount(value) : value.toFixed(1));
const perSecond = (value: number) => value.toFixed(2);
const whole = (value: number) => formatCount(value);
const fiveXx = (summary: RunSummary) => summary.errors['500'] + summary.errors['502'] + summary.errors['503'] + summary.errors['504'];

/** The compared figures, in table order. */
export const figures: readonly Figure[] = [
	{id: 'arrived', label: 'requests arrived', better: 'neither', value: s => s.requests.arrived, format: whole},
	{id: 'throughput', label: 'throughput req/s', better: 'higher', value: s => s.throughputPerSecond, format: perSecond},
	{id: '5xx', label: '5xx errors', better: 'lower', value: fiveXx, format: whole},
	{id: '502', label: '502 backend reset', better: 'lower', value: s => s.errors['502'], format: whole, isDetail: true},
	{id: '503', label: '503 no capacity', better: 'lower', value: s => s.errors['503'], format: whole, isDetail: true},
	{id: '504', label: '504 timeout', better: 'lower', value: s => s.errors['504'], format: whole, isDetail: true},
	{id: 'p50', label: 'latency p50 ms', better: 'lower', value: s => s.latencyMs.p50, format: ms},
	{id: 'p99', label: 'latency p99 ms', better: 'lower', value: s => s.latencyMs.p99, format: ms},
	{id: 'mean', label: 'latency mean ms', better: 'lower', value: s => s.latencyMs.mean, format: ms},
	{id: 'peak', label: 'instances at peak', better: 'lower', value: s => s.instances.peak, format: whole},
	{id: 'launched', label: 'instances launched', better: 'lower', value: s => s.instances.launched, format: whole},
	{id: 'activities', label: 'scaling activities', better: 'lower', value: s => s.scalingActivities, format: whole},
	{id: 'instanceHours', label: 'instance-hours', better: 'lower', value: s => s.cost.instanceHours, format: value => value.toFixed(2)},
	{id: 'cost', label: 'cost', better: 'lower', value: s => s.cost.totalUsd, format: formatUsd},
];

/** A figure compared: both values, the difference and the better side. */
export type ComparedFigure = {
	readonly figure: Figure;
	readonly a: number;
	readonly b: number;
	/** B − A. */
	readonly difference: number;
	/** 'A', 'B', 'same' (equal as shown), or '' when neither way is better. */
	readonly winner: 'A' | 'B' | 'same' | '';
};

/** The difference as text, signed: `+12`, `−$0.0370`, `0`. */
export function formatDifference(figure: Figure, difference: number): string {
	const text = figure.format(Math.abs(difference));
	if (text === figure.format(0)) return figure.format(0);
	return `${difference > 0 ? '+' : '−'}${text}`;
}

/** The difference in percent of A, when A is not zero: `+12 %`. */
export function formatPercent(a: number, difference: number): string {
	if (a === 0 || difference === 0) return '';
	const percent = (100 * difference) / Math.abs(a);
	const rounded = Math.abs(percent) >= 10 ? Math.round(percent).toString() : percent.toFixed(1);
	return rounded === '0' || rounded === '0.0' || rounded === '-0.0' ? '' : `${percent > 0 ? '+' : '−'}${rounded.replace('-', '')} %`;
}

/** Compare two summaries figure by figure. Equal as displayed counts as the same. */
export function compareFigures(a: RunSummary, b: RunSummary, list: readonly Figure[] = figures): ComparedFigure[] {
	return list.map(figure => {
		const [x, y] = [figure.value(a), figure.value(b)];
		const isSame = figure.format(x) === figure.format(y);
		const winner = figure.better === 'neither' ? '' : isSame ? 'same' : (figure.better === 'lower') === (y < x) ? 'B' : 'A';
		return {figure, a: x, b: y, difference: y - x, winner};
	});
}
