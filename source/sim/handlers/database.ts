/** Handlers for the database: moving it off the web instances, and the dedicated one's (RDS) ModifyDBInstance and read replicas. */
import type {SimAction} from '../actions.js';
import {databaseId, dbInstanceClasses, instanceTypes, maxAppInstances, maxReadReplicas, maxShards, multiAzFailoverSeconds, promoteReplicaSeconds, replicaCreateSeconds, shardCreateSeconds, shardId, singleAzModifySeconds, singleAzRecoverySeconds} from '../catalog.js';
import {shareOfRange, splitPoint} from '../data-plane/shards.js';
import {logAction, refuseAction} from '../systems/activity.js';
import {secondsToTicks} from '../systems/draw.js';
import type {Working} from '../working.js';
import {appendMember} from '../data-plane/columns.js';
import {appInstanceIds, databaseNodeCount, emptyTier, newDatabase} from '../state.js';
import {defaultAppTier} from '../defaults.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

/**
 * `database/modify-requested`: the new class takes effect after an outage (Multi-AZ: the standby
 * is changed first, then one failover; Single-AZ: the instance itself is changed). While out the
 * database refuses connections: the app answers 500.
 */
export function handleDatabaseModify(s: Working, a: Action<'database/modify-requested'>): void {
	const database = s.database;
	if (!database) {
		refuseAction(s, a, 'the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	const instanceClass = a.instanceClass ?? largerClassThan(database.instanceClass);
	if (instanceClass === undefined) {
		refuseAction(s, a, `${database.id} (${database.instanceClass}) has the most vCPUs of any DB instance class scaletop knows`);
		return;
	}

	if (!dbInstanceClasses[instanceClass]) {
		refuseAction(s, a, `unknown DB instance class "${instanceClass}"`);
		return;
	}

	if (database.instanceClass === instanceClass) {
		refuseAction(s, a, `${database.id} is already a ${instanceClass}`);
		return;
	}

	const out = database.shards.find(shard => shard.unavailableUntilTick > s.clock.tick);
	if (out) {
		refuseAction(s, a, `${out.id} is still ${out.outageCause}`);
		return;
	}

	// Every shard's primary is modified at once (one class for the database), each out for the same time.
	const seconds = database.multiAz ? multiAzFailoverSeconds : singleAzModifySeconds;
	database.instanceClass = instanceClass;
	for (const shard of database.shards) {
		shard.unavailableUntilTick = s.clock.tick + secondsToTicks(s, seconds);
		shard.outageCause = database.multiAz ? `failing over to its modified standby (${instanceClass})` : `applying modification to DB instance class ${instanceClass}`;
		shard.outageEndText = `${shard.id}: ${database.multiAz ? 'Multi-AZ instance failover completed' : 'Finished applying modification to DB instance class'} (${instanceClass})`;
	}

	// The action's name gives the class when asked for one; a class the sim chose is named here.
	const to = a.instanceClass ? '' : ` to ${instanceClass}`;
	const how = database.multiAz ? `standby modified${to}, failover for ${seconds} s` : `out for ${seconds} s while it changes${to}`;
	logAction(s, 'activity', a, `${database.id} ${how}`, `Applying modification to DB instance class: ${instanceClass}.`);
}

/** The cheapest DB instance class with more vCPUs than `current` (catalog order breaks ties); undefined when none has more. */
function largerClassThan(current: string): string | undefined {
	const vcpus = dbInstanceClasses[current]?.vcpus ?? 0;
	let best: string | undefined;
	for (const [name, spec] of Object.entries(dbInstanceClasses)) {
		if (spec.vcpus > vcpus && (best === undefined || spec.priceUsdPerHour < dbInstanceClasses[best]!.priceUsdPerHour)) best = name;
	}

	return best;
}

/** `database/replica-added`: RDS creates a read replica from a snapshot of the primary; it serves reads after `replicaCreateSeconds`. */
export function handleReplicaAdded(s: Working, a: Action<'database/replica-added'>): void {
	const database = s.database;
	if (!database) {
		refuseAction(s, a, 'a read replica needs a dedicated primary (tiers.database.placement: dedicated)');
		return;
	}

	const shard = database.shards[0]!;
	if (shard.replicas.length + shard.pendingReplicaTicks.length >= maxReadReplicas) {
		refuseAction(s, a, `${shard.id} already has ${maxReadReplicas} read replicas, the most RDS allows`);
		return;
	}

	shard.pendingReplicaTicks.push(s.clock.tick + secondsToTicks(s, replicaCreateSeconds));
	logAction(s, 'activity', a, `${shard.id}: creating a read replica (about ${replicaCreateSeconds / 60} min)`, 'Creating read replica.');
}

/** `database/replica-removed`: the newest replica that still serves stops taking reads; it is deleted once it holds nothing. */
export function handleReplicaRemoved(s: Working, a: Action<'database/replica-removed'>): void {
	const shard = s.database?.shards[0];
	const replica = shard ? shard.replicas.findLast(r => !r.isDraining) : undefined;
	if (!shard || !replica) {
		refuseAction(s, a, shard ? `${shard.id} has no read replica serving` : 'the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	replica.isDraining = true;
	logAction(s, 'activity', a, `${replica.id}: no new reads; deleted once it finishes what it holds`, 'Deleting read replica.');
}

/** `database/replica-killed`: the oldest serving replica fails; what it held is lost (500) and it leaves the route at once. */
export function handleReplicaKilled(s: Working, a: Action<'database/replica-killed'>): void {
	const shard = s.database?.shards[0];
	const k = shard ? shard.replicas.findIndex(r => !r.isDraining) : -1;
	if (!shard || k < 0) {
		refuseAction(s, a, shard ? `${shard.id} has no read replica serving` : 'the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	const replica = shard.replicas[k]!;
	// The data plane drops it at its next pass (what it held fails with 500 there, counted once).
	replica.hasFailed = true;
	replica.isDraining = true;
	logAction(s, 'activity', a, `${replica.id} failed: what it holds is lost`, 'Read replica failed.');
}

/**
 * `database/primary-failed`: the shard's primary fails; what it holds is lost at the next pass
 * and it refuses connections (500) until a new primary serves. Multi-AZ: RDS fails over to the
 * standby in `multiAzFailoverSeconds` (90 s, the middle of "typically 60–120 seconds",
 * Concepts.MultiAZ.Failover), the standby replaced behind it (still Multi-AZ). Single-AZ with a
 * serving replica: the oldest one is promoted after `promoteReplicaSeconds` (an assumption within
 * USER_ReadRepl.Promote's "several minutes"); the shard then has one replica fewer, the others
 * taken as re-pointed to it (RDS leaves them on the failed source: an assumption). Single-AZ
 * alone: RDS recovers the instance after `singleAzRecoverySeconds` (an assumption).
 */
export function handlePrimaryFailed(s: Working, a: Action<'database/primary-failed'>): void {
	const database = s.database;
	const number = a.shard ?? 1;
	const shard = database?.shards[number - 1];
	if (!database || !shard) {
		refuseAction(s, a, database ? `the database has ${database.shards.length} shard${database.shards.length === 1 ? '' : 's'}, not ${number}` : 'the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	if (shard.unavailableUntilTick > s.clock.tick) {
		refuseAction(s, a, `${shard.id} is already ${shard.outageCause}`);
		return;
	}

	const replica = shard.replicas.find(r => !r.isDraining);
	const how = database.multiAz ? 'failover' : (replica ? 'promotion' : 'recovery');
	const seconds = how === 'failover' ? multiAzFailoverSeconds : (how === 'promotion' ? promoteReplicaSeconds : singleAzRecoverySeconds);
	shard.unavailableUntilTick = s.clock.tick + secondsToTicks(s, seconds);
	shard.promotingId = how === 'promotion' ? replica!.id : '';
	const texts = {
		failover: ['failing over to its standby (Multi-AZ)', `${shard.id} failed: Multi-AZ failover to the standby (about ${seconds} s)`, `${shard.id}: Multi-AZ instance failover completed (the standby is the primary)`],
		promotion: [`failed; promoting ${replica?.id ?? ''}`, `${shard.id} failed: promoting read replica ${replica?.id ?? ''} (about ${seconds / 60} min)`, `${replica?.id ?? ''}: promoted to primary (was a read replica of ${shard.id})`],
		recovery: ['failed; being recovered (Single-AZ, no replica)', `${shard.id} failed: no standby, no replica; RDS recovers the instance (about ${seconds / 60} min)`, `${shard.id}: DB instance recovered`],
	}[how];
	shard.outageCause = texts[0]!;
	shard.outageEndText = texts[2]!;
	logAction(s, 'activity', a, texts[1]!, how === 'failover' ? 'Multi-AZ instance failover started.' : 'DB instance failed.');
}

/**
 * `database/shard-added`: the busiest shard (by its users' share of the requests) is split in
 * two halves of its users (./data-plane/shards.ts splitPoint); a new primary for the upper part is
 * restored from a snapshot and the part cut over to it after `shardCreateSeconds` (RDS has no
 * resharding: the operator's procedure, an assumption). It starts with no read replicas.
 */
export function handleShardAdded(s: Working, a: Action<'database/shard-added'>): void {
	const database = s.database;
	const users = s.config.users.active;
	if (!database || users === 0) {
		refuseAction(s, a, database ? 'shards own ranges of users, and the preset has no users section' : 'the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	if (database.pendingShards.length > 0) {
		refuseAction(s, a, 'a shard is already being created');
		return;
	}

	if (database.shards.length >= maxShards) {
		refuseAction(s, a, `the database already has ${maxShards} shards, scaletop's limit`);
		return;
	}

	const skew = s.config.tiers.database.userSkew;
	let busiest = database.shards[0]!;
	let most = -1;
	for (const shard of database.shards) {
		const share = shareOfRange(shard, users, skew, false);
		if (share > most && shard.lastUser > shard.firstUser) {
			most = share;
			busiest = shard;
		}
	}

	const split = splitPoint(busiest);
	if (split < 0) {
		refuseAction(s, a, 'every shard owns a single user');
		return;
	}

	const id = shardId(database.nextShardNumber);
	database.nextShardNumber += 1;
	database.pendingShards.push({readyTick: s.clock.tick + secondsToTicks(s, shardCreateSeconds), id, fromId: busiest.id, firstUser: split + 1, lastUser: busiest.lastUser});
	logAction(s, 'activity', a, `${id}: creating from a snapshot of ${busiest.id} to own users ${split + 1}-${busiest.lastUser} (about ${shardCreateSeconds / 60} min)`, 'Creating DB instance.');
}

/**
 * `database/split-requested`: the database moves off the web instances to an RDS instance of
 * its own (the course notes' second step; issue 10's split-database). From the next tick every
 * web instance sends its queries there and does only `webCpuMs + appCpuMs` per request. The
 * clones' databases are merged into it (each user's latest write kept), so no read is
 * inconsistent from then on (docs/stateful.md); data already lost with a terminated instance
 * stays lost. The move itself is taken as instant (no dump-and-restore downtime modelled).
 */
export function handleDatabaseSplit(s: Working, a: Action<'database/split-requested'>): void {
	if (s.database) {
		refuseAction(s, a, `the database already runs on its own instance (${s.database.id}, ${s.database.instanceClass})`);
		return;
	}

	const instanceClass = a.instanceClass ?? s.config.tiers.database.instanceClass;
	if (!dbInstanceClasses[instanceClass]) {
		refuseAction(s, a, `unknown DB instance class "${instanceClass}"`);
		return;
	}

	if (!(s.config.app.webCpuMs + s.config.app.appCpuMs > 0)) {
		refuseAction(s, a, 'the app profile puts no work on the web tier (webCpuMs + appCpuMs is 0)');
		return;
	}

	const multiAz = s.config.tiers.database.multiAz;
	s.database = newDatabase(s.config, instanceClass, 0) as Working['database'];
	const nodes = databaseNodeCount(s.database!);
	s.tiers.database = emptyTier(nodes) as Working['tiers']['database'];
	for (let k = 0; k < nodes; k++) appendMember(s.dataPlane.database);
	const held = s.dataPlane.instances.usersHeld as number[];
	held.fill(0);
	logAction(s, 'activity', a, `scaletop-db (${instanceClass}${multiAz ? ', Multi-AZ' : ''}) serves every web instance; their databases merged into it`, 'Creating DB instance.');
}

/**
 * `app/split-requested`: move the middleware off the web instances (the course notes' third
 * step). From the next tick the web nodes do only `webCpuMs` and hand their completions to
 * `count` app instances behind an internal load balancer, which hand theirs to the database.
 * Needs the database apart first. Instant (no deployment time modelled, an **assumption**);
 * the instances are billed from now (60 s minimum).
 */
export function handleAppSplit(s: Working, a: Action<'app/split-requested'>): void {
	if (s.appTier) {
		refuseAction(s, a, `the middleware already runs on instances of its own (${s.appTier.ids.length} × ${s.appTier.instanceType})`);
		return;
	}

	if (!s.database) {
		refuseAction(s, a, 'the database still runs on the web instances; split the database off first (split-database)');
		return;
	}

	const preset = s.config.tiers.app ?? defaultAppTier;
	const instanceType = a.instanceType ?? preset.instanceType;
	const count = a.count ?? preset.count;
	if (!instanceTypes[instanceType]) {
		refuseAction(s, a, `unknown instance type "${instanceType}"`);
		return;
	}

	if (!(Number.isInteger(count) && count >= 1 && count <= maxAppInstances)) {
		refuseAction(s, a, `expected 1 to ${maxAppInstances} app instances, got ${count}`);
		return;
	}

	if (!(s.config.app.webCpuMs > 0 && s.config.app.appCpuMs > 0)) {
		refuseAction(s, a, 'the app profile needs webCpuMs and appCpuMs both > 0 to split them');
		return;
	}

	const ids = appInstanceIds(count);
	s.appTier = {instanceType, ids, sinceTick: s.clock.tick};
	s.tiers.app = emptyTier(count) as Working['tiers']['app'];
	for (let k = 0; k < count; k++) appendMember(s.dataPlane.app);
	logAction(s, 'activity', a, `${count} × ${instanceType} (${ids.join(', ')}) run the middleware behind an internal load balancer; the web instances do only the web work`, 'Launching app instances.');
}
