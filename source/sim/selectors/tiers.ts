/**
 * The tiers as the dashboard shows them: each tier of the route with its utilisation, its share
 * of the latency and the bottleneck (the tiers panel), and the nodes of the tiers behind the web
 * instances (the instance table's other rows). Generic over `tierOrder`: a tier added to the
 * route appears here with its figures (`TierFigures`) and no change to the UI.
 */
import {replicaId} from '../catalog.js';
import {bottleneckOf, tierOrder} from '../data-plane/tiers.js';
import {inFlightOf} from '../data-plane/queue-node.js';
import type {TierNodeView, TierView} from '../read-model.js';
import type {SimState, TierName} from '../types.js';

/** Below this smoothed utilisation every tier is idle: nothing is named the bottleneck. */
const idleUtilisation = 0.001;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** What a tier's nodes are, short. */
function detailOf(state: SimState, name: TierName): string {
	if (name === 'web') {
		const types = new Set<string>();
		for (const id of state.instanceOrder) {
			const i = state.instances[id];
			if (i?.ec2State === 'running') types.add(i.instanceType);
		}

		return types.size === 1 ? [...types][0]! : types.size > 1 ? `${types.size} types` : '';
	}

	if (name === 'database' && state.database) {
		const d = state.database;
		const creating = d.pendingReplicaTicks.length;
		return `${d.instanceClass}${d.multiAz ? ' Multi-AZ' : ''}${creating > 0 ? ` +${creating} creating` : ''}`;
	}

	return '';
}

/** Each tier of the route, in route order (only `web` when nothing is behind it). */
export function selectTiers(state: SimState): readonly TierView[] {
	const names = tierOrder.filter(name => state.tiers[name]);
	let isBusy = false;
	let latencySum = 0;
	for (const name of names) {
		const tier = state.tiers[name]!;
		if (tier.recentUtilisation > idleUtilisation) isBusy = true;
		latencySum += tier.recentLatencyMs;
	}

	const bottleneck = isBusy ? bottleneckOf(state.tiers) : undefined;
	const dt = state.config.tickSeconds;
	const tick = state.clock.tick;
	return names.map(name => {
		const tier = state.tiers[name]!;
		const database = name === 'database' ? state.database : null;
		const isOut = database !== null && database.unavailableUntilTick > tick;
		return {
			name,
			nodes: tier.nodes,
			detail: detailOf(state, name),
			utilisationPercent: round1(100 * tier.recentUtilisation),
			latencyMs: round1(tier.recentLatencyMs),
			latencyShare: latencySum > 0 ? tier.recentLatencyMs / latencySum : 0,
			isBottleneck: name === bottleneck,
			outage: isOut ? (database.multiAz ? 'failing over' : 'modifying') : '',
			outageSecondsLeft: isOut ? (database.unavailableUntilTick - tick) * dt : 0,
		};
	});
}

/** The nodes of the tiers behind the web instances, in route order: the database's primary, its replicas, the replicas being created. */
export function selectTierNodes(state: SimState): readonly TierNodeView[] {
	return [...appNodes(state), ...databaseNodes(state)];
}

/** The app tier's instances (route order: before the database), when the middleware runs apart. */
function appNodes(state: SimState): TierNodeView[] {
	const tier = state.appTier;
	if (!tier) return [];
	const dt = state.config.tickSeconds;
	const nodes = state.dataPlane.app;
	return tier.ids.map((id, k) => ({
		id,
		tier: 'app',
		role: 'app',
		nodeType: tier.instanceType,
		status: 'running',
		isServing: true,
		isNew: false,
		isDying: false,
		cpuPercent: round1(nodes.cpuPercent[k] ?? 0),
		requestsPerSecond: (nodes.completed[k] ?? 0) / dt,
		inFlight: k < nodes.served.length ? inFlightOf(nodes, k) : 0,
		latencyMs: round1(nodes.latencyMs[k] ?? 0),
		uptimeSeconds: (state.clock.tick - tier.sinceTick) * dt,
	}));
}

function databaseNodes(state: SimState): TierNodeView[] {
	const database = state.database;
	if (!database) return [];
	const dt = state.config.tickSeconds;
	const tick = state.clock.tick;
	const nodes = state.dataPlane.database;
	const isOut = database.unavailableUntilTick > tick;
	const member = (k: number) => ({
		cpuPercent: round1(nodes.cpuPercent[k] ?? 0),
		requestsPerSecond: (nodes.completed[k] ?? 0) / dt,
		inFlight: k < nodes.served.length ? inFlightOf(nodes, k) : 0,
		latencyMs: round1(nodes.latencyMs[k] ?? 0),
	});
	const out: TierNodeView[] = [{
		id: database.id,
		tier: 'database',
		role: 'primary',
		nodeType: database.instanceClass,
		status: isOut ? (database.multiAz ? 'failing-over' : 'modifying') : 'available',
		isServing: !isOut,
		isNew: false,
		isDying: false,
		...member(0),
		uptimeSeconds: (state.tiers.database?.ticks ?? 0) * dt,
	}];
	database.replicas.forEach((replica, index) => {
		const status = replica.hasFailed ? 'failed' : replica.isDraining ? 'deleting' : 'available';
		out.push({
			id: replica.id,
			tier: 'database',
			role: 'replica',
			nodeType: database.instanceClass,
			status,
			isServing: status === 'available',
			isNew: false,
			isDying: status !== 'available',
			...member(index + 1),
			uptimeSeconds: (tick - replica.sinceTick) * dt,
		});
	});
	database.pendingReplicaTicks.forEach((_, index) => {
		out.push({
			id: replicaId(database.nextReplicaNumber + index),
			tier: 'database',
			role: 'replica',
			nodeType: database.instanceClass,
			status: 'creating',
			isServing: false,
			isNew: true,
			isDying: false,
			cpuPercent: 0,
			requestsPerSecond: 0,
			inFlight: 0,
			latencyMs: 0,
			uptimeSeconds: 0,
		});
	});
	return out;
}
