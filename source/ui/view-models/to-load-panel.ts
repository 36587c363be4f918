/** Load panel view-model: rates, latency, errors and fleet size, each with its recent history. */
import type {LoadView, SeriesView} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatMs, formatNumber, formatUsd, type SeriesUnit} from './format.js';

export type LoadRowVm = {
	readonly label: string;
	readonly value: string;
	readonly tone: Tone;
	/** Extra detail after the value (e.g. per-code errors); '' when none. */
	readonly detail: string;
	/** The whole run so far (per tick, or per minute once it outgrows the per-tick history), oldest first. */
	readonly series: readonly number[];
	/** What the series counts, for its scale label. */
	readonly unit: SeriesUnit;
};

export type LoadPanelVm = {
	readonly rows: readonly LoadRowVm[];
	/** Simulated seconds each point of the series stands for (a tick, or a minute once the run outgrows the per-tick history). */
	readonly secondsPerPoint: number;
};

/**
 * The fleet's row counts what its sparkline counts (the simulation's `inService` series): the
 * targets the load balancer finds healthy, or without a load balancer the running instances.
 * It is not the Auto Scaling group's InService count (the ASG panel shows that): a new
 * instance is InService minutes before it passes its health checks.
 */
export type FleetCount = {readonly hasLoadBalancer: boolean; readonly healthy: number; readonly registered: number};

function fleetRow(fleet: FleetCount, series: readonly number[]): LoadRowVm {
	if (!fleet.hasLoadBalancer) return {label: 'running', value: String(fleet.healthy), tone: 'normal', detail: 'instances running', series, unit: 'count'};
	const tone: Tone = fleet.healthy === 0 ? 'alarm' : fleet.healthy < fleet.registered ? 'warn' : 'ok';
	return {label: 'healthy', value: `${fleet.healthy}/${fleet.registered}`, tone, detail: 'of the ELB targets', series, unit: 'count'};
}

/**
 * Beside the 5xx, when the run models users (docs/stateful.md): reads that found an old page
 * (an instance without the user's latest write), per second, with the total and the users whose
 * data was lost with an instance.
 */
function staleRows(c: LoadView['consistency'], series: readonly number[]): LoadRowVm[] {
	if (!c.isModelled) return [];
	const rate = c.inconsistentReadsPerSecond;
	return [{label: 'stale read', value: `${formatNumber(rate)}/s`, tone: rate > 0 ? 'warn' : 'ok', detail: `${formatNumber(Math.round(c.inconsistentReads))} · ${formatNumber(Math.round(c.lostSessions))} lost`, series, unit: 'rate'}];
}

/**
 * Load panel rows, most important first (narrow panels show the first few). `series` holds the
 * whole run so far (per tick, or per minute for long runs); the panel fits it to its width.
 */
export function toLoadPanelVm(load: LoadView, series: SeriesView, extra: {readonly costUsd: number; readonly fleet: FleetCount; readonly cpuAvgPercent: number; readonly secondsPerPoint: number}): LoadPanelVm {
	const e = load.errorRatePerSecond;
	const errors = e['500'] + e['502'] + e['503'] + e['504'];
	const spike = load.spikeSecondsLeft > 0 ? `spike ×${formatNumber(load.spikeFactor)} ${Math.ceil(load.spikeSecondsLeft)}s` : '';
	return {
		secondsPerPoint: extra.secondsPerPoint,
		rows: [
			{label: 'arrivals', value: `${formatNumber(load.arrivalRatePerSecond)}/s`, tone: spike ? 'warn' : 'normal', detail: spike, series: series.arrivalRate, unit: 'rate'},
			{label: 'completed', value: `${formatNumber(load.completedRatePerSecond)}/s`, tone: 'normal', detail: `${formatNumber(load.inFlight)} in flight`, series: series.completedRate, unit: 'rate'},
			{label: 'p50 / p99', value: `${formatMs(load.latencyP50Ms)} / ${formatMs(load.latencyP99Ms)}`, tone: load.latencyP99Ms >= 1000 ? 'warn' : 'normal', detail: '', series: series.latencyP99Ms, unit: 'ms'},
			{
				label: '5xx',
				value: `${formatNumber(errors)}/s`,
				tone: errors > 0 ? 'alarm' : 'ok',
				detail: `${e['500'] > 0 ? `500 ${formatNumber(e['500'])} ` : ''}502 ${formatNumber(e['502'])} 503 ${formatNumber(e['503'])} 504 ${formatNumber(e['504'])}`,
				series: series.errorRate,
				unit: 'rate',
			},
			...staleRows(load.consistency, series.inconsistentReadRate),
			{label: 'CPU avg', value: `${Math.round(extra.cpuAvgPercent)}%`, tone: extra.cpuAvgPercent >= 80 ? 'warn' : 'normal', detail: '', series: series.cpuAvg, unit: 'percent'},
			fleetRow(extra.fleet, series.inService),
			{label: 'cost', value: formatUsd(extra.costUsd), tone: 'normal', detail: '', series: series.costUsd, unit: 'usd'},
		],
	};
}
