/** Handlers for the dedicated database (RDS): ModifyDBInstance with a new class. */
import type {SimAction} from '../actions.js';
import {dbInstanceClasses, multiAzFailoverSeconds, singleAzModifySeconds} from '../catalog.js';
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
