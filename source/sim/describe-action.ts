/**
 * The one describer of an action: how scaletop names a key press or a timeline entry wherever
 * it is shown. The activity log writes `<name>: <result>` (or `<name> refused: <reason>`), the
 * dashboard's feedback line shows that log line, and a recording's markers carry the name.
 * Pure; no state needed, so a cast marker can be named before the action runs.
 */
import type {SimAction} from './actions.js';

/** `600` → `10 min`, `90` → `90 s`: whole minutes as minutes. */
export function describeSeconds(seconds: number): string {
	return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** The name of an action, e.g. `load spike ×5 for 1 min`, `kill i-0003`, `desired +1`. */
export function describeAction(action: SimAction): string {
	switch (action.type) {
		case 'traffic/spike-started': {
			return `load spike ×${action.factor} for ${describeSeconds(action.durationSeconds)}`;
		}

		case 'traffic/base-rate-scaled': {
			return `base load ×${action.factor}`;
		}

		case 'traffic/base-rate-set': {
			return `base load ${action.ratePerSecond} req/s`;
		}

		case 'instance/terminate-requested': {
			return `kill ${action.target}`;
		}

		case 'instance/stop-requested': {
			return `stop ${action.target}`;
		}

		case 'instance/hang-injected': {
			return `hang ${action.target}`;
		}

		case 'instance/spot-interruption-noticed': {
			return `spot interruption ${action.target}`;
		}

		case 'instance/scale-up-requested': {
			return `scale up ${action.target}${action.instanceType ? ` to ${action.instanceType}` : ''}`;
		}

		case 'zone/outage-started': {
			return `zone outage ${action.zone ? `${action.zone} ` : ''}for ${describeSeconds(action.durationSeconds)}`;
		}

		case 'network/slowdown-started': {
			return `network +${action.extraLatencyMs} ms for ${describeSeconds(action.durationSeconds)}`;
		}

		case 'asg/desired-capacity-changed': {
			return `desired ${action.desired}`;
		}

		case 'asg/desired-capacity-nudged': {
			return `desired ${action.delta >= 0 ? '+' : ''}${action.delta}`;
		}

		case 'elb/algorithm-changed': {
			return action.algorithm ? `routing ${action.algorithm}` : 'next routing algorithm';
		}

		case 'elb/stickiness-changed': {
			return action.isEnabled === undefined ? 'sticky sessions on/off' : `sticky sessions ${action.isEnabled ? 'on' : 'off'}`;
		}

		case 'chaos/toggled': {
			return action.isEnabled === undefined ? 'Chaos Monkey on/off' : `Chaos Monkey ${action.isEnabled ? 'on' : 'off'}`;
		}

		case 'dns/record-added': {
			return `DNS add record ${action.target}`;
		}

		case 'dns/record-removed': {
			return `DNS remove record ${action.target}`;
		}

		case 'database/modify-requested': {
			return action.instanceClass ? `modify database to ${action.instanceClass}` : 'modify database to a larger class';
		}

		case 'app/split-requested': {
			return `split the middleware off the web instances${action.instanceType ? ` (${action.count ?? 2} × ${action.instanceType})` : ''}`;
		}

		case 'database/split-requested': {
			return `split the database off the web instances${action.instanceClass ? ` (${action.instanceClass})` : ''}`;
		}

		case 'database/replica-added': {
			return 'add a read replica';
		}

		case 'database/replica-removed': {
			return 'remove a read replica';
		}

		case 'database/replica-killed': {
			return 'kill a read replica';
		}

		case 'database/primary-failed': {
			return `fail the database primary${action.shard && action.shard > 1 ? ` of shard ${action.shard}` : ''}`;
		}

		case 'database/shard-added': {
			return 'add a shard';
		}

		case 'cache/toggled': {
			return action.isEnabled === undefined ? 'cache on/off' : `cache ${action.isEnabled ? 'on' : 'off'}`;
		}

		case 'cdn/share-set': {
			return `CDN ${Math.round(100 * action.staticShare)} %`;
		}

		case 'preset/caption-shown': {
			return action.text === '' ? 'caption cleared' : action.text;
		}

		case 'preset/marker-reached': {
			return action.label;
		}

		case 'preset/pause-requested': {
			return 'pause';
		}
	}

	const unknown: never = action;
	return (unknown as {readonly type: string}).type;
}
