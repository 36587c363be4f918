/** Handlers for the dedicated database (RDS): ModifyDBInstance with a new class. */
import type {SimAction} from '../actions.js';
import {dbInstanceClasses, maxReadReplicas, multiAzFailoverSeconds, replicaCreateSeconds, singleAzModifySeconds} from '../catalog.js';
import {logAction, refuseAction} from '../systems/activity.js';
import {secondsToTicks} from '../systems/draw.js';
import type {Working} from '../working.js';

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

	if (!dbInstanceClasses[a.instanceClass]) {
		refuseAction(s, a, `unknown DB instance class "${a.instanceClass}"`);
		return;
	}

	if (database.instanceClass === a.instanceClass) {
		refuseAction(s, a, `${database.id} is already a ${a.instanceClass}`);
		return;
	}

	if (database.unavailableUntilTick > s.clock.tick) {
		refuseAction(s, a, `${database.id} is still ${database.outageCause}`);
		return;
	}

	const seconds = database.multiAz ? multiAzFailoverSeconds : singleAzModifySeconds;
	database.instanceClass = a.instanceClass;
	database.unavailableUntilTick = s.clock.tick + secondsToTicks(s, seconds);
	database.outageCause = database.multiAz ? `failing over to its modified standby (${a.instanceClass})` : `applying modification to DB instance class ${a.instanceClass}`;
	const how = database.multiAz ? `standby modified, failover for ${seconds} s` : `out for ${seconds} s while it changes`;
	logAction(s, 'activity', a, `${database.id} ${how}`, `Applying modification to DB instance class: ${a.instanceClass}.`);
}

/** `database/replica-added`: RDS creates a read replica from a snapshot of the primary; it serves reads after `replicaCreateSeconds`. */
export function handleReplicaAdded(s: Working, a: Action<'database/replica-added'>): void {
	const database = s.database;
	if (!database) {
		refuseAction(s, a, 'a read replica needs a dedicated primary (tiers.database.placement: dedicated)');
		return;
	}

	if (database.replicas.length + database.pendingReplicaTicks.length >= maxReadReplicas) {
		refuseAction(s, a, `${database.id} already has ${maxReadReplicas} read replicas, the most RDS allows`);
		return;
	}

	database.pendingReplicaTicks.push(s.clock.tick + secondsToTicks(s, replicaCreateSeconds));
	logAction(s, 'activity', a, `${database.id}: creating a read replica (about ${replicaCreateSeconds / 60} min)`, 'Creating read replica.');
}

/** `database/replica-removed`: the newest replica that still serves stops taking reads; it is deleted once it holds nothing. */
export function handleReplicaRemoved(s: Working, a: Action<'database/replica-removed'>): void {
	const database = s.database;
	const replica = database ? database.replicas.findLast(r => !r.isDraining) : undefined;
	if (!database || !replica) {
		refuseAction(s, a, database ? `${database.id} has no read replica serving` : 'the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	replica.isDraining = true;
	logAction(s, 'activity', a, `${replica.id}: no new reads; deleted once it finishes what it holds`, 'Deleting read replica.');
}

/** `database/replica-killed`: the oldest serving replica fails; what it held is lost (500) and it leaves the route at once. */
export function handleReplicaKilled(s: Working, a: Action<'database/replica-killed'>): void {
	const database = s.database;
	const k = database ? database.replicas.findIndex(r => !r.isDraining) : -1;
	if (!database || k < 0) {
		refuseAction(s, a, database ? `${database.id} has no read replica serving` : 'the database runs on the web instances (tiers.database.placement: colocated)');
		return;
	}

	const replica = database.replicas[k]!;
	// The data plane drops it at its next pass (what it held fails with 500 there, counted once).
	replica.hasFailed = true;
	replica.isDraining = true;
	logAction(s, 'activity', a, `${replica.id} failed: what it holds is lost`, 'Read replica failed.');
}
