/**
 * Pure: the label of a cast marker (`m` event) for a preset timeline action, so players can
 * list and jump between the story's chapters ("Caption: …", "spike ×5 for 600 s", "kill oldest").
 */
import type {SimAction} from '../sim/index.js';

/** `600` → `600 s`; whole minutes as `10 min`. */
function seconds(value: number): string {
	return value >= 60 && value % 60 === 0 ? `${value / 60} min` : `${value} s`;
}

/** A short label for one timeline action. Captions and markers carry their own text. */
export function markerLabel(action: SimAction): string {
	switch (action.type) {
		case 'preset/caption-shown': {
			return action.text === '' ? 'caption cleared' : action.text;
		}

		case 'preset/marker-reached': {
			return action.label;
		}

		case 'preset/pause-requested': {
			return 'pause';
		}

		case 'traffic/spike-started': {
			return `spike ×${action.factor} for ${seconds(action.durationSeconds)}`;
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
			return `zone outage ${action.zone ?? '(largest zone)'} for ${seconds(action.durationSeconds)}`;
		}

		case 'network/slowdown-started': {
			return `network +${action.extraLatencyMs} ms for ${seconds(action.durationSeconds)}`;
		}

		case 'asg/desired-capacity-changed': {
			return `desired capacity ${action.desired}`;
		}

		case 'asg/desired-capacity-nudged': {
			return `desired capacity ${action.delta >= 0 ? '+' : ''}${action.delta}`;
		}

		case 'elb/algorithm-changed': {
			return `routing ${action.algorithm ?? 'next algorithm'}`;
		}

		case 'chaos/toggled': {
			return action.isEnabled === undefined ? 'Chaos Monkey toggled' : `Chaos Monkey ${action.isEnabled ? 'on' : 'off'}`;
		}
	}

	// Actions added to the union later get their type as a label until they get a wording.
	return (action as {readonly type: string}).type;
}
