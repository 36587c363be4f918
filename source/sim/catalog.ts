/**
 * EC2 instance catalog (us-east-1, Linux, on-demand) and app profiles.
 * Prices and T2 credit figures from shared/reference/aws-behaviour.md §6.
 */

export type InstanceTypeSpec = {
	readonly name: string;
	readonly vcpus: number;
	readonly memoryGiB: number;
	/** On-demand price, USD per hour. */
	readonly priceUsdPerHour: number;
	/** t2 burstable: baseline per vCPU (0–100), credits earned per hour, credit cap. undefined = not burstable. */
	readonly burst?: {readonly baselinePercentPerVcpu: number; readonly creditsPerHour: number; readonly maxCredits: number};
};

const t2 = (name: string, vcpus: number, memoryGiB: number, price: number, baseline: number, perHour: number, max: number): InstanceTypeSpec => ({
	name,
	vcpus,
	memoryGiB,
	priceUsdPerHour: price,
	burst: {baselinePercentPerVcpu: baseline, creditsPerHour: perHour, maxCredits: max},
});

const fixed = (name: string, vcpus: number, memoryGiB: number, price: number): InstanceTypeSpec => ({name, vcpus, memoryGiB, priceUsdPerHour: price});

/** The catalog, smallest to largest within each family. */
export const instanceTypes: Readonly<Record<string, InstanceTypeSpec>> = {
	't2.nano': t2('t2.nano', 1, 0.5, 0.0058, 5, 3, 72),
	't2.micro': t2('t2.micro', 1, 1, 0.0116, 10, 6, 144),
	't2.small': t2('t2.small', 1, 2, 0.023, 20, 12, 288),
	't2.medium': t2('t2.medium', 2, 4, 0.0464, 20, 24, 576),
	't2.large': t2('t2.large', 2, 8, 0.0928, 30, 36, 864),
	't2.xlarge': t2('t2.xlarge', 4, 16, 0.1856, 22.5, 54, 1296),
	'm5.large': fixed('m5.large', 2, 8, 0.096),
	'm5.xlarge': fixed('m5.xlarge', 4, 16, 0.192),
	'c5.large': fixed('c5.large', 2, 4, 0.085),
	'c5.xlarge': fixed('c5.xlarge', 4, 8, 0.17),
	'c5.2xlarge': fixed('c5.2xlarge', 8, 16, 0.34),
	'd2.8xlarge': fixed('d2.8xlarge', 36, 244, 5.52),
};

/** Names of every instance type, in catalog order. */
export const instanceTypeNames: readonly string[] = Object.keys(instanceTypes);

/** T2 launch credits per vCPU (standard mode). */
export const t2LaunchCreditsPerVcpu = 30;

/** Fraction of the on-demand price paid for spot (typical 70 % off) and reserved (1-year, ~40 % off). */
export const purchasePriceFactor = {'on-demand': 1, spot: 0.3, reserved: 0.6} as const;

/**
 * ELB hourly price (classic $0.025/h; application $0.0225/h plus LCUs, approximated by the hour).
 * `dns`: no load balancer; Route 53's $0.50 per hosted zone-month and $0.40 per million queries are not billed (cents a month).
 */
export const loadBalancerUsdPerHour = {classic: 0.025, application: 0.0225, dns: 0} as const;

/** Public IPv4 / Elastic IP, USD per hour (since Feb 2024). */
export const elasticIpUsdPerHour = 0.005;

/**
 * App profiles by name. wordpress: 33.6 ms of CPU per page, so one t2.micro serves ~29.8 req/s
 * (ab, measured). The split says where that work runs once the tiers are apart (docs/tiers.md):
 * `webCpuMs` on the web server, `appCpuMs` in the middleware (PHP), `dbReads` + `dbWrites`
 * queries of `dbQueryCpuMs` each on the database; on one box they add up to `cpuMs`
 * (wordpress: 3.6 + 18 + (10 + 2) × 1.0 = 33.6 ms). `staticShare`: requests for static files.
 */
export const appProfiles = {
	wordpress: {name: 'wordpress', cpuMs: 33.6, cv: 1, timeoutMs: 60_000, backlogPerVcpu: 1000, startSeconds: 30, webCpuMs: 3.6, appCpuMs: 18, dbReads: 10, dbWrites: 2, dbQueryCpuMs: 1, staticShare: 0},
	static: {name: 'static', cpuMs: 2, cv: 0.5, timeoutMs: 60_000, backlogPerVcpu: 5000, startSeconds: 10, webCpuMs: 2, appCpuMs: 0, dbReads: 0, dbWrites: 0, dbQueryCpuMs: 0, staticShare: 1},
	api: {name: 'api', cpuMs: 12, cv: 1, timeoutMs: 30_000, backlogPerVcpu: 2000, startSeconds: 20, webCpuMs: 1, appCpuMs: 7, dbReads: 3, dbWrites: 1, dbQueryCpuMs: 1, staticShare: 0},
	batch: {name: 'batch', cpuMs: 250, cv: 0.2, timeoutMs: 60_000, backlogPerVcpu: 200, startSeconds: 60, webCpuMs: 2, appCpuMs: 208, dbReads: 30, dbWrites: 10, dbQueryCpuMs: 1, staticShare: 0},
} as const;

export type AppProfileName = keyof typeof appProfiles;

/** The split keys of an app profile, in the order a preset lists them. */
export const profileSplitKeys = ['webCpuMs', 'appCpuMs', 'dbReads', 'dbWrites', 'dbQueryCpuMs'] as const;

/** CPU per request on one box, ms: web + app + every query (what `cpuMs` must equal). */
export function splitCpuMs(p: {readonly webCpuMs: number; readonly appCpuMs: number; readonly dbReads: number; readonly dbWrites: number; readonly dbQueryCpuMs: number}): number {
	return p.webCpuMs + p.appCpuMs + ((p.dbReads + p.dbWrites) * p.dbQueryCpuMs);
}

/** An RDS DB instance class (MySQL, Single-AZ, on-demand, us-east-1; docs/tiers.md cites the figures). */
export type DbInstanceClassSpec = {
	readonly name: string;
	readonly vcpus: number;
	readonly memoryGiB: number;
	/** On-demand price, USD per hour, Single-AZ (Multi-AZ: twice, a standby in another zone). */
	readonly priceUsdPerHour: number;
};

const dbClass = (name: string, vcpus: number, memoryGiB: number, price: number): DbInstanceClassSpec => ({name, vcpus, memoryGiB, priceUsdPerHour: price});

/** The DB instance classes, smallest to largest within each family. */
export const dbInstanceClasses: Readonly<Record<string, DbInstanceClassSpec>> = {
	'db.t3.micro': dbClass('db.t3.micro', 2, 1, 0.017),
	'db.t3.small': dbClass('db.t3.small', 2, 2, 0.034),
	'db.t3.medium': dbClass('db.t3.medium', 2, 4, 0.068),
	'db.t3.large': dbClass('db.t3.large', 2, 8, 0.136),
	'db.m5.large': dbClass('db.m5.large', 2, 8, 0.171),
	'db.m5.xlarge': dbClass('db.m5.xlarge', 4, 16, 0.342),
	'db.r5.large': dbClass('db.r5.large', 2, 16, 0.25),
	'db.r5.xlarge': dbClass('db.r5.xlarge', 4, 32, 0.5),
};

/** Names of every DB instance class, in catalog order. */
export const dbInstanceClassNames: readonly string[] = Object.keys(dbInstanceClasses);

/** RDS bills per second with a 10-minute minimum (USER_OnDemandDBInstances). */
export const dbMinimumBilledSeconds = 600;

/**
 * Multi-AZ failover, seconds: "typically 60–120 seconds" (RDS User Guide, Concepts.MultiAZ.Failover);
 * scaletop takes the middle. A class change of a Multi-AZ database is out for one failover.
 */
export const multiAzFailoverSeconds = 90;

/**
 * A Single-AZ database is out while its class changes; AWS publishes no figure. scaletop assumes
 * 5 minutes (an assumption, docs/tiers.md).
 */
export const singleAzModifySeconds = 300;

/**
 * A failed Single-AZ primary with no replica: RDS replaces the instance and restores it; AWS
 * publishes no figure. scaletop assumes 5 minutes, as for a Single-AZ class change (an assumption).
 */
export const singleAzRecoverySeconds = 300;

/**
 * Promoting a read replica when a Single-AZ primary fails: "RDS reboots the DB instance before
 * making it available. The promotion process can take several minutes or longer"
 * (USER_ReadRepl.Promote). scaletop assumes 5 minutes from the failure to the promoted primary
 * taking writes (an assumption within "several minutes", the detection included).
 */
export const promoteReplicaSeconds = 300;

/** Read replicas per source DB instance (RDS for MySQL allows up to 15, USER_ReadRepl). */
export const maxReadReplicas = 15;

/**
 * Creating a read replica: RDS takes a snapshot of the source, restores it and starts
 * replication (USER_ReadRepl.Create); AWS publishes no duration. scaletop assumes 5 minutes for
 * a small database (an assumption, docs/tiers.md).
 */
export const replicaCreateSeconds = 300;

/** The app tier's instances at most (fixed instances behind an internal load balancer: scaletop's limit). */
export const maxAppInstances = 100;

/** A read replica's RDS identifier: `<its primary>-replica-N` (scaletop-db-replica-1 on an unsharded database). */
export function replicaId(n: number, primaryId = databaseId): string {
	return `${primaryId}-replica-${n}`;
}

/** The dedicated database's RDS identifier, and its only primary's when it has one shard. */
export const databaseId = 'scaletop-db';

/** Shard N's primary's RDS identifier when there are several (scaletop-db-shard-2). */
export function shardId(n: number): string {
	return `${databaseId}-shard-${n}`;
}

/**
 * Shards a database may have: RDS's default quota of DB instances per Region is 40
 * (CHAP_Limits); scaletop takes it as the limit on primaries (replicas aside).
 */
export const maxShards = 40;

/**
 * `add-shard`: a new primary restored from a snapshot of the shard it splits, then the moved
 * range cut over to it. RDS has no resharding of its own and publishes no duration for a
 * restore; scaletop assumes 5 minutes, as for a read replica (an assumption, docs/tiers.md).
 */
export const shardCreateSeconds = 300;

/**
 * An ElastiCache node type (us-east-1, on-demand; docs/tiers.md: the prices are the published
 * list figures as remembered, **unverified** this session). Billed per node-hour from launch
 * until deletion, each partial node-hour as a full hour.
 */
export type CacheNodeTypeSpec = {
	readonly name: string;
	readonly vcpus: number;
	readonly memoryGiB: number;
	/** On-demand price, USD per node-hour. */
	readonly priceUsdPerHour: number;
};

const cacheNode = (name: string, vcpus: number, memoryGiB: number, price: number): CacheNodeTypeSpec => ({name, vcpus, memoryGiB, priceUsdPerHour: price});

/** The cache node types, smallest to largest within each family. */
export const cacheNodeTypes: Readonly<Record<string, CacheNodeTypeSpec>> = {
	'cache.t3.micro': cacheNode('cache.t3.micro', 2, 0.5, 0.017),
	'cache.t3.small': cacheNode('cache.t3.small', 2, 1.37, 0.034),
	'cache.t3.medium': cacheNode('cache.t3.medium', 2, 3.09, 0.068),
	'cache.m5.large': cacheNode('cache.m5.large', 2, 6.38, 0.156),
	'cache.m5.xlarge': cacheNode('cache.m5.xlarge', 4, 12.93, 0.311),
	'cache.r5.large': cacheNode('cache.r5.large', 2, 13.07, 0.216),
	'cache.r5.xlarge': cacheNode('cache.r5.xlarge', 4, 26.32, 0.431),
};

/** Names of every cache node type, in catalog order. */
export const cacheNodeTypeNames: readonly string[] = Object.keys(cacheNodeTypes);

/**
 * CPU per cache lookup (a GET of one small key) on the cache node, ms: 0.01 ms, i.e. 100,000
 * lookups/s per vCPU — the order redis-benchmark reports for GETs on one core without
 * pipelining. An **assumption** (docs/tiers.md); no network round trip is added, as none is for
 * the database's queries.
 */
export const cacheLookupCpuMs = 0.01;

/** ElastiCache bills each node per node-hour, a partial hour as a full one. */
export const cacheBilledSeconds = 3600;

/** The cache cluster's identifier shown in events. */
export const cacheId = 'scaletop-cache';

/**
 * CloudFront (the CDN), United States edge locations, on-demand (aws.amazon.com/cloudfront/pricing,
 * read 2026-12-04): data transfer out to the internet $0.085 per GB for the first 10 TB a month,
 * HTTPS requests $0.0100 per 10,000. The always-free tier (1 TB and 10 million requests a month)
 * and the cheaper tiers past 10 TB are left out: every request is billed at these rates.
 */
export const cdnUsdPerGb = 0.085;
export const cdnUsdPer10kRequests = 0.01;
/** A static response's size, bytes: 30 KiB (an image, a stylesheet or a script; an assumption, docs/tiers.md). */
export const cdnResponseBytes = 30 * 1024;
/** AWS bills data transfer in GB of 2^30 bytes. */
export const bytesPerGb = 2 ** 30;
/** What one request served at the edge costs, USD (transfer + request). */
export const cdnUsdPerRequest = (cdnUsdPerGb * cdnResponseBytes / bytesPerGb) + (cdnUsdPer10kRequests / 10_000);
/** Latency of a request answered at the edge, ms (a cached object from a nearby edge location; an assumption). */
export const cdnEdgeLatencyMs = 15;
