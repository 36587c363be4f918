/**
 * SimState: the whole simulation, plain JSON (records keyed by id plus id-order arrays; no
 * Map/Set/class/Date/function), so it can be compared, serialised and replayed.
 *
 * Only code under source/sim reads SimState directly. Everything else (UI, headless summary,
 * recorder, metrics) reads it through ./selectors.ts, so the state's inner shape may change
 * without touching them.
 *
 * Time is `clock.tick`; a tick is `config.tickSeconds` simulated seconds. Fields named
 * `…Tick` are absolute tick numbers; `…Ticks` are durations in ticks.
 */
import type {AlarmConfig, SimConfig, PurchaseOption, RoutingAlgorithm} from './config.js';

/** EC2 lifecycle state, AWS's API names. */
export type Ec2State = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';

/** Auto Scaling lifecycle state (AWS's names); `Standalone` for instances outside the group. */
export type AsgLifecycle = 'Pending' | 'InService' | 'Terminating' | 'Terminated' | 'Standby' | 'Standalone';

/** Target health as the load balancer sees it; rendered with the kind's own names by selectors. */
export type TargetHealth = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

export type Instance = {
	readonly id: string;
	readonly instanceType: string;
	readonly zone: string;
	readonly purchaseOption: PurchaseOption;
	readonly isInGroup: boolean;
	readonly hasElasticIp: boolean;
	readonly isBehindLoadBalancer: boolean;
	/** Tick of launch (RunInstances). */
	readonly launchedTick: number;
	readonly ec2State: Ec2State;
	/** Tick the current ec2State was entered. */
	readonly ec2StateSinceTick: number;
	/**
	 * Ticks it had been running when it last left `running` (its uptime, frozen while it stops,
	 * shuts down or is gone); 0 if it never ran. While running, uptime is `tick - ec2StateSinceTick`.
	 */
	readonly uptimeTicksAtStop: number;
	/** When the current transitional state ends (pending → running etc.); -1 when none. */
	readonly transitionAtTick: number;
	/** Tick from which the app answers requests (boot + app start); -1 until known. */
	readonly appReadyTick: number;
	readonly asgLifecycle: AsgLifecycle;
	readonly asgHealth: 'Healthy' | 'Unhealthy';
	/** Why the group marked it unhealthy (AWS-style cause), '' when healthy. */
	readonly unhealthyCause: string;
	readonly isProtectedFromScaleIn: boolean;
	/** Running but not answering (hang fault or zone outage). */
	readonly isHung: boolean;
	/** Hung by a zone outage (healed when the zone recovers; a hang fault is not). */
	readonly isHungByOutage?: boolean;
	/** Tick a spot interruption terminates it; -1 when none. */
	readonly spotInterruptionTick: number;
	/** Tick the group marked it InService (reached `running`); -1 before, and for standalone instances. */
	readonly inServiceTick: number;
	/** Instance warm-up ends at this tick (step/target-tracking policies, group metric); -1 when not warming. */
	readonly warmupUntilTick: number;
	/** Load balancer target state and health-check counters. */
	readonly target: {
		readonly health: TargetHealth;
		readonly consecutivePasses: number;
		readonly consecutiveFailures: number;
		/** Tick the target became healthy (slow start), -1 if never. */
		readonly healthySinceTick: number;
		/** Tick draining ends, -1 when not draining. */
		readonly drainUntilTick: number;
	};
	/** The instance's number (i-0007 is 7): the key of its data-plane noise (../rng.ts streams). */
	readonly serial: number;
};

/**
 * A FIFO ring per member of a set of queueing nodes: `size` one entry per member, every other
 * field a fixed number of slots per member (member k's entries are k·slots … k·slots + size − 1,
 * oldest first; data-plane/queue-node.ts).
 */
export type RingColumns<Fields extends string> = {readonly size: readonly number[]} & {readonly [F in Fields]: readonly number[]};

/**
 * A set of queueing nodes of one kind (data-plane/queue-node.ts), as columns: entry k of every
 * column belongs to member k. Today's only kind is the web tier, one node per instance, in
 * `instanceOrder` order (data-plane/network.ts).
 */
export type QueueNodes = {
	/** The queue's diffusion state Z (requests' worth of queue, ≥ 0; data-plane/calibration.ts). */
	readonly queue: readonly number[];
	/** Requests admitted and not yet completed (waiting or in service), whole numbers. */
	readonly served: readonly number[];
	/** Completions in the last tick. */
	readonly completed: readonly number[];
	/** CPU busy fraction of all vCPUs over the last tick, 0–100 (a throttled t2 shows its share of a full vCPU). */
	readonly cpuPercent: readonly number[];
	/** Mean latency of the requests completed in the last tick, ms (0 when none). */
	readonly latencyMs: readonly number[];
	/** FIFO cohorts of admitted requests: count, arrival tick (count-weighted when two merge), where arrivals saw the queue (Z − z1Seen) and the band z1Seen − z0Seen. */
	readonly cohorts: RingColumns<'count' | 'tick' | 'seen' | 'band'>;
	/** Requests that will fail: count, the tick they fail at, cause (0: gave up waiting, 504 timeout; 1: held by a silent instance, 504 hung). */
	readonly failing: RingColumns<'count' | 'tick' | 'cause'>;
};

/** Per-instance EC2 and load-balancer figures, as columns aligned with `instanceOrder`. */
export type InstanceFigures = {
	/** t2 CPU credit balance (launch credits included); 0 for non-burstable types. */
	readonly cpuCredits: readonly number[];
	/** Running seconds billed so far (per second, 60 s minimum per start). */
	readonly billedSeconds: readonly number[];
	readonly costUsd: readonly number[];
	/** Requests routed to it in the last tick, and since launch. */
	readonly routedLastTick: readonly number[];
	readonly routedTotal: readonly number[];
	/**
	 * Users whose latest write this instance holds (its colocated database: data-plane/consistency.ts),
	 * an expected count (fractional); 0 with a dedicated database.
	 */
	readonly usersHeld: readonly number[];
	/**
	 * Sticky sessions (data-plane/sticky.ts; all 0 while stickiness is off), expected counts:
	 * `stickyUsers` the users whose stickiness cookie names this instance (their session is here);
	 * of them `stickyWriters` have written before and `stickyHeld` have their latest write here;
	 * `stickyOrphans` cookies still naming it after it went away (sessions already counted lost,
	 * routed here until the ELB stops sending to it); `stickyLost` users whose session here was lost
	 * (it stopped being their target) while it still holds their data (not counted twice);
	 * `stickyAway` users whose latest write it holds but whose cookie names another instance.
	 */
	readonly stickyUsers: readonly number[];
	readonly stickyWriters: readonly number[];
	readonly stickyHeld: readonly number[];
	readonly stickyOrphans: readonly number[];
	readonly stickyLost: readonly number[];
	readonly stickyAway: readonly number[];
};

/**
 * Queue nodes that are not the first on the route: each member also carries the latency its
 * requests gathered upstream (data-plane/network.ts, "latency along the route").
 */
export type RouteNodes = QueueNodes & {
	/** Sum of the upstream latency of the requests the member holds (admitted, not completed), ms. */
	readonly carriedMs: readonly number[];
};

/** The data plane's state: the queueing nodes of each kind and the per-instance figures. */
export type DataPlaneState = {
	readonly web: QueueNodes;
	readonly instances: InstanceFigures;
	/** The dedicated database's nodes (member 0 the primary, then its read replicas); no members when it is colocated. */
	readonly database: RouteNodes;
	/** The app tier's nodes (one per middleware instance, in `SimState.appTier.ids` order); no members when the middleware runs on the web instances. */
	readonly app: RouteNodes;
	/** The cache node in front of the database (member 0 while it is on, or still finishing what it held); no members otherwise. */
	readonly cache: RouteNodes;
};

/** The middleware on instances of its own (design.md §1b `tiers.app`, or since a `split-app`). */
export type AppTierState = {
	readonly instanceType: string;
	/** The instances' ids (app-1 …), in member order. */
	readonly ids: readonly string[];
	/** The tick they started (billing: 60 s minimum, then per second). */
	readonly sinceTick: number;
};

/**
 * A dedicated database as RDS runs it: its class, Multi-AZ, and its shards (one when it is not
 * sharded), each a primary with its read replicas (docs/tiers.md, "Shards").
 */
export type DatabaseState = {
	/** The database's RDS identifier (its only primary's when unsharded), shown in events. */
	readonly id: string;
	readonly instanceClass: string;
	readonly multiAz: boolean;
	/**
	 * The shards in user order (each owns the range after the one before it). Their nodes are the
	 * members of `dataPlane.database` shard by shard: the primary, then its replicas in order.
	 */
	readonly shards: readonly ShardState[];
	/** Shards being created (`add-shard`), oldest first. */
	readonly pendingShards: readonly PendingShard[];
	/** The number the next shard's id gets (scaletop-db-shard-N). */
	readonly nextShardNumber: number;
	/** ReplicaLag now: the largest of the replicas' apply delay (Seconds_Behind_Master) over every shard, seconds; 0 without replicas. */
	readonly replicaLagSeconds: number;
};

/** One shard: a primary owning a range of users, with its read replicas and figures. */
export type ShardState = {
	/** Its primary's RDS identifier (the promoted replica's after a promotion). */
	readonly id: string;
	/** The users it owns (writes and reads of these users go only to its nodes). */
	readonly firstUser: number;
	readonly lastUser: number;
	/** Until this tick its primary answers nothing (connections refused: 500); -1 when none. */
	readonly unavailableUntilTick: number;
	/** What the outage is ('' when none), for the events and the dashboard. */
	readonly outageCause: string;
	/** The activity logged when the outage ends. */
	readonly outageEndText: string;
	/** The replica promoted to primary when the outage ends ('' when none: a failover or a class change). */
	readonly promotingId: string;
	/** The primary's passes so far (billing: its 10-minute minimum, then per second). */
	readonly billedTicks: number;
	/**
	 * The read replicas, in member order after the primary: each one's id, the tick it became
	 * available (billing), and whether it is being deleted (draining: no new reads, removed once
	 * it holds nothing).
	 */
	readonly replicas: readonly ReplicaState[];
	/** Replicas being created: the tick each becomes available. */
	readonly pendingReplicaTicks: readonly number[];
	/** The number the next replica's id gets (<id>-replica-N). */
	readonly nextReplicaNumber: number;
	/** Requests dealt to it since it started, and its busiest node's utilisation (0–1): last tick, summed over its passes, peak. */
	readonly requests: number;
	readonly utilisation: number;
	readonly utilisationSum: number;
	readonly peakUtilisation: number;
};

/** A shard being created by `add-shard`: primary `id` takes `firstUser`…`lastUser` from the shard that owns them (`fromId` when asked) at `readyTick`. */
export type PendingShard = {readonly readyTick: number; readonly id: string; readonly fromId: string; readonly firstUser: number; readonly lastUser: number};

/**
 * The cache in front of the dedicated database (ElastiCache, one node; docs/tiers.md): what it
 * is, whether it is on, its bill, and its lookups so far (expected counts, fractional).
 */
export type CacheState = {
	readonly id: string;
	readonly nodeType: string;
	readonly hitRatio: number;
	/** On: every read asks it first. Off: reads go straight to the database (what it still holds finishes first). */
	readonly isEnabled: boolean;
	/** The tick its node was launched (billing: node-hours from then), -1 when none is running. */
	readonly sinceTick: number;
	/** Node-hours billed for the running node so far (each partial hour as a full one). */
	readonly billedHours: number;
	/** Reads it was asked since the start, and how many it answered itself (hits). */
	readonly lookups: number;
	readonly hits: number;
	/** The same for the last tick (CloudWatch's CacheHitRate). */
	readonly lookupsLastTick: number;
	readonly hitsLastTick: number;
};

/** The CDN (CloudFront) in front of the load balancer: the share it answers now, and what it served and cost so far. */
export type CdnState = {
	/** Share of the arriving requests answered at the edge now, 0–1 (0: off). */
	readonly staticShare: number;
	/** Requests answered at the edge since the start, and in the last tick. */
	readonly served: number;
	readonly servedLastTick: number;
	/** What CloudFront charged so far (transfer + requests), USD. */
	readonly costUsd: number;
};

/** One read replica of the dedicated database. */
export type ReplicaState = {
	readonly id: string;
	readonly sinceTick: number;
	readonly isDraining: boolean;
	/** Killed: the data plane drops it (and what it holds) at its next pass. */
	readonly hasFailed: boolean;
};

/** The tiers of a route, in route order (design.md §1b names). */
export type TierName = 'web' | 'app' | 'cache' | 'database';

/** What one tier did, since the start and in the last tick (the summary's `tiers`, the metrics line's `bottleneck`). */
export type TierFigures = {
	/** Nodes now (web: running instances; database: its primary). */
	readonly nodes: number;
	/** Utilisation (busy share of its vCPUs, 0–1) in the last tick: the mean over its nodes. */
	readonly utilisation: number;
	/** The same, smoothed with a 10-tick half-life (what the bottleneck is judged on). */
	readonly recentUtilisation: number;
	readonly peakUtilisation: number;
	/** Sum of the tick utilisations, and ticks counted (for `cpuAvg`). */
	readonly utilisationSum: number;
	readonly ticks: number;
	/** Ticks it was the bottleneck (the busiest tier by `recentUtilisation`, while any tier was busy). */
	readonly bottleneckTicks: number;
	/** Completions and their time spent in this tier, ms (the tier's share of the end-to-end latency). */
	readonly completed: number;
	readonly latencySumMs: number;
	/** Its own mean time per request now, ms: each tick's mean, smoothed like `recentUtilisation` (the dashboard's share of the latency). */
	readonly recentLatencyMs: number;
	/** Its own time per request, as a histogram (the tier's p99). */
	readonly latency: Histogram;
	/** What its nodes have cost so far, USD, and cost per hour now. */
	readonly costUsd: number;
	readonly usdPerHour: number;
	/** The highest cost per hour of any tick (the fixed-peak counterfactual). */
	readonly peakUsdPerHour: number;
};

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export type AlarmState = {
	readonly name: string;
	/** The policy that owns it (target-tracking policies own two). */
	readonly policyName: string;
	readonly state: AlarmStateValue;
	readonly stateSinceTick: number;
	readonly transitions: number;
	/** The most recent datapoints, oldest first (null = missing); at most evaluationPeriods kept. */
	readonly datapoints: readonly (number | null)[];
	/** Last evaluated value (the newest datapoint), null when none. */
	readonly lastValue: number | null;
	/** The alarm's definition (from the policy, or created by a target-tracking policy). */
	readonly config: AlarmConfig;
	/** Newest datapoints in breach of the threshold, of the last `evaluationPeriods`. */
	readonly breaching: number;
};

/** An Auto Scaling activity still in progress (its cooldown starts when it completes). */
export type ScalingActivity = {
	/** Policy that started it ('' for a manual or reconciliation activity). */
	readonly policyName: string;
	/** Instances launched or being terminated by it. */
	readonly instanceIds: readonly string[];
	readonly direction: 'out' | 'in';
	/** Cooldown to start when the activity completes, ticks (0: none). */
	readonly cooldownTicks: number;
};

/**
 * CloudWatch's accumulator for the current minute, filled tick by tick by
 * systems/cloudwatch.ts from what the data plane leaves in state (per-instance cpuPercent,
 * target health, cumulative totals). Cumulative counters are snapshots at the minute's start.
 */
export type MetricWindow = {
	/** Minutes published so far (the index of the next datapoint). */
	readonly minutes: number;
	readonly ticks: number;
	/** Ticks of this minute on which the fleet was sampled (every `metricSampleSeconds`). */
	readonly samples: number;
	readonly cpuPercentSum: number;
	readonly cpuSamples: number;
	/** Basic monitoring: CPU accumulated over the current 5-minute period. */
	readonly basicCpuPercentSum: number;
	readonly basicCpuSamples: number;
	readonly healthyHostSum: number;
	readonly arrivedAtStart: number;
	readonly errors5xxAtStart: number;
	/** The targets' 5xx (500s) at the minute's start. */
	readonly targetErrors5xxAtStart: number;
	readonly latencyCountAtStart: number;
	readonly latencySumMsAtStart: number;
	/** The dedicated database's primary (AWS/RDS): CPU percent and requests held (connections) summed over the samples taken while it exists, and those samples. */
	readonly dbCpuPercentSum: number;
	readonly dbConnectionsSum: number;
	readonly dbSamples: number;
	/** ReplicaLag seconds summed over the samples taken while a replica serves, and those samples. */
	readonly replicaLagSum: number;
	readonly replicaSamples: number;
	/** Reads and writes the primary executed this minute (queries: ReadIOPS / WriteIOPS × 60). */
	readonly dbReads: number;
	readonly dbWrites: number;
	/** Requests answered at the CDN's edge at the minute's start (not the load balancer's: left out of its metrics). */
	readonly edgeServedAtStart?: number;
};

/**
 * Why a request failed, and the code the client saw:
 * `backend-down` 502 (routed to an instance that is not running: terminated, stopped, reset);
 * `app-starting` 502 (running, app not answering yet); `hung` 504 (running, silent);
 * `timeout` 504 (waited past the app / ELB idle timeout in a backlog); `backlog-full` 503
 * (the instance refused: its queue is at the limit); `surge-queue-full` 503 (classic ELB
 * spillover); `no-healthy-targets` 503 (classic with no InService instance, or nothing registered);
 * `database-timeout` 500 (the app waited for the database past its timeout and answered 500: a
 * target 5xx, `HTTPCode_Target_5XX_Count`, not the ELB's); `database-refused` 500 (the database's
 * queue was full: "Error establishing a database connection").
 */
export type FailureCause = 'backend-down' | 'app-starting' | 'hung' | 'timeout' | 'backlog-full' | 'surge-queue-full' | 'no-healthy-targets' | 'database-timeout' | 'database-refused';

/** The data plane's last tick, fleet-wide (systems/traffic.ts, systems/load-balancer.ts). */
export type FlowState = {
	/** Requests that arrived at the load balancer this tick (new ones; surge-queue retries excluded). */
	readonly arrived: number;
	/** Expected arrival rate of the load generator this tick, req/s (before Poisson noise). */
	readonly expectedRatePerSecond: number;
	readonly completed: number;
	readonly failed: number;
	readonly errors: {readonly '500': number; readonly '502': number; readonly '503': number; readonly '504': number};
	/** Requests routed to each target this tick add up to this. */
	readonly routed: number;
	/** Requests in flight at the end of the tick (instances + surge queue). */
	readonly inFlight: number;
	/** Mean CPU of running instances, 0–100. */
	readonly cpuAvgPercent: number;
	/** Mean latency of requests completed this tick, ms (0 when none). */
	readonly latencyMeanMs: number;
	/** Serving capacity of the instances the ELB routed to, req/s (closed loop uses it next tick). */
	readonly capacityPerSecond: number;
	/** Closed loop: response time R = N/X − Z this tick, seconds; -1 for open loops. */
	readonly closedResponseSeconds: number;
	/** Instances serving: healthy LB targets, or running instances when none is registered. */
	readonly inService: number;
	/** Reads completed this tick, the inconsistent ones among them, and users whose locally held data went away (expected counts). */
	readonly reads: number;
	readonly inconsistentReads: number;
	readonly lostSessions: number;
};

/**
 * Whose data is where (data-plane/consistency.ts, docs/stateful.md), since the start. Counts are
 * expected values (a fluid model: fractional); per instance, `dataPlane.instances.usersHeld`.
 */
export type ConsistencyState = {
	/** Reads completed, and those by a user who had written before. */
	readonly reads: number;
	readonly readsAfterWrite: number;
	/** Reads after a write served by an instance that does not hold that user's latest write. */
	readonly inconsistentReads: number;
	/** Users whose latest write was on an instance that went away (terminated: its disk with it). */
	readonly lostSessions: number;
	/** Users who have written at least once (now: those whose latest write is held somewhere, plus `writersLost`). */
	readonly writers: number;
	/** Of them, users whose latest write is gone (until they write again). */
	readonly writersLost: number;
};

/** A record set in force from `sinceTick` until the next one's (data-plane/dns.ts). */
export type DnsEpoch = {
	readonly sinceTick: number;
	/** The instance ids with an A record, in the order they were added. */
	readonly records: readonly string[];
};

/**
 * DNS round-robin (data-plane/dns.ts, docs/dns.md): the record set now, and every earlier set a
 * client may still hold in its cache. `history` is oldest first and ends with the set in force
 * (its `records` are the current records); a set leaves it once no cache lifetime reaches back
 * to it. Clients' shares are derived from it, never stored.
 */
export type DnsState = {
	readonly history: readonly DnsEpoch[];
};

/** One line of the activity log / event stream. */
export type SimEvent = {
	readonly tick: number;
	readonly kind: 'activity' | 'alarm' | 'elb' | 'fault' | 'user' | 'caption' | 'marker' | 'refused' | 'info';
	/** What happened, AWS-style where AWS has a wording ("Launching a new EC2 instance: i-0004"). */
	readonly message: string;
	/** AWS-style cause, '' when none. */
	readonly cause: string;
};

/** Latency histogram: log-spaced buckets (see ./systems/histogram.ts). */
export type Histogram = {readonly counts: readonly number[]; readonly total: number; readonly sumMs: number; readonly maxMs: number};

/** A fixed-size ring buffer of numbers (sparklines, CloudWatch datapoints). */
export type Ring = {readonly values: readonly number[]; readonly start: number; readonly length: number};

export type SimState = {
	readonly config: SimConfig;
	readonly clock: {readonly tick: number};
	/** The control plane's random stream (boot and shutdown times, random picks): mulberry32 state, see ./rng.ts. Arrivals and the data plane draw from counter-based streams of the seed instead. */
	readonly rng: readonly number[];
	/** Next instance number for ids (i-0001 …). */
	readonly nextInstanceNumber: number;
	readonly instances: Readonly<Record<string, Instance>>;
	/** Launch order of every instance still listed (terminated ones stay for about an hour, as in EC2: systems/instances.ts `forgetTerminated`). */
	readonly instanceOrder: readonly string[];
	/** The data plane's columns, entry k for `instanceOrder[k]` (data-plane/columns.ts keeps them aligned). */
	readonly dataPlane: DataPlaneState;
	readonly traffic: {
		readonly baseRatePerSecond: number;
		readonly spikeFactor: number;
		readonly spikeUntilTick: number;
		readonly slowdownMs: number;
		readonly slowdownUntilTick: number;
		/** Closed loop: clients, waiting clients, requests still to send (-1 = forever). */
		readonly closedClients: number;
		readonly closedRemaining: number;
		/** Fractional arrivals carried to the next tick (uniform arrivals / closed loop). */
		readonly carry: number;
		/** Arrival rate in the last tick, req/s. */
		readonly arrivalRateLastTick: number;
	};
	readonly loadBalancer: {
		readonly algorithm: RoutingAlgorithm;
		/** Round-robin cursor. */
		readonly cursor: number;
		/** Requests in the classic surge queue. */
		readonly surgeQueue: number;
		/** Sticky sessions on (preset `loadBalancer.stickiness.enabled`, the `stickiness` action). */
		readonly isSticky: boolean;
	};
	readonly autoScaling: {
		readonly min: number;
		readonly max: number;
		readonly desired: number;
		/** Simple-scaling cooldown ends at this tick (-1: none). */
		readonly cooldownUntilTick: number;
		/** Scheduled actions already fired, by policy name → last tick fired. */
		readonly scheduledFiredTick: Readonly<Record<string, number>>;
		readonly scalingActivities: number;
		/** The policy-driven activity in progress (blocks simple policies until it completes), or null. */
		readonly activity: ScalingActivity | null;
		/** Set while every scale-in candidate is protected (the message is logged once per episode). */
		readonly isScaleInBlockedByProtection: boolean;
		/** Tick of the last alarm-driven policy evaluation per policy (re-invoked every minute while in ALARM). */
		readonly lastPolicyRunTick: Readonly<Record<string, number>>;
		/** The instance an Availability Zone rebalance launched and waits for ('' or absent: none). */
		readonly rebalancingId?: string;
		/** Instances launched to replace ELB-unhealthy ones and not yet healthy behind the load balancer (absent: none); the next batch waits for them. */
		readonly replacementIds?: readonly string[];
		/** A group instance left running since the last health sweep: sweep on the next tick, not at the next period. */
		readonly needsSweep?: boolean;
	} | null;
	readonly alarms: Readonly<Record<string, AlarmState>>;
	readonly alarmOrder: readonly string[];
	/** Availability Zones with an outage in force or past (`downSinceTick`: when the current/last outage began, -1 never). */
	readonly zones: Readonly<Record<string, {readonly isDown: boolean; readonly downUntilTick: number; readonly downSinceTick: number}>>;
	readonly chaosMonkey: {readonly isEnabled: boolean; readonly intervalTicks: number; readonly nextAtTick: number};
	/** Cumulative counters; conservation: arrived = completed + failed + inFlight at every tick. */
	readonly totals: {
		readonly arrived: number;
		readonly completed: number;
		readonly failed: number;
		readonly errors: {readonly '500': number; readonly '502': number; readonly '503': number; readonly '504': number};
		readonly launched: number;
		readonly terminated: number;
		readonly peakInstances: number;
		/**
		 * The highest hourly price of the running instances at any tick, USD/h: what a fixed fleet
		 * sized for the peak would pay per hour (counts a scaled-up instance at its larger price).
		 */
		readonly peakInstancesUsdPerHour: number;
		readonly costUsd: number;
		readonly instanceSeconds: number;
		readonly elbSeconds: number;
		readonly elasticIpSeconds: number;
		/** Terminated instances that have left the state (an hour after termination; systems/instances.ts), and the requests routed to them. */
		readonly removed: number;
		readonly routedToRemoved: number;
	};
	readonly latency: Histogram;
	/** The same latencies, fading with a ~10-tick half-life: the dashboard's "now" percentiles. */
	readonly recentLatency: Histogram;
	/** What the data plane did in the last tick (rates, fleet-wide figures for selectors and metrics). */
	readonly flow: FlowState;
	/** The dedicated database's control plane (null when it is colocated on the web instances). */
	readonly database: DatabaseState | null;
	/** The app tier (null when the middleware runs on the web instances). */
	readonly appTier: AppTierState | null;
	/** The cache in front of the database (null when the run never had one). */
	readonly cache: CacheState | null;
	/** The CDN in front of the load balancer (null when the run never had one). */
	readonly cdn: CdnState | null;
	/** Reads, writes and whose data is where (issue 11). */
	readonly consistency: ConsistencyState;
	/** DNS round-robin's record set and its past (data-plane/dns.ts); absent unless `loadBalancer.kind` is `dns`. */
	readonly dns?: DnsState;
	/** Each tier on the route, in route order (`web` first; `database` when it is dedicated). */
	readonly tiers: Readonly<Partial<Record<TierName, TierFigures>>>;
	/** Failed requests since the start, by cause (every failure has one; they add up to totals.failed). */
	readonly failureCauses: Readonly<Record<FailureCause, number>>;
	/** Per-tick history for sparklines (last 600 ticks), keyed by series name. */
	readonly history: Readonly<Record<string, Ring>>;
	/** CloudWatch datapoints, one per minute, keyed by metric name (last 1440); -1 = missing (see systems/cloudwatch.ts). */
	readonly cloudwatch: Readonly<Record<string, Ring>>;
	/** The current minute's CloudWatch accumulator; created on the first tick (systems/cloudwatch.ts). */
	readonly metricWindow?: MetricWindow;
	/** Earliest tick a spot interruption notice expires (systems/faults.ts scans instances only then); absent or -1: none. */
	readonly spotDueTick?: number;
	/**
	 * Instances with lifecycle work pending (a transition due, draining to wait for, a
	 * deregistration to do): `advanceLifecycles` visits only these. Absent: rebuilt by a full scan.
	 */
	readonly lifecycleWatch?: readonly string[];
	/** Bounded activity log, newest last. */
	readonly events: readonly SimEvent[];
	/** Total events ever appended (so consumers can tell new ones from old). */
	readonly eventCount: number;
	readonly caption: string;
	/** Increments each time a timeline asks a live run to pause. */
	readonly pauseRequests: number;
};
