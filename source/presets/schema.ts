/**
 * The preset schema: one zod schema for the YAML format of design.md §3, also published as
 * JSON Schema (schema/preset.schema.json) so editors complete and check presets.
 *
 * Strict objects everywhere (a misspelled key is an error with a "did you mean"). Fields left
 * out take AWS's defaults from `makeConfig` (source/sim/defaults.ts) when converted by
 * ./to-config.ts; the schema itself only fills defaults that live nowhere else.
 */
import {z} from 'zod';
import {appProfiles, cacheNodeTypeNames, dbInstanceClassNames, instanceTypeNames, maxAppInstances, maxReadReplicas, maxShards} from '../sim/index.js';
import {durationSchema, rateSchema} from './units.js';
import {groupSizeSchema, policySchema} from './policy-schema.js';
import {formatLimit, maxLoadSteps, maxStandaloneInstances, maxTimelineEntries} from './limits.js';
import {timelineEntrySchema} from './timeline-schema.js';
import {tracePathMessage, tracePathPattern} from './trace.js';

const instanceType = z.enum(instanceTypeNames as [string, ...string[]]);
const purchaseOption = z.enum(['on-demand', 'spot', 'reserved']);
const count = z.number().int().nonnegative();

const appSchema = z.strictObject({
	profile: z.enum(Object.keys(appProfiles) as [string, ...string[]]).optional().describe('wordpress (default), static, api or batch.'),
	cpuMs: z.number().positive().optional().describe('Mean CPU time per request on one vCPU, ms.'),
	cv: z.number().nonnegative().optional().describe('Coefficient of variation of the service time (1 = exponential, 0 = constant).'),
	timeoutMs: z.number().positive().optional(),
	backlogPerVcpu: z.number().int().positive().optional(),
	startup: durationSchema.optional().describe('Time from running until the app answers.'),
	webCpuMs: z.number().nonnegative().optional().describe('CPU per request on the web server, ms (wordpress 3.6).'),
	appCpuMs: z.number().nonnegative().optional().describe('CPU per request in the middleware, ms (wordpress 18).'),
	dbReads: z.number().int().nonnegative().optional().describe('Database reads per request (wordpress 10).'),
	dbWrites: z.number().int().nonnegative().optional().describe('Database writes per request (wordpress 2).'),
	dbQueryCpuMs: z.number().nonnegative().optional().describe('CPU per query on the database, ms (wordpress 1.0). On one box cpuMs = webCpuMs + appCpuMs + (dbReads + dbWrites) × dbQueryCpuMs.'),
	staticShare: z.number().min(0).max(1).optional().describe('Share of requests that are static files, 0–1.'),
});

const databaseTierSchema = z.strictObject({
	placement: z.enum(['colocated', 'dedicated']).optional().describe('colocated (default: each web instance runs its own, the one-box WordPress) or dedicated (a primary of its own).'),
	instanceClass: z.enum(dbInstanceClassNames as [string, ...string[]]).optional().describe('The RDS DB instance class of a dedicated database (default db.t3.micro).'),
	multiAz: z.boolean().optional().describe('A standby in another zone (billed twice).'),
	timeout: durationSchema.optional().describe('How long the app waits for the database before it answers 500 (default 30s).'),
	replicas: z.number().int().min(0).max(maxReadReplicas).optional().describe(`Read replicas of the primary at the start (0 to ${maxReadReplicas}, default 0): reads spread over the primary and its replicas, every write applied on each.`),
	shards: z.number().int().min(1, {error: 'expected at least 1 shard (a primary owning every user)'}).max(maxShards, {error: `expected at most ${maxShards} shards (RDS's default quota of DB instances per Region)`}).optional().describe(`Primaries, each owning an equal range of the users (users.active): 1 to ${maxShards}, default 1. Each has tiers.database.replicas read replicas of its own; a request goes only to the shard owning its user.`),
	userSkew: z.number().min(0, {error: 'expected a number from 0 (every user alike) to 1 (every request from the first user)'}).max(1, {error: 'expected a number from 0 (every user alike) to 1 (every request from the first user)'}).optional().describe('How unevenly the users make requests, 0–1 (default 0): the first fraction x of the users make x^(1 − userSkew) of them, so with userSkew > 0 the first shard is the hot one.'),
	shardRanges: z.array(z.string().regex(/^\d+-\d+$/, {error: 'expected a range of user ids like 1-1000'})).min(1).max(maxShards).optional().describe('Each shard\'s users in order, e.g. ["1-1000", "1001-10000"]: together they must cover users 1 to users.active once. Default: equal ranges.'),
});

const appTierSchema = z.strictObject({
	instanceType: instanceType.optional().describe('The middleware instances\' type (default c5.large).'),
	count: z.number().int().min(1).max(maxAppInstances).optional().describe(`Fixed instances behind an internal load balancer that the web tier alternates between (1 to ${maxAppInstances}, default 2).`),
});

const cacheTierSchema = z.strictObject({
	enabled: z.boolean().optional().describe('On from the start (default true); false: configured, turned on by a timeline cache action.'),
	nodeType: z.enum(cacheNodeTypeNames as [string, ...string[]]).optional().describe('The ElastiCache node type (default cache.t3.micro).'),
	hitRatio: z.number().min(0).max(1).optional().describe('Share of the database reads the cache answers, 0–1 (default 0.8); the misses and every write go on to the database.'),
});

const tiersSchema = z.strictObject({
	app: appTierSchema.optional().describe('The middleware on instances of its own (web → app → database): the web nodes do webCpuMs, each app instance appCpuMs. Needs a dedicated database.'),
	database: databaseTierSchema.optional().describe('The database behind the web tier.'),
	cache: cacheTierSchema.optional().describe('A cache (ElastiCache) in front of a dedicated database.'),
	cdn: z.strictObject({staticShare: z.number().min(0).max(1).describe('Share of the arriving requests (static files) answered at the edge, 0–1; they never reach the load balancer or the fleet.')}).optional().describe('A CDN (CloudFront) in front of the load balancer.'),
});

const usersSchema = z.strictObject({
	active: z.number().int().positive().max(1_000_000_000).optional().describe('Distinct active users (default 10,000), each request from one of them.'),
	writeShare: z.number().min(0).max(1).optional().describe('Share of requests that write the user\'s data, 0–1 (default 0.1); the rest read it. With a colocated database a read served by an instance that does not hold the user\'s latest write is inconsistent.'),
});

const healthCheckSchema = z.strictObject({
	path: z.string().optional(),
	interval: durationSchema.optional(),
	timeout: durationSchema.optional(),
	healthyThreshold: z.number().int().min(2).max(10).optional(),
	unhealthyThreshold: z.number().int().min(2).max(10).optional(),
});

const loadBalancerSchema = z.strictObject({
	kind: z.enum(['classic', 'application', 'dns']).optional().describe('classic (default), application, or dns: no load balancer, DNS round-robin over one A record per instance (docs/dns.md).'),
	algorithm: z.enum(['round-robin', 'least-outstanding-requests', 'weighted']).optional(),
	healthCheck: healthCheckSchema.optional(),
	crossZone: z.boolean().optional(),
	deregistrationDelay: durationSchema.optional(),
	surgeQueueLength: count.optional(),
	slowStart: durationSchema.optional(),
	idleTimeout: durationSchema.optional(),
	ttl: durationSchema.optional().describe('kind: dns only: the records\' TTL (default 300s, Route 53\'s console default); each client keeps its answer this long from its own lookup.'),
	longCacheShare: z.number().min(0).max(1).optional().describe('kind: dns only: share of clients that keep an answer past its TTL, 0–1 (default 0.05, an assumption: docs/dns.md).'),
	longCache: durationSchema.optional().describe('kind: dns only: how long those clients keep it (default 1h, an assumption; at least the TTL).'),
	stickiness: z.strictObject({
		enabled: z.boolean().default(true).describe('Sticky sessions on (default true when the section is given).'),
		duration: durationSchema.optional().describe('How long the load balancer\'s cookie sends a user back to the same instance: application (AWSALB) 1s to 7d, default 1d; classic (AWSELB, LBCookieStickinessPolicy) default the browser session (no expiry).'),
	}).optional().describe('Duration-based sticky sessions (docs/stateful.md).'),
});

const autoScalingSchema = z.strictObject({
	name: z.string().min(1).optional(),
	launchTemplate: z.strictObject({instanceType: instanceType.optional()}).optional(),
	zones: z.array(z.string().min(1)).min(1).optional(),
	min: groupSizeSchema.optional(),
	max: groupSizeSchema.optional(),
	desired: groupSizeSchema.optional(),
	healthCheckType: z.enum(['EC2', 'ELB']).optional(),
	healthCheckGracePeriod: durationSchema.optional(),
	defaultCooldown: durationSchema.optional(),
	defaultInstanceWarmup: durationSchema.optional(),
	terminationPolicies: z.array(z.enum(['Default', 'OldestInstance', 'NewestInstance', 'ClosestToNextInstanceHour', 'OldestLaunchTemplate'])).min(1).optional(),
	newInstancesProtectedFromScaleIn: z.boolean().optional(),
	monitoring: z.enum(['basic', 'detailed']).optional(),
	purchaseOption: purchaseOption.optional(),
	policies: z.array(policySchema).optional(),
});

const standaloneInstanceSchema = z.strictObject({
	name: z.string().optional(),
	instanceType,
	zone: z.string().min(1).optional(),
	behindLoadBalancer: z.boolean().default(true),
	elasticIp: z.boolean().default(false),
	purchaseOption: purchaseOption.default('on-demand'),
});

const arrivals = z.enum(['poisson', 'uniform']).default('poisson');
const open = <T extends string, S extends z.ZodRawShape>(pattern: T, shape: S) => z.strictObject({pattern: z.literal(pattern), arrivals, ...shape});

/** Open-loop load, by `pattern`. */
export const openLoadSchema = z.discriminatedUnion('pattern', [
	open('constant', {rate: rateSchema}),
	open('ramp', {from: rateSchema, to: rateSchema, over: durationSchema}),
	open('spike', {rate: rateSchema, factor: z.number().positive(), at: durationSchema, for: durationSchema}),
	open('steps', {steps: z.array(z.strictObject({at: durationSchema, rate: rateSchema})).min(1).max(maxLoadSteps, {error: `expected at most ${formatLimit(maxLoadSteps)} steps (scaletop's limit; a recorded load belongs in a trace file)`})}),
	open('daily', {rate: rateSchema.describe('The peak.'), trough: rateSchema, period: durationSchema.default(86_400), peakAt: durationSchema.default(50_400)}),
	open('sine', {rate: rateSchema.describe('The peak.'), trough: rateSchema, period: durationSchema, peakAt: durationSchema.default(0)}),
	open('trace', {
		file: z.string().regex(tracePathPattern, {error: tracePathMessage}).describe('The recording, inside the preset\'s folder (a relative path without ..): a file, or for alb-log a folder of .log/.log.gz files.'),
		format: z.enum(['csv', 'alb-log', 'cloudwatch', 'metrics']).default('csv').describe('csv (seconds,rate), alb-log (ALB access logs), cloudwatch (a RequestCount export of get-metric-data or get-metric-statistics) or metrics (scaletop --metrics NDJSON).'),
		scale: z.number().positive().default(1).describe('Multiplies the rate.'),
		speedup: z.number().positive().default(1).describe('Compresses time: the same rates in 1/speedup of the time.'),
	}),
]);

/** Closed-loop load, like ApacheBench: clients each with one request outstanding. */
export const closedLoadSchema = z.strictObject({
	closed: z.strictObject({concurrency: z.number().int().positive(), requests: z.number().int().positive().optional(), think: durationSchema.default(0)}),
});

/** The load generator. Branch order matters to the error reporter: open, closed. */
export const loadSchema = z.union([openLoadSchema, closedLoadSchema]);

/** A whole preset. */
export const presetSchema = z
	.strictObject({
		$schema: z.string().optional().describe('JSON Schema of this file, for editors.'),
		name: z.string().regex(/^[a-z\d][a-z\d-]*$/, {error: 'expected a kebab-case name like flash-sale'}).optional().describe('Kebab-case name; default: the file name.'),
		title: z.string().min(1).optional().describe('One line: what the preset shows.'),
		description: z.string().optional().describe('A paragraph for --list-presets readers and viewers.'),
		seed: z.number().int().nonnegative().max(4_294_967_295).optional().describe('Seed of the run (default 1); --seed overrides.'),
		duration: durationSchema.optional().describe('Length of a headless run (default 30m); --duration overrides.'),
		tick: durationSchema.optional().describe('Simulated time per tick; default 1s.'),
		region: z.string().optional().describe('AWS region name (default us-east-1).'),
		app: appSchema.optional().describe('The web application on every instance.'),
		loadBalancer: loadBalancerSchema.optional().describe('The Elastic Load Balancer (defaults: AWS\'s for its kind).'),
		autoScaling: z.union([autoScalingSchema, z.literal(false)]).optional().describe('The Auto Scaling group, or false for none.'),
		instances: z.array(standaloneInstanceSchema).max(maxStandaloneInstances, {error: `expected at most ${formatLimit(maxStandaloneInstances)} standalone instances (scaletop's limit; an Auto Scaling group holds more)`}).optional().describe('Standalone instances outside the group.'),
		load: loadSchema.optional().describe('The load generator: open loop (pattern) or closed loop (closed).'),
		timeline: z.array(timelineEntrySchema).max(maxTimelineEntries, {error: `expected at most ${formatLimit(maxTimelineEntries)} timeline entries (scaletop's limit; a recorded load belongs in a trace file)`}).optional().describe('Actions, captions and markers at absolute times.'),
		tiers: tiersSchema.optional().describe('The tiers behind the web fleet (design.md §1b); absent: one web tier doing everything.'),
		users: usersSchema.optional().describe('The site\'s users and how often they write (design.md §1b; docs/stateful.md); absent: no user data modelled.'),
		chaosMonkey: z.strictObject({enabled: z.boolean().default(true), interval: durationSchema.default(600)}).optional().describe('Kill one random InService instance every interval.'),
	})
	.meta({title: 'scaletop preset', description: 'A scripted scenario for scaletop (design.md §3).'});

/** A validated preset document (durations in seconds, rates in req/s). */
export type PresetDocument = z.output<typeof presetSchema>;
