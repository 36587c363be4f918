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
import type {ShardState, SimState, TierName} from '../types.js';

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
		let creating = d.pendingShards.length;
		for (const shard of d.shards) creating += shard.pendingReplicaTicks.length;
		const shards = d.shards.length > 1 ? ` ${d.shards.length} shards` : '';
		return `${d.instanceClass}${d.multiAz ? ' Multi-AZ' : ''}${shards}${creating > 0 ? ` +${creating} creating` : ''}`;
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
		const out = name === 'database' ? state.database?.shards.find(shard => shard.unavailableUntilTick > tick) : undefined;
		return {
			name,
			nodes: tier.nodes,
			detail: detailOf(state, name),
			utilisationPercent: round1(100 * tier.recentUtilisation),
			latencyMs: round1(tier.recentLatencyMs),
			latencyShare: latencySum > 0 ? tier.recentLatencyMs / latencySum : 0,
			isBottleneck: name === bottleneck,
			outage: out ? outageLabel(state, out).replace('-', ' ') : '',
			outageSecondsLeft: out ? (out.unavailableUntilTick - tick) * dt : 0,
		};
	});
}

/** What a shard's primary is doing while it is out: failing-over (Multi-AZ), promoting (a replica), recovering (alone) or modifying (a class change). */
function outageLabel(state: SimState, shard: ShardState): string {
	if (shard.promotingId) return 'promoting';
	if (state.database?.multiAz) return 'failing-over';
	return shard.outageEndText.endsWith('recovered') ? 'recovering' : 'modifying';
}

/** The nodes of the tiers behind the web instances, in route order: each shard's primary, its replicas, the replicas being created; then the shards being created. */
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
	const member = (k: number) => ({
		cpuPercent: round1(nodes.cpuPercent[k] ?? 0),
		requestsPerSecond: (nodes.completed[k] ?? 0) / dt,
		inFlight: k < nodes.served.length ? inFlightOf(nodes, k) : 0,
		latencyMs: round1(nodes.latencyMs[k] ?? 0),
	});
	const creating = (id: string, role: string): TierNodeView => ({id, tier: 'database', role, nodeType: database.instanceClass, status: 'creating', isServing: false, isNew: true, isDying: false, cpuPercent: 0, requestsPerSecond: 0, inFlight: 0, latencyMs: 0, uptimeSeconds: 0});
	const out: TierNodeView[] = [];
	let base = 0;
	for (const shard of database.shards) {
		const isOut = shard.unavailableUntilTick > tick;
		out.push({
			id: shard.id,
			tier: 'database',
			role: 'primary',
			nodeType: database.instanceClass,
			status: isOut ? outageLabel(state, shard) : 'available',
			isServing: !isOut,
			isNew: false,
			isDying: false,
			...member(base),
			uptimeSeconds: shard.billedTicks * dt,
		});
		for (const [index, replica] of shard.replicas.entries()) {
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
				...member(base + index + 1),
				uptimeSeconds: (tick - replica.sinceTick) * dt,
			});
		}

		for (let index = 0; index < shard.pendingReplicaTicks.length; index++) out.push(creating(replicaId(shard.nextReplicaNumber + index, shard.id), 'replica'));
		base += 1 + shard.replicas.length;
	}

	for (const pending of database.pendingShards) out.push(creating(pending.id, 'primary'));
	return out;
}
