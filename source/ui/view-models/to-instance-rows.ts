/**
 * The instance table's view-model: rows sorted by the UI's column (ties broken by id, so the
 * order is stable), filtered by the `/` filter, with terminated instances listed as the UI asks
 * (for a while by default, as the EC2 console does), and grouped under a heading per
 * Availability Zone when asked (an outage shows at a glance). Each row has a marker and a tone
 * that make new, dying and unhealthy instances stand out with or without colour. The Auto
 * Scaling lifecycle (`InService`, `Pending` …) and the EC2 state (`running`, `pending` …) are
 * separate columns, in AWS's own words.
 */
import type {InstanceView, TierNodeView, ZoneView} from '../../sim/index.js';
import {glyphs, type Tone} from '../theme.js';
import {recentTerminatedSeconds, type SortColumn, type TerminatedMode} from '../ui-state.js';
import {formatDuration, formatMs, formatNumber} from './format.js';

export type InstanceRowVm = {
	readonly kind: 'instance';
	readonly id: string;
	/** Its tier (`web` for an EC2 instance of the fleet; `database` for an RDS primary or replica). */
	readonly tier: string;
	/** A node of a tier behind the web fleet (no EC2 keys: kill, hang, scale up act on web instances). */
	readonly isTierNode: boolean;
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
	/** The tiers with rows, in route order (empty when there is only the web fleet: no TIER column). */
	readonly tiers: readonly string[];
	/** The tier shown (`all`: every node; `v` cycles). */
	readonly tierView: string;
	/** Ids of the rows that are tier nodes (not EC2 instances of the fleet). */
	readonly tierNodeIds: readonly string[];
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
	/** One tier only (its name), or `all` (default). */
	readonly tierView?: string;
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

/** One instance as a table row. */
export function toInstanceRow(v: InstanceView): InstanceRowVm {
	const {marker, tone} = markerAndTone(v);
	const isRunning = v.ec2State === 'running';
	return {
		kind: 'instance',
		id: v.id,
		tier: 'web',
		isTierNode: false,
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

/**
 * A node of a tier behind the fleet as a table row: its class as the type, no zone or Auto
 * Scaling lifecycle, its status in AWS's words in the EC2 column (RDS: `available`,
 * `creating`, `failing-over` …) and its role (`primary`, `replica`) as its health.
 */
export function toTierNodeRow(n: TierNodeView): InstanceRowVm {
	const tone: Tone = n.isDying ? 'dim' : n.isNew ? 'new' : n.isServing ? 'normal' : 'alarm';
	return {
		kind: 'instance',
		id: n.id,
		tier: n.tier,
		isTierNode: true,
		marker: n.isDying ? glyphs.isDying : n.isNew ? glyphs.isNew : n.isServing ? ' ' : glyphs.isUnhealthy,
		tone,
		instanceType: n.nodeType,
		zone: '—',
		lifecycle: '—',
		ec2: n.status,
		health: n.role,
		healthTone: n.isServing ? 'ok' : n.isNew ? 'dim' : 'alarm',
		cpuPercent: n.cpuPercent,
		cpu: `${Math.round(n.cpuPercent)}`,
		isThrottled: false,
		rps: formatNumber(n.requestsPerSecond),
		inFlight: formatNumber(n.inFlight),
		latency: n.isServing && n.latencyMs > 0 ? formatMs(n.latencyMs) : '—',
		uptime: formatDuration(n.uptimeSeconds),
	};
}

/** Sort keys of a tier node, as {@link sortKey} gives an instance's (no zone: last; no lifecycle: as Standalone). */
function nodeSortKey(n: TierNodeView, column: SortColumn): number | string {
	switch (column) {
		case 'id': return n.id;
		case 'type': return n.nodeType;
		case 'zone': return '~';
		case 'lifecycle': return lifecycleRank['Standalone']!;
		case 'ec2': return n.isServing ? ec2Rank['running']! : n.isNew ? ec2Rank['pending']! : ec2Rank['shutting-down']!;
		case 'health': return n.role;
		case 'cpu': return n.cpuPercent;
		case 'rps': return n.requestsPerSecond;
		case 'inFlight': return n.inFlight;
		case 'latency': return n.latencyMs;
		case 'uptime': return n.uptimeSeconds;
	}
}

type Sortable = {readonly row: InstanceRowVm; readonly isGone: boolean; readonly key: (column: SortColumn) => number | string};

/**
 * Rows sorted by `column` (descending when asked), ties by id ascending. Terminated instances
 * always come last, so live ones keep the rows.
 */
function sortRows(items: readonly Sortable[], column: SortColumn, isDescending: boolean): InstanceRowVm[] {
	const sign = isDescending ? -1 : 1;
	return [...items].sort((a, b) => {
		if (a.isGone !== b.isGone) return a.isGone ? 1 : -1;
		const ka = a.key(column);
		const kb = b.key(column);
		if (ka < kb) return -sign;
		if (ka > kb) return sign;
		return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
	}).map(item => item.row);
}

/** Does a row match every word of the filter (case-insensitive) in its id, tier, type, zone, states or health? */
export function matchesFilter(row: InstanceRowVm, filter: string): boolean {
	const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const text = `${row.id} ${row.tier} ${row.instanceType} ${row.zone} ${row.lifecycle} ${row.ec2} ${row.health}`.toLowerCase();
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

/**
 * The table's view-model: the fleet's instances and, when the route has tiers behind it, their
 * nodes (`nodes`, route order), one sorted list with a TIER column; `options.tierView` shows
 * one tier only (a tier with no rows left falls back to all).
 */
export function toInstanceTableVm(views: readonly InstanceView[], zones: readonly ZoneView[], options: TableOptions, nodes: readonly TierNodeView[] = []): InstanceTableVm {
	const tiers = nodes.length === 0 ? [] : ['web', ...nodes.map(n => n.tier).filter((tier, index, all) => all.indexOf(tier) === index)];
	const tierView = tiers.includes(options.tierView ?? 'all') ? options.tierView! : 'all';
	const listed = views.filter(v => isListed(v, options.terminated, options.nowSeconds));
	const items: Sortable[] = [
		...(tierView === 'all' || tierView === 'web' ? listed.map(v => ({row: toInstanceRow(v), isGone: v.ec2State === 'terminated', key: (column: SortColumn) => sortKey(v, column)})) : []),
		...nodes.filter(n => tierView === 'all' || n.tier === tierView).map(n => ({row: toTierNodeRow(n), isGone: false, key: (column: SortColumn) => nodeSortKey(n, column)})),
	];
	const sorted = sortRows(items, options.sortColumn, options.isSortDescending);
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
		total: views.length + nodes.length,
		hiddenTerminated: views.length - listed.length,
		filteredOut: sorted.length - shown.length,
		tiers,
		tierView,
		tierNodeIds: nodes.map(n => n.id),
	};
}
