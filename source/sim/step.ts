/**
 * `step(state, action)`: one discrete action (a key press, a timeline entry, a test), applied
 * with one immer `produce`. Each case calls one named handler; every handler leaves feedback in
 * the activity log, and refuses bad input there instead of throwing.
 */
import {produce} from 'immer';
import type {SimAction} from './actions.js';
import type {SimState} from './types.js';
import type {Working} from './working.js';
import {ensureControlPlane} from './systems/auto-scaling.js';
import {handleBaseRateScaled, handleBaseRateSet, handleSlowdown, handleSpike} from './handlers/traffic.js';
import {handleHang, handleScaleUp, handleSpotInterruption, handleStop, handleTerminate} from './handlers/instances.js';
import {handleDesiredChanged, handleDesiredNudged} from './handlers/auto-scaling.js';
import {handleAppSplit, handleDatabaseModify, handleDatabaseSplit, handleReplicaAdded, handleReplicaKilled, handlePrimaryFailed, handleShardAdded, handleReplicaRemoved} from './handlers/database.js';
import {handleDnsRecordAdded, handleDnsRecordRemoved} from './handlers/dns.js';
import {handleCacheToggled} from './handlers/cache.js';
import {handleCdnShareSet} from './handlers/cdn.js';
import {handleAlgorithm, handleStickiness, handleCaption, handleChaos, handleMarker, handlePause, handleZoneOutage} from './handlers/misc.js';

/** Apply one discrete action; returns a new state (the input is never changed). */
export function step(state: SimState, action: SimAction): SimState {
	return produce(state, draft => {
		apply(draft as Working, action);
	});
}

function apply(s: Working, action: SimAction): void {
	ensureControlPlane(s);
	switch (action.type) {
		case 'traffic/spike-started': {
			handleSpike(s, action);
			break;
		}

		case 'traffic/base-rate-scaled': {
			handleBaseRateScaled(s, action);
			break;
		}

		case 'traffic/base-rate-set': {
			handleBaseRateSet(s, action);
			break;
		}

		case 'instance/terminate-requested': {
			handleTerminate(s, action);
			break;
		}

		case 'instance/stop-requested': {
			handleStop(s, action);
			break;
		}

		case 'instance/hang-injected': {
			handleHang(s, action);
			break;
		}

		case 'instance/spot-interruption-noticed': {
			handleSpotInterruption(s, action);
			break;
		}

		case 'instance/scale-up-requested': {
			handleScaleUp(s, action);
			break;
		}

		case 'zone/outage-started': {
			handleZoneOutage(s, action);
			break;
		}

		case 'network/slowdown-started': {
			handleSlowdown(s, action);
			break;
		}

		case 'asg/desired-capacity-changed': {
			handleDesiredChanged(s, action);
			break;
		}

		case 'asg/desired-capacity-nudged': {
			handleDesiredNudged(s, action);
			break;
		}

		case 'elb/algorithm-changed': {
			handleAlgorithm(s, action);
			break;
		}

		case 'elb/stickiness-changed': {
			handleStickiness(s, action);
			break;
		}

		case 'chaos/toggled': {
			handleChaos(s, action);
			break;
		}

		case 'database/modify-requested': {
			handleDatabaseModify(s, action);
			break;
		}

		case 'database/replica-added': {
			handleReplicaAdded(s, action);
			break;
		}

		case 'database/replica-removed': {
			handleReplicaRemoved(s, action);
			break;
		}

		case 'database/replica-killed': {
			handleReplicaKilled(s, action);
			break;
		}

		case 'database/primary-failed': {
			handlePrimaryFailed(s, action);
			break;
		}

		case 'database/shard-added': {
			handleShardAdded(s, action);
			break;
		}

		case 'database/split-requested': {
			handleDatabaseSplit(s, action);
			break;
		}

		case 'dns/record-added': {
			handleDnsRecordAdded(s, action);
			break;
		}

		case 'dns/record-removed': {
			handleDnsRecordRemoved(s, action);
			break;
		}

		case 'app/split-requested': {
			handleAppSplit(s, action);
			break;
		}

		case 'cache/toggled': {
			handleCacheToggled(s, action);
			break;
		}

		case 'cdn/share-set': {
			handleCdnShareSet(s, action);
			break;
		}

		case 'preset/caption-shown': {
			handleCaption(s, action);
			break;
		}

		case 'preset/marker-reached': {
			handleMarker(s, action);
			break;
		}

		case 'preset/pause-requested': {
			handlePause(s);
			break;
		}
	}
}
