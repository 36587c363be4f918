/**
 * Timeline conversion: preset timeline entries (`{at: 5m, action: kill}`) → the simulation's
 * `{atTick, action}` entries, and the actions due at a given tick. `advance` applies
 * `config.timeline` itself; these helpers are for building it and for tools that list it.
 */
import type {SimAction, TimelineEntry} from '../sim/index.js';
import type {TimelineEntryInput} from './timeline-schema.js';

/** The SimAction a timeline entry asks for. */
export function toSimAction(entry: TimelineEntryInput): SimAction {
	if ('caption' in entry) return {type: 'preset/caption-shown', text: entry.caption};
	if ('marker' in entry) return {type: 'preset/marker-reached', label: entry.marker};
	switch (entry.action) {
		case 'spike':
			return {type: 'traffic/spike-started', factor: entry.factor, durationSeconds: entry.for};
		case 'load':
			return entry.rate === undefined ? {type: 'traffic/base-rate-scaled', factor: entry.factor ?? 1} : {type: 'traffic/base-rate-set', ratePerSecond: entry.rate};
		case 'kill':
			return {type: 'instance/terminate-requested', target: entry.target};
		case 'stop':
			return {type: 'instance/stop-requested', target: entry.target};
		case 'hang':
			return {type: 'instance/hang-injected', target: entry.target};
		case 'spot-interruption':
			return {type: 'instance/spot-interruption-noticed', target: entry.target};
		case 'scale-up':
			return {type: 'instance/scale-up-requested', target: entry.target, ...(entry.instanceType ? {instanceType: entry.instanceType} : {})};
		case 'az-outage':
			return {type: 'zone/outage-started', durationSeconds: entry.for, ...(entry.zone ? {zone: entry.zone} : {})};
		case 'slow-network':
			return {type: 'network/slowdown-started', extraLatencyMs: entry.extraLatencyMs, durationSeconds: entry.for};
		case 'modify-database':
			return {type: 'database/modify-requested', instanceClass: entry.instanceClass};
		case 'split-database':
			return {type: 'database/split-requested', ...(entry.instanceClass ? {instanceClass: entry.instanceClass} : {})};
		case 'split-app':
			return {type: 'app/split-requested', ...(entry.instanceType ? {instanceType: entry.instanceType} : {}), ...(entry.count === undefined ? {} : {count: entry.count})};
		case 'add-replica':
			return {type: 'database/replica-added'};
		case 'remove-replica':
			return {type: 'database/replica-removed'};
		case 'kill-replica':
			return {type: 'database/replica-killed'};
		case 'dns-add-record':
			return {type: 'dns/record-added', target: entry.target};
		case 'dns-remove-record':
			return {type: 'dns/record-removed', target: entry.target};
		case 'fail-database-primary':
			return {type: 'database/primary-failed', ...(entry.shard ? {shard: entry.shard} : {})};
		case 'add-shard':
			return {type: 'database/shard-added'};
		case 'cache':
			return {type: 'cache/toggled', isEnabled: entry.enabled};
		case 'cdn':
			return {type: 'cdn/share-set', staticShare: entry.staticShare};
		case 'set-desired':
			return {type: 'asg/desired-capacity-changed', desired: entry.desired};
		case 'nudge-desired':
			return {type: 'asg/desired-capacity-nudged', delta: entry.delta};
		case 'algorithm':
			return {type: 'elb/algorithm-changed', ...(entry.algorithm ? {algorithm: entry.algorithm} : {})};
		case 'stickiness':
			return {type: 'elb/stickiness-changed', ...(entry.enabled === undefined ? {} : {isEnabled: entry.enabled})};
		case 'chaos-monkey':
			return {
				type: 'chaos/toggled',
				...(entry.enabled === undefined ? {} : {isEnabled: entry.enabled}),
				...(entry.interval === undefined ? {} : {intervalSeconds: entry.interval}),
			};
		case 'pause':
			return {type: 'preset/pause-requested'};
	}
}

/** Timeline entries in tick order (entries at the same tick keep their order in the file). */
export function toTimeline(entries: readonly TimelineEntryInput[], tickSeconds: number): TimelineEntry[] {
	return entries
		.map((entry, index) => ({index, atTick: Math.round(entry.at / tickSeconds), action: toSimAction(entry)}))
		.sort((a, b) => a.atTick - b.atTick || a.index - b.index)
		.map(({atTick, action}) => ({atTick, action}));
}
