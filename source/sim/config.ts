/**
 * SimConfig: everything a run is built from. Presets (source/presets) produce it from YAML,
 * `scaletop ab` builds one from flags, tests build one with `makeConfig`.
 *
 * Durations in the config are in **seconds** (AWS's unit for every setting); the state counts
 * time in ticks (`tickSeconds` seconds each). Rates are per second. Defaults are AWS's (see
 * shared/reference/aws-behaviour.md) and are applied by `withDefaults` in ./defaults.ts, so a
 * partial config is always valid input to `createInitialState`.
 */
import type {SimAction} from './actions.js';

/** EC2 purchase option, used for pricing. */
export type PurchaseOption = 'on-demand' | 'spot' | 'reserved';

/** The web application running on every instance. */
export type AppProfile = {
	/** Profile name, e.g. `wordpress`. */
	readonly name: string;
	/** Mean CPU time per request on one vCPU, ms. wordpress: 33.6 (29.8 req/s on a t2.micro). */
	readonly cpuMs: number;
	/** Coefficient of variation of the service time: 1 = exponential (M/M/c), 0 = constant (M/D/c). */
	readonly cv: number;
	/** A request that waits longer than this fails with 504, ms. Default 60000 (ELB idle timeout). */
	readonly timeoutMs: number;
	/** Per-vCPU backlog limit (requests queued on an instance); beyond it the instance refuses (503). */
	readonly backlogPerVcpu: number;
	/** Time from `running` until the app answers (added to the seeded boot time), seconds. */
	readonly startSeconds: number;
	/**
	 * Where a request's work runs once the tiers are apart (docs/tiers.md): CPU on the web server
	 * and in the middleware, ms; database queries per request (reads, writes) and CPU per query on
	 * the database, ms. On one box they add up to `cpuMs` (`splitCpuMs` in ./catalog.ts).
	 */
	readonly webCpuMs: number;
	readonly appCpuMs: number;
	readonly dbReads: number;
	readonly dbWrites: number;
	readonly dbQueryCpuMs: number;
	/** Share of requests that are static files (0–1): what a CDN can take off the fleet. */
	readonly staticShare: number;
};

/**
 * The database behind the web tier (preset section `tiers.database`, design.md §1b).
 * `colocated`: every web instance runs its own (today's one-box WordPress: all the work on the
 * web node, `cpuMs` per request). `dedicated`: one primary of `instanceClass`, a queueing node of
 * its own after the web tier; the web node then does only `webCpuMs + appCpuMs`.
 */
export type DatabaseTierConfig = {
	readonly placement: 'colocated' | 'dedicated';
	readonly instanceClass: string;
	/** A standby in another zone (billed twice the class's price). */
	readonly multiAz: boolean;
	/** How long the app waits for the database before it answers 500, seconds. */
	readonly timeoutSeconds: number;
	/** Read replicas of the primary at the start (same class, Single-AZ): reads spread over primary + replicas, every write applied on each. */
	readonly replicas: number;
	/**
	 * Shards: primaries, each owning a contiguous range of the users (`users.active`), each with
	 * `replicas` read replicas of its own (docs/tiers.md, "Shards"). Default 1 (no sharding).
	 */
	readonly shards: number;
	/**
	 * How unevenly the users' requests fall on the user ids, 0–1: the first fraction x of the
	 * users (ids 1 … x·active) make x^(1 − userSkew) of the requests. 0: every user alike (a shard's
	 * share is its range's size); 1: every request from user 1 (all on the first shard). Default 0.
	 */
	readonly userSkew: number;
	/** Each shard's users, in order (`shardRanges: ["1-1000", …]`); empty: `shards` equal ranges of `users.active`. */
	readonly shardRanges: readonly UserRange[];
};

/** A range of user ids, both ends included (users 1–1000: `{firstUser: 1, lastUser: 1000}`). */
export type UserRange = {readonly firstUser: number; readonly lastUser: number};

/**
 * The site's users (preset section `users`, design.md §1b; docs/stateful.md): `active` distinct
 * users, each request from one of them uniformly; `writeShare` of the requests write that user's
 * data (a post, a cart, a profile), the rest read it. `active: 0` (no `users` section): no user
 * data is modelled, so no read can be inconsistent.
 */
export type UsersConfig = {
	readonly active: number;
	/** Share of requests that write the user's data, 0–1 (default 0.1 when the section is given). */
	readonly writeShare: number;
};

/**
 * The middleware apart from the web servers (preset section `tiers.app`, design.md §1b):
 * `count` fixed instances of `instanceType` behind an internal load balancer that the web tier
 * alternates between. Each does `appCpuMs` per request; the web nodes then do only `webCpuMs`.
 * It needs a database of its own (the course notes split the database off first).
 */
export type AppTierConfig = {
	readonly instanceType: string;
	readonly count: number;
};

/**
 * An ElastiCache node in front of the database (preset section `tiers.cache`, design.md §1b;
 * docs/tiers.md): every database read asks it first; `hitRatio` of them it answers itself, the
 * rest (misses) and every write go on to the database. `enabled: false`: configured but off at
 * the start; a timeline `cache` action turns it on or off.
 */
export type CacheTierConfig = {
	readonly enabled: boolean;
	readonly nodeType: string;
	/** Share of the reads the cache answers, 0–1. */
	readonly hitRatio: number;
};

/**
 * A CDN (CloudFront) in front of the load balancer (preset section `tiers.cdn`, design.md §1b;
 * docs/tiers.md): `staticShare` of the requests arriving are static files answered at the edge;
 * they never reach the load balancer or the fleet.
 */
export type CdnTierConfig = {
	/** Share of the arriving requests the edge answers, 0–1 (0: no CDN). */
	readonly staticShare: number;
};

/** The tiers behind the web fleet (design.md §1b). */
export type TiersConfig = {
	readonly database: DatabaseTierConfig;
	/** undefined: the middleware runs on the web instances. */
	readonly app?: AppTierConfig;
	/** Absent: no cache. */
	readonly cache?: CacheTierConfig;
	/** Absent: no CDN. */
	readonly cdn?: CdnTierConfig;
};

/** `dns`: no load balancer at all — DNS round-robin over A records (data-plane/dns.ts, docs/dns.md). */
export type LoadBalancerKind = 'classic' | 'application' | 'dns';

/**
 * DNS round-robin (`loadBalancer: { kind: dns, ttl: 300s }`, design.md §1b; docs/dns.md): the
 * site's name has one A record per instance in the record set; each client resolves it to one
 * record and keeps that answer for the TTL from its own lookup — a share of clients for longer,
 * as real resolvers and clients do. No health checks: records change only by the `dns-*` actions.
 */
export type DnsConfig = {
	/** The records' TTL, seconds. Default 300 (the Route 53 console's default for a new record). */
	readonly ttlSeconds: number;
	/** Share of clients that keep an answer past its TTL (0–1). Default 0.05: an assumption (docs/dns.md). */
	readonly longCacheShare: number;
	/** How long those clients keep it, seconds (used as at least the TTL). Default 3600: an assumption (docs/dns.md). */
	readonly longCacheSeconds: number;
};
export type RoutingAlgorithm = 'round-robin' | 'least-outstanding-requests' | 'weighted';

export type HealthCheckConfig = {
	readonly path: string;
	/** Seconds between checks. Default 30 (both kinds). */
	readonly intervalSeconds: number;
	/** Seconds before a check times out. Default 5. */
	readonly timeoutSeconds: number;
	/** Consecutive passes to become healthy. Default 10 (classic) / 5 (application). */
	readonly healthyThreshold: number;
	/** Consecutive failures to become unhealthy. Default 2. */
	readonly unhealthyThreshold: number;
};

export type LoadBalancerConfig = {
	readonly kind: LoadBalancerKind;
	readonly algorithm: RoutingAlgorithm;
	readonly healthCheck: HealthCheckConfig;
	/** Default: true for application, false for classic (API default). */
	readonly crossZone: boolean;
	/** Deregistration delay / connection draining, seconds. Default 300. */
	readonly deregistrationDelaySeconds: number;
	/** Classic surge queue length. Default 1024; application has none (0). */
	readonly surgeQueueLength: number;
	/** Slow start ramp for new healthy targets, seconds (application only). Default 0 = off. */
	readonly slowStartSeconds: number;
	/** Idle timeout, seconds: a request waiting longer gets a 504. Default 60. */
	readonly idleTimeoutSeconds: number;
	/** With `kind: dns` only (absent otherwise): the records' TTL and how clients cache them. */
	readonly dns?: DnsConfig;
	/** Duration-based sticky sessions at the start (docs/stateful.md); off by default, as on AWS. */
	readonly stickiness: StickinessConfig;
};

/**
 * Duration-based sticky sessions (preset `loadBalancer.stickiness`, design.md §1b): the load
 * balancer's own cookie (ALB `AWSALB`, target group attribute `stickiness.lb_cookie.duration_seconds`;
 * Classic `AWSELB`, `LBCookieStickinessPolicy`) sends a user back to the same instance while it is valid.
 */
export type StickinessConfig = {
	readonly isEnabled: boolean;
	/**
	 * How long a cookie stays valid from when it is issued, seconds. ALB default 86,400 (1 day),
	 * 1 s … 7 days; Classic `CookieExpirationPeriod`, default 0: the browser session (no expiry in a run).
	 */
	readonly durationSeconds: number;
};

export type Comparison = '>' | '>=' | '<' | '<=';
export type Statistic = 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount';
export type MetricName = 'CPUUtilization' | 'RequestCount' | 'Latency' | 'HealthyHostCount' | 'HTTPCode_ELB_5XX' | 'RequestCountPerTarget' | 'HTTPCode_Target_5XX_Count' | RdsMetricName;
/** The dedicated database's metrics (namespace AWS/RDS, dimension DBInstanceIdentifier: the primary; systems/cloudwatch.ts). `CPUUtilization` is also one of them. */
export type RdsMetricName = 'DatabaseConnections' | 'ReplicaLag' | 'ReadIOPS' | 'WriteIOPS';
/** CloudWatch namespaces of the metrics scaletop publishes. */
export type MetricNamespace = 'AWS/EC2' | 'AWS/ELB' | 'AWS/ApplicationELB' | 'AWS/RDS';
export type TreatMissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

export type AlarmConfig = {
	/** Defaults to `<policy>-alarm` / AWS's TargetTracking-… names. */
	readonly name: string;
	readonly metric: MetricName;
	/** The metric's namespace; undefined = the metric's own (AWS/EC2 for CPUUtilization; `namespaceOf` in systems/cloudwatch.ts). */
	readonly namespace?: MetricNamespace;
	readonly statistic: Statistic;
	readonly comparison: Comparison;
	readonly threshold: number;
	/** Seconds per datapoint: 60 (detailed) or 300 (basic). */
	readonly periodSeconds: number;
	/** N: datapoints looked at. */
	readonly evaluationPeriods: number;
	/** M of N; defaults to N. */
	readonly datapointsToAlarm: number;
	readonly treatMissingData: TreatMissingData;
};

export type AdjustmentType = 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';

export type StepAdjustment = {
	/** Relative to the threshold; undefined = -infinity. */
	readonly lower?: number;
	/** Relative to the threshold; undefined = +infinity. */
	readonly upper?: number;
	readonly adjustment: number;
};

export type PolicyConfig =
	| {
			readonly name: string;
			readonly type: 'simple';
			readonly alarm: AlarmConfig;
			readonly adjustmentType: AdjustmentType;
			readonly adjustment: number;
			/** Falls back to the group's defaultCooldownSeconds. */
			readonly cooldownSeconds?: number;
			readonly minAdjustmentMagnitude?: number;
	  }
	| {
			readonly name: string;
			readonly type: 'step';
			readonly alarm: AlarmConfig;
			readonly adjustmentType: AdjustmentType;
			readonly steps: readonly StepAdjustment[];
			readonly estimatedInstanceWarmupSeconds?: number;
			readonly minAdjustmentMagnitude?: number;
	  }
	| {
			readonly name: string;
			readonly type: 'target-tracking';
			readonly metric: 'CPUUtilization' | 'RequestCountPerTarget';
			readonly target: number;
			readonly disableScaleIn: boolean;
			readonly estimatedInstanceWarmupSeconds?: number;
	  }
	| {
			readonly name: string;
			readonly type: 'scheduled';
			/** Seconds from the start of the run. */
			readonly atSeconds: number;
			/** Repeat every N seconds (e.g. 86400 for a daily action); undefined = once. */
			readonly everySeconds?: number;
			readonly desired?: number;
			readonly min?: number;
			readonly max?: number;
	  };

export type TerminationPolicy = 'Default' | 'OldestInstance' | 'NewestInstance' | 'ClosestToNextInstanceHour' | 'OldestLaunchTemplate';

export type AutoScalingConfig = {
	readonly name: string;
	readonly instanceType: string;
	readonly zones: readonly string[];
	readonly min: number;
	readonly max: number;
	readonly desired: number;
	readonly healthCheckType: 'EC2' | 'ELB';
	/** Default 300 (console). */
	readonly healthCheckGracePeriodSeconds: number;
	/** Default 300; simple policies only. */
	readonly defaultCooldownSeconds: number;
	/** Default instance warm-up; undefined = not enabled (AWS default). */
	readonly defaultInstanceWarmupSeconds?: number;
	readonly terminationPolicies: readonly TerminationPolicy[];
	readonly newInstancesProtectedFromScaleIn: boolean;
	/** basic = 5-minute metrics, detailed = 1-minute. */
	readonly monitoring: 'basic' | 'detailed';
	readonly policies: readonly PolicyConfig[];
	readonly purchaseOption: PurchaseOption;
};

/** A standalone instance outside the group (scale-up stories, a single server). */
export type StandaloneInstanceConfig = {
	readonly name?: string;
	readonly instanceType: string;
	readonly zone: string;
	/** Registered with the load balancer? Default true. */
	readonly behindLoadBalancer: boolean;
	readonly hasElasticIp: boolean;
	readonly purchaseOption: PurchaseOption;
};

export type OpenLoadPattern =
	| {readonly pattern: 'constant'; readonly ratePerSecond: number}
	| {readonly pattern: 'ramp'; readonly fromPerSecond: number; readonly toPerSecond: number; readonly overSeconds: number}
	| {readonly pattern: 'spike'; readonly ratePerSecond: number; readonly factor: number; readonly atSeconds: number; readonly forSeconds: number}
	| {readonly pattern: 'steps'; readonly steps: readonly {readonly atSeconds: number; readonly ratePerSecond: number}[]}
	/** A day's curve: `ratePerSecond` is the peak, `troughPerSecond` the night, `periodSeconds` default 86400. */
	| {readonly pattern: 'daily'; readonly ratePerSecond: number; readonly troughPerSecond: number; readonly periodSeconds: number; readonly peakAtSeconds: number}
	| {readonly pattern: 'sine'; readonly ratePerSecond: number; readonly troughPerSecond: number; readonly periodSeconds: number; readonly peakAtSeconds: number}
	/** Points of (seconds, rate) in increasing time order, linearly interpolated; the loader reads the CSV. */
	| {
			readonly pattern: 'trace';
			readonly points: readonly {readonly atSeconds: number; readonly ratePerSecond: number}[];
			/** The highest point's rate, req/s (max of the points' rates, 0 without points): the nominal rate a timeline `load: { rate }` replaces. */
			readonly peakPerSecond: number;
	  }
	/**
	 * Recorded traffic replayed exactly: `counts[k]` requests arrive in the bin
	 * [k × binSeconds, (k + 1) × binSeconds) of simulated time, spread evenly within it, and none
	 * after the last bin. No Poisson noise on the counts (they are what happened); a tick takes
	 * the requests of the bins it covers. The loader builds it from an ALB access log (1-s bins),
	 * a CloudWatch RequestCount export (one bin per period) or a scaletop metrics file.
	 */
	| {
			readonly pattern: 'recorded';
			readonly binSeconds: number;
			readonly counts: readonly number[];
			/** The busiest bin's rate, req/s (max(counts) / binSeconds): the nominal rate a timeline `load: { rate }` replaces. */
			readonly peakPerSecond: number;
	  };

export type LoadConfig =
	| ({readonly kind: 'open'; readonly arrivals: 'poisson' | 'uniform'} & OpenLoadPattern)
	| {
			readonly kind: 'closed';
			/** ab's -c: clients, each with one request outstanding. */
			readonly concurrency: number;
			/** ab's -n: total requests; undefined = forever. */
			readonly requests?: number;
			/** Mean think time between a response and the next request, seconds. */
			readonly thinkSeconds: number;
	  };

/** One scheduled entry of a preset's timeline. */
export type TimelineEntry = {readonly atTick: number; readonly action: SimAction};

export type ChaosMonkeyConfig = {readonly isEnabled: boolean; readonly intervalSeconds: number};

/** The complete input of a run. */
export type SimConfig = {
	readonly name: string;
	readonly title: string;
	readonly description: string;
	readonly seed: number;
	/** Simulated seconds per tick. Default 1. */
	readonly tickSeconds: number;
	/** Length of a headless run, seconds. */
	readonly durationSeconds: number;
	readonly region: string;
	readonly app: AppProfile;
	readonly loadBalancer: LoadBalancerConfig;
	/** undefined: no Auto Scaling group (e.g. a standalone instance). */
	readonly autoScaling?: AutoScalingConfig;
	readonly instances: readonly StandaloneInstanceConfig[];
	readonly load: LoadConfig;
	readonly timeline: readonly TimelineEntry[];
	readonly chaosMonkey: ChaosMonkeyConfig;
	/** The tiers behind the web fleet; the default is today's single web tier doing everything. */
	readonly tiers: TiersConfig;
	/** The users whose data the site keeps (consistency of reads); `active: 0` when not modelled. */
	readonly users: UsersConfig;
};
