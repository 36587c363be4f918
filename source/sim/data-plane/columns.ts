/**
 * The data plane's columns (`SimState.dataPlane`): one entry per instance in `instanceOrder`
 * order, plus a fixed number of slots per instance for each FIFO ring. They are the only place
 * these figures live (no copy beside the instance records), so a launch appends an entry to
 * every column and a removal splices one out of every column — both here, generically, so a
 * column added to the types is kept aligned without naming it anywhere else.
 */
import type {DataPlaneState, QueueNodes, RouteNodes} from '../types.js';
import type {Working} from '../working.js';
import {cohortSlots, failingSlots} from './queue-node.js';

type Column = number[];
type Ring = Record<string, Column>;
type Part = Record<string, Column | Ring>;

/** Slots per member of each ring of a node set, by ring name. */
const slotsOf: Record<string, number> = {cohorts: cohortSlots, failing: failingSlots};

/** An empty set of queue nodes. */
export function emptyQueueNodes(): QueueNodes {
	return {
		queue: [],
		served: [],
		completed: [],
		cpuPercent: [],
		latencyMs: [],
		cohorts: {size: [], count: [], tick: [], seen: [], band: []},
		failing: {size: [], count: [], tick: [], cause: []},
	};
}

/** An empty set of route nodes (queue nodes after the first on the route). */
export function emptyRouteNodes(): RouteNodes {
	return {...emptyQueueNodes(), carriedMs: []};
}

/** An empty data plane. */
export function emptyDataPlane(): DataPlaneState {
	return {web: emptyQueueNodes(), instances: {cpuCredits: [], billedSeconds: [], costUsd: [], routedLastTick: [], routedTotal: [], usersHeld: [], stickyUsers: [], stickyWriters: [], stickyHeld: [], stickyOrphans: [], stickyLost: [], stickyAway: []}, database: emptyRouteNodes(), app: emptyRouteNodes(), cache: emptyRouteNodes()};
}

/** Entries per member of field `field` of ring `ring` (1 for `size`). */
function widthOf(ring: string, field: string): number {
	return field === 'size' ? 1 : slotsOf[ring] ?? 1;
}

/**
 * Append one zeroed member (and its ring slots) to every column of a set of columns (a
 * `QueueNodes`, or any record of number columns and rings). For node kinds whose members are
 * not instances (the tiers' app, cache and database nodes), call it when a member is added.
 */
export function appendMember(part: QueueNodes | RouteNodes | Part): void {
	const columns = part as Part;
	for (const key in columns) {
		const column = columns[key]!;
		if (Array.isArray(column)) {
			column.push(0);
			continue;
		}

		for (const field in column) {
			const values = column[field]!;
			const width = widthOf(key, field);
			for (let j = 0; j < width; j++) values.push(0);
		}
	}
}

/** Insert one zeroed member (and its ring slots) at index `k` of every column (a tier's node added in the middle of its order). */
export function insertMember(part: QueueNodes | RouteNodes | Part, k: number): void {
	const columns = part as Part;
	for (const key in columns) {
		const column = columns[key]!;
		if (Array.isArray(column)) {
			column.splice(k, 0, 0);
			continue;
		}

		for (const field in column) {
			const width = widthOf(key, field);
			column[field]!.splice(k * width, 0, ...Array.from({length: width}, () => 0));
		}
	}
}

/** Remove member `k` (and its ring slots) from every column of a set of columns. */
export function removeMember(part: QueueNodes | Part, k: number): void {
	const columns = part as Part;
	for (const key in columns) {
		const column = columns[key]!;
		if (Array.isArray(column)) {
			column.splice(k, 1);
			continue;
		}

		for (const field in column) {
			const width = widthOf(key, field);
			column[field]!.splice(k * width, width);
		}
	}
}

/**
 * The parts of `SimState.dataPlane` with one member per instance (in `instanceOrder` order).
 * A node kind with members of its own (not one per instance) keeps its own order and is not listed here.
 */
const perInstance = ['web', 'instances'] as const;

/** A new instance was appended to `instanceOrder`: its columns start empty; `cpuCredits` its balance. */
export function addInstanceColumns(s: Working, cpuCredits: number): void {
	for (const part of perInstance) appendMember(s.dataPlane[part] as unknown as Part);
	const k = s.dataPlane.instances.cpuCredits.length - 1;
	s.dataPlane.instances.cpuCredits[k] = cpuCredits;
}

/** Instance `k` left `instanceOrder`: its entries leave every column. */
export function removeInstanceColumns(s: Working, k: number): void {
	for (const part of perInstance) removeMember(s.dataPlane[part] as unknown as Part, k);
}

/** The slot of instance `id` in the columns (its index in `instanceOrder`), -1 when not listed. */
export function slotOf(s: {readonly instanceOrder: readonly string[]}, id: string): number {
	return s.instanceOrder.indexOf(id);
}
