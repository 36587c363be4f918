/**
 * Instance table rows: sorted by the UI's column (ties broken by id, so the order is stable),
 * each cell formatted, with a marker and a tone that make new, dying and unhealthy instances
 * stand out with or without colour.
 */
import type {InstanceView} from '../../sim/index.js';
import {glyphs, type Tone} from '../theme.js';
import type {SortColumn} from '../ui-state.js';
import {formatDuration, formatMs, formatNumber} from './format.js';

export type InstanceRowVm = {
	readonly id: string;
	/** One character: `+` new, `-` dying, `!` unhealthy, ' ' otherwise. */
	readonly marker: string;
	readonly tone: Tone;
	readonly instanceType: string;
	readonly zone: string;
	/** Lifecycle: the group's (InService, Pending, Terminating …) or EC2's for standalone instances. */
	readonly state: string;
	readonly health: string;
	readonly healthTone: Tone;
	readonly cpuPercent: number;
	readonly cpu: string;
	readonly rps: string;
	readonly inFlight: string;
	readonly latency: string;
	readonly uptime: string;
};

/** The state column: ASG lifecycle inside a group, EC2 state outside it or once EC2 is done with it. */
export function lifecycleLabel(view: InstanceView): string {
	if (view.asgLifecycle === 'Standalone') return view.ec2State;
	if (view.ec2State === 'stopping' || view.ec2State === 'stopped') return view.ec2State;
	return view.asgLifecycle;
}

function markerAndTone(view: InstanceView): {readonly marker: string; readonly tone: Tone} {
	if (view.isDying) return {marker: glyphs.isDying, tone: 'dim'};
	if (!view.isHealthy && !view.isNew) return {marker: glyphs.isUnhealthy, tone: 'alarm'};
	if (view.isNew) return {marker: glyphs.isNew, tone: 'new'};
	return {marker: ' ', tone: 'normal'};
}

const lifecycleRank: Readonly<Record<string, number>> = {
	Pending: 0, pending: 0, InService: 1, running: 1, Standby: 2, stopping: 3, stopped: 4, Terminating: 5, 'shutting-down': 5, Terminated: 6, terminated: 6,
};

function sortKey(view: InstanceView, column: SortColumn): number | string {
	switch (column) {
		case 'id': return view.id;
		case 'type': return view.instanceType;
		case 'zone': return view.zone;
		case 'state': return lifecycleRank[lifecycleLabel(view)] ?? 9;
		case 'health': return view.healthLabel;
		case 'cpu': return view.cpuPercent;
		case 'rps': return view.requestsPerSecond;
		case 'inFlight': return view.inFlight;
		case 'latency': return view.latencyMs;
		case 'uptime': return view.uptimeSeconds;
	}
}

/**
 * Instances sorted by `column` (descending when asked), ties by id ascending. Terminated
 * instances (EC2 lists them for a while) always come last, so live ones keep the rows.
 */
export function sortInstances(views: readonly InstanceView[], column: SortColumn, isDescending: boolean): readonly InstanceView[] {
	const sign = isDescending ? -1 : 1;
	return [...views].sort((a, b) => {
		const deadA = a.ec2State === 'terminated' ? 1 : 0;
		const deadB = b.ec2State === 'terminated' ? 1 : 0;
		if (deadA !== deadB) return deadA - deadB;
		const ka = sortKey(a, column);
		const kb = sortKey(b, column);
		if (ka < kb) return -sign;
		if (ka > kb) return sign;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
}

/** Rows for the table, sorted. */
export function toInstanceRows(views: readonly InstanceView[], column: SortColumn, isDescending: boolean): readonly InstanceRowVm[] {
	return sortInstances(views, column, isDescending).map((v) => {
		const {marker, tone} = markerAndTone(v);
		const isRunning = v.ec2State === 'running';
		return {
			id: v.id,
			marker,
			tone,
			instanceType: v.instanceType,
			zone: v.zone,
			state: lifecycleLabel(v),
			health: v.healthLabel,
			healthTone: v.isHealthy ? 'ok' : v.isNew ? 'dim' : 'alarm',
			cpuPercent: v.cpuPercent,
			cpu: `${Math.round(v.cpuPercent)}`,
			rps: formatNumber(v.requestsPerSecond),
			inFlight: formatNumber(v.inFlight),
			latency: isRunning && v.latencyMs > 0 ? formatMs(v.latencyMs) : '—',
			uptime: formatDuration(v.uptimeSeconds),
		};
	});
}
