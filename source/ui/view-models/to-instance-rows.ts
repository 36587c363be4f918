/**
 * The instance table's view-model: rows sorted by the UI's column (ties broken by id, so the
 * order is stable), filtered by the `/` filter, with terminated instances listed as the UI asks
 * (for a while by default, as the EC2 console does), and grouped under a heading per
 * Availability Zone when asked (an outage shows at a glance). Each row has a marker and a tone
 * that make new, dying and unhealthy instances stand out with or without colour. The Auto
 * Scaling lifecycle (`InService`, `Pending` …) and the EC2 state (`running`, `pending` …) are
 * separate columns, in AWS's own words.
 */
import type {InstanceView, ZoneView} from '../../sim/index.js';
import {glyphs, type Tone} from '../theme.js';
import {recentTerminatedSeconds, type SortColumn, type TerminatedMode} from '../ui-state.js';
import {formatDuration, formatMs, formatNumber} from './format.js';

export type InstanceRowVm = {
	readonly kind: 'instance';
	readonly id: string;
	/** One character: `+` new, `-` dying, `!` unhealthy, ' ' otherwise. */
	readonly marker: string;
	readonly tone: Tone;
	readonly instanceType: string;
	readonly zone: string;
	/** The Auto Scaling lifecycle (InService, Pending, Terminating …); `—` outside a group. */
	readonly lifecycle: string;
	/** The EC2 state (pending, running, shutting-down …). */
	readonly ec2: string;
	readonly health: string;
	readonly healthTone: Tone;
	readonly cpuPercent: number;
	readonly cpu: string;
	/** A t2 out of CPU credits, held at its baseline. */
	readonly isThrottled: boolean;
	readonly rps: string;
	readonly inFlight: string;
	readonly latency: string;
	readonly uptime: string;
};

/** A heading row of the zone view: the zone, its instances, and an outage in force. */
export type ZoneRowVm = {readonly kind: 'zone'; readonly zone: string; readonly text: string; readonly tone: Tone};

export type TableRowVm = InstanceRowVm | ZoneRowVm;

export type InstanceTableVm = {
	/** In screen order: instance rows, and zone headings when grouped. */
	readonly rows: readonly TableRowVm[];
	/** Instance ids in screen order (the selection moves through these). */
	readonly ids: readonly string[];
	readonly sortColumn: SortColumn;
	readonly isSortDescending: boolean;
	readonly filter: string;
	/** Instances listed before the filter and the terminated rule. */
	readonly total: number;
	/** Terminated instances left out by the terminated rule. */
	readonly hiddenTerminated: number;
	/** Instances left out by the filter. */
	readonly filteredOut: number;
};

/** What the table is asked to show. */
export type TableOptions = {
	readonly sortColumn: SortColumn;
	readonly isSortDescending: boolean;
	readonly filter: string;
	readonly terminated: TerminatedMode;
	readonly isGroupedByZone: boolean;
	/** Simulated seconds now (how long ago an instance terminated). */
	readonly nowSeconds: number;
};

function markerAndTone(view: InstanceView): {readonly marker: string; readonly tone: Tone} {
	if (view.isDying) return {marker: glyphs.isDying, tone: 'dim'};
	if (!view.isHealthy && !view.isNew) return {marker: glyphs.isUnhealthy, tone: 'alarm'};
	if (view.isNew) return {marker: glyphs.isNew, tone: 'new'};
	return {marker: ' ', tone: 'normal'};
}

/** The lifecycle column: the group's lifecycle, `—` for an instance outside any group. */
export function lifecycleLabel(view: InstanceView): string {
	return view.asgLifecycle === 'Standalone' ? '—' : view.asgLifecycle;
}

const lifecycleRank: Readonly<Record<string, number>> = {Pending: 0, InService: 1, Standby: 2, Terminating: 3, Terminated: 4, Standalone: 5};
const ec2Rank: Readonly<Record<string, number>> = {pending: 0, running: 1, stopping: 2, stopped: 3, 'shutting-down': 4, terminated: 5};

function sortKey(view: InstanceView, column: SortColumn): number | string {
	switch (column) {
		case 'id': return view.id;
		case 'type': return view.instanceType;
		case 'zone': return view.zone;
		case 'lifecycle': return lifecycleRank[view.asgLifecycle] ?? 9;
		case 'ec2': return ec2Rank[view.ec2State] ?? 9;
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
 * instances always come last, so live ones keep the rows.
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

/** One instance as a table row. */
export function toInstanceRow(v: InstanceView): InstanceRowVm {
	const {marker, tone} = markerAndTone(v);
	const isRunning = v.ec2State === 'running';
	return {
		kind: 'instance',
		id: v.id,
		marker,
		tone,
		instanceType: v.instanceType,
		zone: v.zone,
		lifecycle: lifecycleLabel(v),
		ec2: v.ec2State,
		health: v.healthLabel,
		healthTone: v.isHealthy ? 'ok' : v.isNew ? 'dim' : 'alarm',
		cpuPercent: v.cpuPercent,
		cpu: `${Math.round(v.cpuPercent)}`,
		isThrottled: v.isThrottled,
		rps: formatNumber(v.requestsPerSecond),
		inFlight: formatNumber(v.inFlight),
		latency: isRunning && v.latencyMs > 0 ? formatMs(v.latencyMs) : '—',
		uptime: formatDuration(v.uptimeSeconds),
	};
}

/** Does a row match every word of the filter (case-insensitive) in its id, type, zone, states or health? */
export function matchesFilter(row: InstanceRowVm, filter: string): boolean {
	const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const text = `${row.id} ${row.instanceType} ${row.zone} ${row.lifecycle} ${row.ec2} ${row.health}`.toLowerCase();
	return words.every(word => text.includes(word));
}

function isListed(view: InstanceView, mode: TerminatedMode, nowSeconds: number): boolean {
	if (view.ec2State !== 'terminated' || mode === 'all') return true;
	return mode === 'recent' && nowSeconds - view.stateSinceSeconds <= recentTerminatedSeconds;
}

/** The zone heading: `us-east-1a · 3 instances, 2 healthy` and an outage in force. */
function zoneRow(zone: ZoneView | undefined, name: string, rows: readonly InstanceRowVm[]): ZoneRowVm {
	const healthy = rows.filter(r => r.health === 'Healthy').length;
	const count = `${rows.length} instance${rows.length === 1 ? '' : 's'}, ${healthy} healthy`;
	if (zone?.isDown) return {kind: 'zone', zone: name, text: `${name} · ${count} · ZONE OUTAGE, ${formatDuration(zone.outageSecondsLeft)} left`, tone: 'alarm'};
	return {kind: 'zone', zone: name, text: `${name} · ${count}`, tone: healthy < rows.length ? 'warn' : 'title'};
}

/** The table's view-model. */
export function toInstanceTableVm(views: readonly InstanceView[], zones: readonly ZoneView[], options: TableOptions): InstanceTableVm {
	const listed = views.filter(v => isListed(v, options.terminated, options.nowSeconds));
	const sorted = sortInstances(listed, options.sortColumn, options.isSortDescending).map(toInstanceRow);
	const shown = sorted.filter(row => matchesFilter(row, options.filter));
	let rows: TableRowVm[] = shown;
	if (options.isGroupedByZone) {
		const names = [...zones.map(z => z.zone), ...shown.map(r => r.zone)].filter((zone, index, all) => all.indexOf(zone) === index);
		rows = names.flatMap(name => {
			const inZone = shown.filter(r => r.zone === name);
			const zone = zones.find(z => z.zone === name);
			return inZone.length === 0 && !zone?.isDown ? [] : [zoneRow(zone, name, inZone), ...inZone];
		});
	}

	return {
		rows,
		ids: rows.flatMap(r => (r.kind === 'instance' ? [r.id] : [])),
		sortColumn: options.sortColumn,
		isSortDescending: options.isSortDescending,
		filter: options.filter,
		total: views.length,
		hiddenTerminated: views.length - listed.length,
		filteredOut: sorted.length - shown.length,
	};
}
