/**
 * What scaletop writes for programs to read, as zod schemas: the JSON summary (`--headless
 * --json`), a metrics line (`--metrics`) and an events line (`--events`). `npm run schema`
 * turns them into schema/summary.schema.json, schema/metrics-line.schema.json and
 * schema/events-line.schema.json; tests check real output against those files with ajv (strict)
 * and that the checked-in files are the generated ones.
 *
 * Every object is open (extra properties allowed): later sessions add fields (as `tiers` and
 * `consistency` in the summary, `bottleneck` in a metrics line, design.md §1b) — a reader written for
 * `schemaVersion` 1 keeps working. A field removed or changed in meaning raises `schemaVersion`.
 */
import {z} from 'zod';
import type {MetricsLine, RunSummary} from '../sim/index.js';
import {eventKinds, type EventLine} from './events.js';
import {busiestTargets, maxTargetsShown} from './busiest-targets.js';

/** The JSON summary's `schemaVersion`: raised when a field is removed or changes meaning. */
export const summarySchemaVersion = 1;

const count = z.number().min(0);
const errorCounts = z.looseObject({'500': count, '502': count, '503': count, '504': count}).describe('Failed requests by HTTP status: 500 the target answered it (the database timed out or was full: HTTPCode_Target_5XX_Count), 502 no target answered, 503 none registered or the queue is full (surge), 504 timed out.');
const tierNames = ['web', 'app', 'cache', 'database'] as const;
const tierSummary = z.looseObject({
	nodes: count.describe('Its nodes at the end (web: running instances; database: the primary and its read replicas).'),
	cpuAvg: count.describe('Mean utilisation of its vCPUs over the run, percent.'),
	latencyMs: z.looseObject({mean: count, p99: count}).describe('Time a request spent in this tier, milliseconds (the whole route for web when it is the only tier).'),
	peakUtilisation: count.describe('The highest utilisation of a tick, percent.'),
	bottleneckSeconds: count.describe('Simulated seconds it was the busiest tier.'),
	costUsd: count.describe('What its nodes cost, US dollars.'),
	shards: z.array(z.looseObject({
		id: z.string().describe('Its primary\'s RDS identifier.'),
		users: z.string().describe('The users it owns, first-last (1-5000).'),
		nodes: count.describe('Its primary and its read replicas.'),
		requests: count.describe('Requests of its users that reached the database.'),
		cpuAvg: count.describe('Its busiest node\'s mean utilisation, percent.'),
		peakUtilisation: count.describe('Its busiest node\'s highest utilisation of a tick, percent.'),
	})).readonly().optional().describe('database only, when it has more than one shard: each shard in user order (docs/tiers.md).'),
	lookups: count.optional().describe('The cache only: database reads it was asked.'),
	hits: count.optional().describe('The cache only: reads it answered itself.'),
	hitRate: count.optional().describe('The cache only: hits / lookups, percent (CloudWatch\'s CacheHitRate over the run).'),
	requests: count.optional().describe('The CDN only: requests answered at the edge.'),
	gigabytes: count.optional().describe('The CDN only: their transfer out, GB of 2^30 bytes (30 KiB per response).'),
	staticShare: count.optional().describe('The CDN only: the share of the arriving requests it answers at the end, 0–1.'),
});

/** The headless JSON summary (design.md §2 and §1b). */
export const summaryJsonSchema = z.looseObject({
	schemaVersion: z.literal(summarySchemaVersion).describe('The version of this layout; raised when a field is removed or changes meaning.'),
	preset: z.string().describe('The preset\'s name.'),
	seed: z.int().min(0).max(4_294_967_295),
	settings: z.record(z.string(), z.unknown()).optional().describe('The --set KEY=VALUE overrides of this run, when any.'),
	simulatedSeconds: count,
	requests: z.looseObject({arrived: count, completed: count, failed: count, inFlight: count}),
	errors: errorCounts,
	latencyMs: z.looseObject({mean: count, p50: count, p90: count, p95: count, p99: count, max: count}).describe('Latency of completed requests, milliseconds.'),
	throughputPerSecond: count,
	instances: z.looseObject({launched: count, terminated: count, peak: count, final: count}),
	scalingActivities: count,
	cost: z.looseObject({totalUsd: count, instanceHours: count, fixedPeakFleetUsd: count, elbUsd: count, elasticIpUsd: count}),
	alarms: z.array(z.looseObject({name: z.string(), state: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']), transitions: count})).readonly(),
	elb: z.looseObject({
		present: z.boolean().describe('false: the run has no load balancer, and routed counts the requests clients sent straight to each instance.'),
		routed: z.record(z.string(), count).describe(`Requests routed to each target, by instance id, in launch order: every target, or in a fleet of more than ${maxTargetsShown} the ${maxTargetsShown} busiest.`),
		otherTargets: z.looseObject({count, requests: count}).describe('The targets left out of routed, and the requests they took between them (0 and 0 when routed lists every target).'),
		removedInstances: count.optional().describe('Terminated instances that have left the list (an hour after termination, as in the EC2 console); their requests are in routedToRemoved, not routed or otherTargets.'),
		routedToRemoved: count.optional().describe('Requests routed to those removed instances: with routed and otherTargets, every request routed.'),
		dns: z.looseObject({ttlSeconds: count, records: z.array(z.string()).readonly()}).optional().describe('DNS round-robin instead of an ELB (loadBalancer.kind dns; present is false): the TTL, seconds, and the instance ids with an A record at the end.'),
	}),
	tiers: z.looseObject({cdn: tierSummary.optional(), web: tierSummary, app: tierSummary.optional(), cache: tierSummary.optional(), database: tierSummary.optional()}).describe('Each tier of the route, in route order: the CDN when the run has one, web, then app when the middleware runs apart, the cache when the run has one, then database when it is dedicated (design.md §1b).'),
	consistency: z.looseObject({
		users: count.describe('Active users modelled (the preset\'s users.active); 0: no users section, nothing written.'),
		reads: count.describe('Reads completed (requests that did not write).'),
		readsAfterWrite: count.describe('Reads by a user who had written before.'),
		inconsistentReads: count.describe('Reads after a write served by an instance that did not hold the user\'s latest write (each instance with its own database); 0 with a dedicated database.'),
		lostSessions: count.describe('Users whose latest write went away with a terminated instance (its own database on its disk).'),
	}).describe('Whose data is where (design.md §1b, docs/stateful.md): expected counts, rounded.'),
});

/** A `--metrics` line (design.md §2): one per simulated interval. */
export const metricsLineSchema = z.looseObject({
	t: count.describe('Simulated seconds since the start, at the end of the interval.'),
	arrivalRate: count.describe('Requests per second that arrived during the interval.'),
	completedRate: count.describe('Requests per second completed during the interval.'),
	cpuAvg: count.describe('Mean CPU utilisation of the InService instances, percent.'),
	latencyP50: count.describe('Median latency of recent requests, milliseconds.'),
	latencyP99: count,
	inService: count,
	pending: count,
	desired: count,
	healthy: count.describe('Targets the load balancer sees as healthy.'),
	errors: errorCounts.describe('Failed requests during the interval, by HTTP status.'),
	costUsd: count.describe('Total cost so far, US dollars.'),
	bottleneck: z.enum(tierNames).describe('The busiest tier in the last tick.'),
	tierCpu: z.looseObject({web: count, app: count.optional(), cache: count.optional(), database: count.optional()}).describe('Each tier\'s utilisation in the last tick, percent.'),
	inconsistentReads: count.describe('Inconsistent reads per second during the interval (see the summary\'s consistency).'),
	lostSessions: count.describe('Users whose latest write was lost, per second during the interval.'),
	database: z.strictObject({
		connections: count.describe('Requests the primary holds (DatabaseConnections).'),
		replicaLagSeconds: count.describe('ReplicaLag: the largest over the replicas, seconds (0 without one).'),
		readIops: count.describe('Reads the primary executed per second (ReadIOPS: one I/O per query).'),
		writeIops: count.describe('Writes the primary executed per second (WriteIOPS).'),
	}).optional().describe('The dedicated database\'s primary in the last tick (absent while the database is colocated).'),
	cacheHitRate: count.optional().describe('The cache\'s hit rate during the interval, percent (CacheHitRate); only when the run has a cache.'),
});

/** An `--events` line (design.md §1b). */
export const eventLineSchema = z.looseObject({
	t: count.describe('Simulated seconds since the start.'),
	kind: z.enum(eventKinds),
	text: z.string().describe('What happened, in AWS\'s wording where AWS has one.'),
	cause: z.string().optional().describe('AWS\'s cause, when there is one.'),
});

/** The summary's `elb` as `--json` prints it: the busiest targets and the others summed. */
export type SummaryElbJson = {
	readonly present: boolean;
	readonly routed: Readonly<Record<string, number>>;
	readonly otherTargets: {readonly count: number; readonly requests: number};
	readonly removedInstances?: number;
	readonly routedToRemoved?: number;
	readonly dns?: {readonly ttlSeconds: number; readonly records: readonly string[]};
};

/** The summary as `--json` prints it. */
export type SummaryJson = {readonly schemaVersion: typeof summarySchemaVersion} & Omit<RunSummary, 'elb'> & {readonly elb: SummaryElbJson};

/**
 * The summary as `--json` prints it: `schemaVersion` first, then the summary (with `settings`
 * after the seed); `elb` names the busiest targets and sums the rest (./busiest-targets.ts).
 */
export function summaryJson(summary: RunSummary): SummaryJson {
	// A summary read back from --json (sweep --merge) already has this shape.
	const elb = summary.elb as RunSummary['elb'] | SummaryElbJson;
	if ('otherTargets' in elb) return {schemaVersion: summarySchemaVersion, ...summary, elb};
	const {shown, others} = busiestTargets(elb.routed);
	return {schemaVersion: summarySchemaVersion, ...summary, elb: {present: elb.isPresent, routed: Object.fromEntries(shown), otherTargets: {count: others.targets, requests: others.requests}, removedInstances: elb.removedInstances ?? 0, routedToRemoved: elb.routedToRemoved ?? 0, ...(elb.dns ? {dns: elb.dns} : {})}};
}

// The TypeScript types the program writes must fit the schemas (checked by tsc).
type Fits<Written, Schema extends z.ZodType> = Written extends z.input<Schema> ? true : never;
export const writtenTypesFit: [
	Fits<ReturnType<typeof summaryJson>, typeof summaryJsonSchema>,
	Fits<MetricsLine, typeof metricsLineSchema>,
	Fits<EventLine, typeof eventLineSchema>,
] = [true, true, true];

/** The JSON Schema files (`npm run schema`): file name → the schema as pretty-printed text. */
export function outputJsonSchemaTexts(): Record<string, string> {
	const texts: Record<string, string> = {};
	const schemas = [
		['summary.schema.json', summaryJsonSchema, 'scaletop headless summary', 'The JSON summary of scaletop PRESET --headless --json.'],
		['metrics-line.schema.json', metricsLineSchema, 'scaletop metrics line', 'One line of scaletop --metrics FILE (NDJSON).'],
		['events-line.schema.json', eventLineSchema, 'scaletop events line', 'One line of scaletop --events FILE (NDJSON).'],
	] as const;
	for (const [file, schema, title, description] of schemas) {
		const json = z.toJSONSchema(schema, {target: 'draft-7', io: 'output'});
		texts[file] = `${JSON.stringify({...json, title, description}, null, '\t')}\n`;
	}

	return texts;
}
