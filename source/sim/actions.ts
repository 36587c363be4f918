/**
 * SimAction: every discrete thing that can happen to a run from outside the passage of time:
 * a key press on the dashboard, an entry of a preset's timeline, a test. `step(state, action)`
 * applies one (immer, one produce per action); `advance(state, ticks)` moves time.
 *
 * Types are `domain/event` in kebab-case and describe what was asked, not a field to set.
 * Every action is plain JSON so timelines and recordings can carry it.
 */
import type {RoutingAlgorithm} from './config.js';

/**
 * Which instance an instance action is aimed at: an instance id (`i-0003`), or a rule that the
 * simulation resolves with its own seeded RNG (`random`) or by launch time.
 */
export type InstanceTarget = string;

export type SimAction =
	/** Multiply the load by `factor` for `durationSeconds` (the `s` key: ×5 for 60 s). */
	| {readonly type: 'traffic/spike-started'; readonly factor: number; readonly durationSeconds: number}
	/** Multiply the base rate (or closed-loop concurrency) by `factor` (`l` 0.8, `L` 1.25). */
	| {readonly type: 'traffic/base-rate-scaled'; readonly factor: number}
	/** Set the open-loop base rate, req/s (timeline `load` action). */
	| {readonly type: 'traffic/base-rate-set'; readonly ratePerSecond: number}
	/** Terminate an instance in EC2 (the `k`/`x` keys, a timeline `kill`). */
	| {readonly type: 'instance/terminate-requested'; readonly target: InstanceTarget}
	/** Stop an instance (EBS-backed: `stopping` → `stopped`). */
	| {readonly type: 'instance/stop-requested'; readonly target: InstanceTarget}
	/** The instance keeps running but stops answering: health checks and requests fail (`H`). */
	| {readonly type: 'instance/hang-injected'; readonly target: InstanceTarget}
	/** Spot interruption: two-minute notice, then the instance is terminated. */
	| {readonly type: 'instance/spot-interruption-noticed'; readonly target: InstanceTarget}
	/** Scale up: image the instance (stopped meanwhile), relaunch as `instanceType` (default: next size). */
	| {readonly type: 'instance/scale-up-requested'; readonly target: InstanceTarget; readonly instanceType?: string}
	/** Every instance in `zone` (default: the zone with most instances) fails for `durationSeconds` (`z`). */
	| {readonly type: 'zone/outage-started'; readonly zone?: string; readonly durationSeconds: number}
	/** Adds latency to every request for `durationSeconds`. */
	| {readonly type: 'network/slowdown-started'; readonly extraLatencyMs: number; readonly durationSeconds: number}
	/** Manual SetDesiredCapacity; outside [min, max] it is refused with AWS's ValidationError text. */
	| {readonly type: 'asg/desired-capacity-changed'; readonly desired: number}
	/** `+`/`-`: SetDesiredCapacity to current desired + delta (refused like the above). */
	| {readonly type: 'asg/desired-capacity-nudged'; readonly delta: number}
	/** Change the routing algorithm; without `algorithm`, cycle to the next one (`a`). */
	| {readonly type: 'elb/algorithm-changed'; readonly algorithm?: RoutingAlgorithm}
	/** Duration-based sticky sessions on/off (`stickiness` action); without `isEnabled`, toggle. */
	| {readonly type: 'elb/stickiness-changed'; readonly isEnabled?: boolean}
	/** Chaos Monkey on/off; without `isEnabled`, toggle (`c`). */
	| {readonly type: 'chaos/toggled'; readonly isEnabled?: boolean; readonly intervalSeconds?: number}
	/**
	 * ModifyDBInstance with a new DB instance class, applied immediately: the database is out for
	 * the change (Multi-AZ: the standby is changed, then a failover) and then serves at the new class.
	 * Without `instanceClass` (the `U` key): the cheapest class with more vCPUs than the current one.
	 */
	| {readonly type: 'database/modify-requested'; readonly instanceClass?: string}
	/** CreateDBInstanceReadReplica: a replica of the primary's class joins after `replicaCreateSeconds`. */
	| {readonly type: 'database/replica-added'}
	/** DeleteDBInstance of the newest replica: the app stops sending it reads, it finishes what it holds, then it is gone. */
	| {readonly type: 'database/replica-removed'}
	/** The oldest replica fails: what it holds is lost (the app answers 500) and it leaves the route. */
	| {readonly type: 'database/replica-killed'}
	/**
	 * Shard `shard`'s primary (1-based, default 1) fails: Multi-AZ fails over to its standby; else
	 * its oldest serving replica is promoted; else RDS recovers the instance. What it holds is lost
	 * and it refuses connections until then (the app answers 500).
	 */
	| {readonly type: 'database/primary-failed'; readonly shard?: number}
	/** A new shard takes the upper half (by requests) of the busiest shard's users once it is created (`shardCreateSeconds`). */
	| {readonly type: 'database/shard-added'}
	/**
	 * Move the database off the web instances (colocated → dedicated): one RDS instance of
	 * `instanceClass` (default the preset's `tiers.database.instanceClass`) behind every web
	 * instance, holding what the clones' databases held (merged); the web nodes then do only the
	 * web and middleware work.
	 */
	| {readonly type: 'database/split-requested'; readonly instanceClass?: string}
	/** DNS round-robin: add an A record for the instance (`n`; timeline `dns-add-record`). Clients pick it up as their cached answers expire. */
	| {readonly type: 'dns/record-added'; readonly target: InstanceTarget}
	/** DNS round-robin: delete the instance's A record (`N`; timeline `dns-remove-record`). Clients holding it keep using it until their cache expires. */
	| {readonly type: 'dns/record-removed'; readonly target: InstanceTarget}
	/**
	 * Move the middleware off the web instances (issue 10's split-app): `count` instances of
	 * `instanceType` (default the preset's `tiers.app`, else two c5.large) behind an internal load
	 * balancer between the web tier and the database; the web nodes then do only `webCpuMs`.
	 */
	| {readonly type: 'app/split-requested'; readonly instanceType?: string; readonly count?: number}
	/**
	 * The cache in front of the dedicated database on or off (timeline `cache`); without
	 * `isEnabled`, toggle. On: every read asks it first and `hitRatio` of them go no further.
	 */
	| {readonly type: 'cache/toggled'; readonly isEnabled?: boolean}
	/** Static content moved to the CDN (timeline `cdn`): the edge answers `staticShare` of the arriving requests (0: none). */
	| {readonly type: 'cdn/share-set'; readonly staticShare: number}
	/** A preset caption: shown on the caption line until the next one (empty text clears it). */
	| {readonly type: 'preset/caption-shown'; readonly text: string}
	/** A named point in the story (a cast marker). */
	| {readonly type: 'preset/marker-reached'; readonly label: string}
	/** The timeline asks a live run to pause (headless runs ignore it). */
	| {readonly type: 'preset/pause-requested'};

export type SimActionType = SimAction['type'];
