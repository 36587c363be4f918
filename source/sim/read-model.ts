/**
 * The read model: what the rest of scaletop may know about a run. Selectors in ./selectors.ts
 * build these plain objects from SimState; the dashboard's view-models, the headless summary,
 * the NDJSON metrics and the recorder consume them and never reach into SimState.
 *
 * Units are in the names. Rates are per simulated second over the last tick unless named
 * otherwise.
 */
import type {AlarmStateValue, AsgLifecycle, Ec2State, SimEvent, TierName} from './types.js';
import type {LoadBalancerKind, RoutingAlgorithm} from './config.js';

export type HeaderView = {
	readonly presetName: string;
	readonly title: string;
	readonly seed: number;
	readonly tick: number;
	readonly simulatedSeconds: number;
	readonly durationSeconds: number;
	readonly totalCostUsd: number;
	/** What the fleet (instances + ELB + EIPs) costs per hour right now. */
	readonly runRateUsdPerHour: number;
	readonly isChaosMonkeyOn: boolean;
};

export type LoadView = {
	readonly arrivalRatePerSecond: number;
	readonly completedRatePerSecond: number;
	/** Failures per second over the last tick, by code. */
	readonly errorRatePerSecond: {readonly '500': number; readonly '502': number; readonly '503': number; readonly '504': number};
	readonly latencyP50Ms: number;
	readonly latencyP99Ms: number;
	readonly inFlight: number;
	readonly isClosedLoop: boolean;
	/** Spike in force: factor and seconds left (0 when none). */
	readonly spikeFactor: number;
	readonly spikeSecondsLeft: number;
	/** Whose data is where (docs/stateful.md): `isModelled` false without a `users` section; rate over the last tick, totals since the start. */
	readonly consistency: {readonly isModelled: boolean; readonly inconsistentReadsPerSecond: number; readonly inconsistentReads: number; readonly lostSessions: number};
};

/** History for sparklines, oldest first: per tick (`selectSeries`) or per simulated minute (`selectMinuteSeries`). */
export type SeriesView = {
	readonly arrivalRate: readonly number[];
	readonly completedRate: readonly number[];
	readonly latencyP99Ms: readonly number[];
	readonly errorRate: readonly number[];
	readonly inService: readonly number[];
	readonly costUsd: readonly number[];
	readonly cpuAvg: readonly number[];
	/** Inconsistent reads per second (docs/stateful.md). */
	readonly inconsistentReadRate: readonly number[];
};

export type TargetView = {
	readonly instanceId: string;
	readonly zone: string;
	/** In the LB kind's own words: InService/OutOfService (classic), healthy/unhealthy/initial/draining (application). */
	readonly stateLabel: string;
	readonly isHealthy: boolean;
	readonly isDraining: boolean;
	readonly routedPerSecond: number;
	readonly routedTotal: number;
	/** Users whose sticky session or latest write it holds (what goes with it when it goes away); absent without a `users` section. */
	readonly usersHeld?: number;
};

/** DNS round-robin: one address clients hold, with a record now or only in their caches (data-plane/dns.ts). */
export type DnsRecordView = {
	readonly instanceId: string;
	/** In the record set now (false: removed, still held by some clients' caches). */
	readonly hasRecord: boolean;
	/** The instance is running: its address answers (its app may still be starting, or it may hang). */
	readonly isAnswering: boolean;
	/** The instance's EC2 state, or `gone` once it has left the list. */
	readonly stateLabel: string;
	/** Share of the clients holding this address during the last tick, 0–1. */
	readonly share: number;
	readonly routedPerSecond: number;
	readonly routedTotal: number;
};

/** DNS round-robin's record set and the clients' shares (absent without `kind: dns`). */
export type DnsView = {
	readonly ttlSeconds: number;
	/** Share of clients keeping answers past the TTL, and for how long, seconds. */
	readonly longCacheShare: number;
	readonly longCacheSeconds: number;
	/** The current records in the order they were added, then the removed ones clients still hold. */
	readonly records: readonly DnsRecordView[];
};

export type LoadBalancerView = {
	/** DNS round-robin instead of an ELB (then `isPresent` is false and `targets` is empty). */
	readonly dns?: DnsView;
	/** False for a run without a load balancer (standalone instances reached directly): nothing to show, nothing billed; absent means present. */
	readonly isPresent?: boolean;
	readonly kind: LoadBalancerKind;
	readonly algorithm: RoutingAlgorithm;
	readonly isCrossZone: boolean;
	readonly healthyCount: number;
	readonly registeredCount: number;
	readonly surgeQueue: number;
	readonly targets: readonly TargetView[];
	/** Sticky sessions in force (the cookie's name, its duration: 0 the browser session); absent when off. */
	readonly stickiness?: {readonly cookieName: string; readonly durationSeconds: number};
};

export type PolicyView = {
	readonly name: string;
	readonly type: 'simple' | 'step' | 'target-tracking' | 'scheduled';
	/** Human summary, e.g. "CPU > 80 for 5×60s → +2" or "CPU target 50". */
	readonly summary: string;
	/** Alarm names the policy uses. */
	readonly alarmNames: readonly string[];
};

export type AutoScalingView = {
	readonly name: string;
	readonly desired: number;
	/** Instances in the group that are not Terminated. */
	readonly current: number;
	readonly inService: number;
	readonly pending: number;
	readonly terminating: number;
	readonly min: number;
	readonly max: number;
	/**
	 * Seconds until the running cooldown ends (0: none running). A simple policy acts again only
	 * when this is 0 and no activity is in progress.
	 */
	readonly cooldownSecondsLeft: number;
	/** A policy's scaling activity is still in progress (its last instance not yet InService, or not yet deregistered): simple policies wait for it. */
	readonly isActivityInProgress: boolean;
	/** The cooldown that starts when the activity in progress completes, seconds (0: none, or no activity). */
	readonly cooldownSecondsAfterActivity: number;
	/** Instances still warming up (and seconds left for the longest). */
	readonly warmingUp: number;
	readonly warmupSecondsLeft: number;
	readonly healthCheckType: 'EC2' | 'ELB';
	readonly policies: readonly PolicyView[];
	readonly scalingActivities: number;
};

export type AlarmView = {
	readonly name: string;
	readonly policyName: string;
	readonly state: AlarmStateValue;
	readonly metric: string;
	readonly statistic: string;
	readonly comparison: string;
	readonly threshold: number;
	/** Newest datapoint, null when none. */
	readonly value: number | null;
	readonly breaching: number;
	/** M of N. */
	readonly datapointsToAlarm: number;
	readonly evaluationPeriods: number;
	readonly periodSeconds: number;
	readonly transitions: number;
};

export type InstanceView = {
	readonly id: string;
	readonly instanceType: string;
	readonly zone: string;
	readonly ec2State: Ec2State;
	readonly asgLifecycle: AsgLifecycle;
	/** ASG health, or the LB's view when it is worse: 'Healthy', 'Unhealthy', 'Hung', 'Initializing'. */
	readonly healthLabel: string;
	readonly isHealthy: boolean;
	readonly isNew: boolean;
	readonly isDying: boolean;
	readonly cpuPercent: number;
	readonly requestsPerSecond: number;
	readonly inFlight: number;
	readonly latencyMs: number;
	/** Seconds it has been running; for an instance no longer running, how long it ran (frozen when it stopped running). */
	readonly uptimeSeconds: number;
	readonly costUsd: number;
	readonly cpuCredits: number;
	readonly isBurstable: boolean;
	readonly hasElasticIp: boolean;
	/** A t2's CPU baseline, percent of all its vCPUs (what it is held to without credits); null when not burstable. */
	readonly cpuBaselinePercent: number | null;
	/** A t2 out of CPU credits: its CPU is held at the baseline, so requests queue at a low CPU%. */
	readonly isThrottled: boolean;
	readonly isInGroup: boolean;
	readonly isBehindLoadBalancer: boolean;
	readonly purchaseOption: string;
	/** When it was launched, simulated seconds since the start. */
	readonly launchedSeconds: number;
	/** When it entered its current EC2 state, simulated seconds. */
	readonly stateSinceSeconds: number;
	/** When the group marked it InService, simulated seconds; null if never. */
	readonly inServiceSinceSeconds: number | null;
	/** Its target state in the load balancer's own words (`healthy`, `InService` …), '' when not registered. */
	readonly targetState: string;
	/** Load balancer health checks in a row that passed / failed (the thresholds decide). */
	readonly healthCheckPasses: number;
	readonly healthCheckFailures: number;
	/** Why the group marked it unhealthy (AWS's cause), '' when healthy. */
	readonly unhealthyCause: string;
	/**
	 * With users modelled (docs/stateful.md): the users whose sticky session is on it, whose latest
	 * write it holds (its own database), and both, each once (what goes with it); absent otherwise.
	 */
	readonly users?: {readonly sessions: number; readonly data: number; readonly held: number};
};

/** An Availability Zone of the run and whether an outage holds it now. */
export type ZoneView = {
	readonly zone: string;
	readonly isDown: boolean;
	/** Seconds until an outage in force ends (0 when up). */
	readonly outageSecondsLeft: number;
};

/** An alarm's recent datapoints at its own period and statistic (CloudWatch's graph of it). */
export type AlarmDatapointsView = {
	readonly name: string;
	readonly metric: string;
	readonly statistic: string;
	readonly comparison: string;
	readonly threshold: number;
	readonly periodSeconds: number;
	/** Oldest first; null = missing (no data in that period). */
	readonly datapoints: readonly (number | null)[];
	/** Simulated second at which the newest datapoint's period ended (0 when none). */
	readonly newestEndsAtSeconds: number;
};

/** One tier of the route in the summary (design.md §1b). */
export type TierSummary = {
	/** Its nodes at the end (web: running instances; database: the primary). */
	readonly nodes: number;
	/** Mean utilisation of its vCPUs over the run, percent. */
	readonly cpuAvg: number;
	/** Time a request spent in this tier, ms (the whole route for `web` when it is the only tier). */
	readonly latencyMs: {readonly mean: number; readonly p99: number};
	/** The highest utilisation of a tick, percent. */
	readonly peakUtilisation: number;
	/** Simulated seconds it was the bottleneck (the busiest tier). */
	readonly bottleneckSeconds: number;
	/** What its nodes cost, USD. */
	readonly costUsd: number;
	/** The database's shards when it has more than one, in user order. */
	readonly shards?: readonly ShardSummary[];
	/** The cache only: reads it was asked, those it answered (whole counts), and its hit rate, percent (CloudWatch's CacheHitRate over the run). */
	readonly lookups?: number;
	readonly hits?: number;
	readonly hitRate?: number;
	/** The CDN only: requests answered at the edge, their transfer (GB of 2^30 bytes), and the share it answers now. */
	readonly requests?: number;
	readonly gigabytes?: number;
	readonly staticShare?: number;
};

/** One shard of the database in the summary (docs/tiers.md, "Shards"). */
export type ShardSummary = {
	/** Its primary's RDS identifier. */
	readonly id: string;
	/** The users it owns now, "1-5000". */
	readonly users: string;
	/** Its nodes now: its primary and its read replicas. */
	readonly nodes: number;
	/** Requests dealt to it (the requests of its users that reached the database). */
	readonly requests: number;
	/** Its busiest node's utilisation: the mean over its passes and the highest of a tick, percent. */
	readonly cpuAvg: number;
	readonly peakUtilisation: number;
};

/** The headless JSON summary (design.md §2). */
export type RunSummary = {
	readonly preset: string;
	readonly seed: number;
	readonly simulatedSeconds: number;
	readonly requests: {readonly arrived: number; readonly completed: number; readonly failed: number; readonly inFlight: number};
	readonly errors: {readonly '500': number; readonly '502': number; readonly '503': number; readonly '504': number};
	readonly latencyMs: {readonly mean: number; readonly p50: number; readonly p90: number; readonly p95: number; readonly p99: number; readonly max: number};
	readonly throughputPerSecond: number;
	readonly instances: {readonly launched: number; readonly terminated: number; readonly peak: number; readonly final: number};
	readonly scalingActivities: number;
	readonly cost: {
		readonly totalUsd: number;
		readonly instanceHours: number;
		readonly fixedPeakFleetUsd: number;
		readonly elbUsd: number;
		readonly elasticIpUsd: number;
	};
	readonly alarms: readonly {readonly name: string; readonly state: AlarmStateValue; readonly transitions: number}[];
	/** Requests delivered to each instance (through the load balancer, or straight to it); `isPresent` false: the run has no load balancer; `removedInstances` terminated over an hour ago and gone from the state, `routedToRemoved` what they were routed. */
	readonly elb: {
		readonly routed: Readonly<Record<string, number>>;
		readonly isPresent: boolean;
		readonly removedInstances?: number;
		readonly routedToRemoved?: number;
		/** DNS round-robin instead of an ELB (docs/dns.md): the TTL, seconds, and the A records at the end (absent behind an ELB). */
		readonly dns?: {readonly ttlSeconds: number; readonly records: readonly string[]};
	};
	/** Each tier of the route, in route order (design.md §1b). */
	readonly tiers: {readonly web: TierSummary} & Readonly<Partial<Record<Exclude<TierName, 'web'> | 'cdn', TierSummary>>>;	/** Whose data is where (design.md §1b, docs/stateful.md). */
	readonly consistency: ConsistencySummary;
};

/**
 * The summary's `consistency` (design.md §1b): whole counts since the start (the model's expected
 * counts, rounded). `users`: the users modelled (0: no `users` section, nothing written).
 */
export type ConsistencySummary = {
	readonly users: number;
	/** Reads completed, and those by a user who had written before. */
	readonly reads: number;
	readonly readsAfterWrite: number;
	/** Reads after a write served by an instance that did not hold the user's latest write (a colocated database). */
	readonly inconsistentReads: number;
	/** Users whose latest write went away with a terminated instance, or whose sticky session went with the instance it was on. */
	readonly lostSessions: number;
};

/** One NDJSON metrics line (design.md §2): one per simulated interval. */
export type MetricsLine = {
	readonly t: number;
	readonly arrivalRate: number;
	readonly completedRate: number;
	readonly cpuAvg: number;
	readonly latencyP50: number;
	readonly latencyP99: number;
	readonly inService: number;
	readonly pending: number;
	readonly desired: number;
	readonly healthy: number;
	readonly errors: {readonly '500': number; readonly '502': number; readonly '503': number; readonly '504': number};
	readonly costUsd: number;
	/** The busiest tier in the last tick (design.md §1b). */
	readonly bottleneck: TierName;
	/** Each tier's utilisation in the last tick, percent. */
	readonly tierCpu: {readonly web: number} & Readonly<Partial<Record<Exclude<TierName, 'web'>, number>>>;	/** Inconsistent reads per second, and users' data lost per second (design.md §1b). */
	readonly inconsistentReads: number;
	readonly lostSessions: number;
	/** The dedicated database's primary in the last tick (its AWS/RDS metrics; absent while the database is colocated). */
	readonly database?: DatabaseMetricsLine;
	/** The cache's hit rate, percent (CacheHitRate: hits / lookups); only when the run has a cache, 0 while it is off. */
	readonly cacheHitRate?: number;
};

/** The database's figures in a metrics line: requests it holds (DatabaseConnections), ReplicaLag seconds, queries per second. */
export type DatabaseMetricsLine = {
	readonly connections: number;
	readonly replicaLagSeconds: number;
	readonly readIops: number;
	readonly writeIops: number;
};

export type {SimEvent, TierName};

/** One tier of the route as the dashboard's tiers panel shows it (route order; docs/tiers.md). */
export type TierView = {
	readonly name: TierName;
	/** Its nodes now (web: running instances; database: the primary and its replicas). */
	readonly nodes: number;
	/** What its nodes are, short: `c5.large`, `db.t3.micro Multi-AZ`, `2 types` ('' when nothing to add). */
	readonly detail: string;
	/** Busy share of its vCPUs now (smoothed, what the bottleneck is judged on), percent; the database: its busiest node's. */
	readonly utilisationPercent: number;
	/** Its own time per request now (smoothed), ms. */
	readonly latencyMs: number;
	/** Its share of the end-to-end latency now, 0–1 (its own time over the sum along the route). */
	readonly latencyShare: number;
	/** The busiest tier now (none while every tier is idle). */
	readonly isBottleneck: boolean;
	/** Out of service now (`failing over`, `modifying`), '' when serving; and seconds left. */
	readonly outage: string;
	readonly outageSecondsLeft: number;
};

/**
 * A node of a tier behind the web instances (the instance table's other rows): a database
 * primary or read replica today. `status` is in AWS's words for it (RDS: `available`,
 * `creating`, `modifying`, `failing-over`, `deleting`, `failed`).
 */
export type TierNodeView = {
	readonly id: string;
	readonly tier: TierName;
	/** `primary`, `replica` … */
	readonly role: string;
	/** Its class (`db.t3.micro`). */
	readonly nodeType: string;
	readonly status: string;
	/** Serving requests now. */
	readonly isServing: boolean;
	/** Being created (not yet on the route). */
	readonly isNew: boolean;
	/** Leaving the route (deleting, failed). */
	readonly isDying: boolean;
	readonly cpuPercent: number;
	/** Requests it completed per second in the last tick. */
	readonly requestsPerSecond: number;
	readonly inFlight: number;
	/** Mean of its own time for the requests it completed in the last tick, ms. */
	readonly latencyMs: number;
	/** Seconds since it became available (0 while being created). */
	readonly uptimeSeconds: number;
};
