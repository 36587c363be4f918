/**
 * AWS's defaults (shared/reference/aws-behaviour.md) and `makeConfig`, which fills a partial
 * config with them. Used by presets, `scaletop ab` and tests alike, so a default lives in one place.
 */
import {appProfiles, profileSplitKeys, splitCpuMs} from './catalog.js';
import type {AlarmConfig, AppProfile, AppTierConfig, AutoScalingConfig, CacheTierConfig, CdnTierConfig, DatabaseTierConfig, DnsConfig, HealthCheckConfig, LoadBalancerConfig, LoadBalancerKind, SimConfig, StickinessConfig, UsersConfig} from './config.js';

/** Health-check defaults per load balancer kind (classic: healthy 10; application: healthy 5). */
export function defaultHealthCheck(kind: LoadBalancerKind): HealthCheckConfig {
	return kind === 'classic'
		? {path: '/index.html', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 10, unhealthyThreshold: 2}
		: {path: '/', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2};
}

export function defaultLoadBalancer(kind: LoadBalancerKind = 'classic'): LoadBalancerConfig {
	return {
		kind,
		algorithm: 'round-robin',
		healthCheck: defaultHealthCheck(kind),
		crossZone: kind === 'application',
		deregistrationDelaySeconds: 300,
		surgeQueueLength: kind === 'classic' ? 1024 : 0,
		slowStartSeconds: 0,
		idleTimeoutSeconds: 60,
		stickiness: defaultStickiness(kind),
	};
}

/** Stickiness off; when on, ALB's cookie lasts 1 day (86,400 s), Classic's the browser session (0: no expiry). */
export function defaultStickiness(kind: LoadBalancerKind = 'classic'): StickinessConfig {
	return {isEnabled: false, durationSeconds: kind === 'application' ? 86_400 : 0};
}

export function defaultAutoScaling(): AutoScalingConfig {
	return {
		name: 'scaletop-asg',
		instanceType: 't2.micro',
		zones: ['us-east-1a', 'us-east-1b'],
		min: 1,
		max: 4,
		desired: 2,
		healthCheckType: 'EC2',
		healthCheckGracePeriodSeconds: 300,
		defaultCooldownSeconds: 300,
		defaultInstanceWarmupSeconds: undefined,
		terminationPolicies: ['Default'],
		newInstancesProtectedFromScaleIn: false,
		monitoring: 'detailed',
		policies: [],
		purchaseOption: 'on-demand',
	};
}

/**
 * DNS round-robin's defaults: Route 53's console TTL (300 s), and 5 % of clients keeping their
 * answer for an hour whatever the TTL — an assumption, not a measurement (docs/dns.md says why).
 */
export function defaultDns(): DnsConfig {
	return {ttlSeconds: 300, longCacheShare: 0.05, longCacheSeconds: 3600};
}

/** The database's defaults: on each web instance (one box), or a Single-AZ db.t3.micro when dedicated. */
/** The app tier when a preset names it without saying more (design.md §1b's example): two c5.large. */
export const defaultAppTier: AppTierConfig = {instanceType: 'c5.large', count: 2};

export function defaultDatabase(): DatabaseTierConfig {
	return {placement: 'colocated', instanceClass: 'db.t3.micro', multiAz: false, timeoutSeconds: 30, replicas: 0, shards: 1, userSkew: 0, shardRanges: []};
}

/**
 * The `users` section's defaults (design.md §1b's example): 10,000 active users, one request in
 * ten a write. Without the section no user data is modelled (`noUsers`).
 */
export function defaultUsers(): UsersConfig {
	return {active: 10_000, writeShare: 0.1};
}

/** A cache's defaults (a `tiers.cache` section turns it on unless it says `enabled: false`): a cache.t3.micro answering 80 % of the reads. */
export const defaultCache: CacheTierConfig = {enabled: true, nodeType: 'cache.t3.micro', hitRatio: 0.8};

/** No users modelled: nothing is written, so every read is consistent (the built-in presets before issue 11). */
export const noUsers: UsersConfig = {active: 0, writeShare: 0};

/** An alarm with CloudWatch's defaults (M = N, treat missing data as missing). */
export function makeAlarm(partial: Partial<AlarmConfig> & Pick<AlarmConfig, 'name' | 'comparison' | 'threshold'>): AlarmConfig {
	const evaluationPeriods = partial.evaluationPeriods ?? 1;
	return {
		metric: 'CPUUtilization',
		statistic: 'Average',
		periodSeconds: 60,
		evaluationPeriods,
		datapointsToAlarm: partial.datapointsToAlarm ?? evaluationPeriods,
		treatMissingData: 'missing',
		...partial,
	};
}

/** A partial config: every top-level part optional, and parts shallow-merged over defaults. */
export type ConfigInput = Partial<Omit<SimConfig, 'loadBalancer' | 'autoScaling' | 'app' | 'tiers' | 'users'>> & {
	/** Absent: no users modelled; given: merged over `defaultUsers()`. */
	readonly users?: Partial<UsersConfig>;
	readonly tiers?: {readonly database?: Partial<DatabaseTierConfig>; readonly app?: Partial<AppTierConfig>; readonly cache?: Partial<CacheTierConfig>; readonly cdn?: CdnTierConfig};
	readonly loadBalancer?: Partial<Omit<LoadBalancerConfig, 'dns' | 'stickiness'>> & {readonly dns?: Partial<DnsConfig>; readonly stickiness?: Partial<StickinessConfig>};
	readonly autoScaling?: Partial<AutoScalingConfig> | null;
	readonly app?: Partial<SimConfig['app']>;
};

/**
 * The app profile from a base profile and what the input changes: a `cpuMs` alone scales the
 * split (web, app and per-query CPU alike) to match it; split keys alone set `cpuMs` to their
 * sum; both are kept as given (`checkConfig` refuses them when they disagree).
 */
export function resolveApp(base: AppProfile, input: Partial<AppProfile> = {}): AppProfile {
	const merged = {...base, ...input};
	const hasSplit = profileSplitKeys.some(key => input[key] !== undefined);
	if (input.cpuMs !== undefined && !hasSplit) {
		const f = input.cpuMs / splitCpuMs(base);
		return {...merged, webCpuMs: base.webCpuMs * f, appCpuMs: base.appCpuMs * f, dbQueryCpuMs: base.dbQueryCpuMs * f};
	}

	if (input.cpuMs === undefined && hasSplit) return {...merged, cpuMs: splitCpuMs(merged)};
	return merged;
}

/** Fill a partial config with AWS's defaults. `autoScaling: null` means no group. */
export function makeConfig(input: ConfigInput = {}): SimConfig {
	const kind = input.loadBalancer?.kind ?? 'classic';
	const {dns, ...lbInput} = input.loadBalancer ?? {};
	const loadBalancer = {...defaultLoadBalancer(kind), ...lbInput, ...(kind === 'dns' ? {dns: {...defaultDns(), ...dns}} : {})};
	return {
		name: input.name ?? 'custom',
		title: input.title ?? 'Custom scenario',
		description: input.description ?? '',
		seed: input.seed ?? 1,
		tickSeconds: input.tickSeconds ?? 1,
		durationSeconds: input.durationSeconds ?? 1800,
		region: input.region ?? 'us-east-1',
		app: resolveApp(appProfiles.wordpress, input.app),
		loadBalancer: {...loadBalancer, healthCheck: {...defaultHealthCheck(kind), ...lbInput.healthCheck}, stickiness: {...defaultStickiness(kind), ...lbInput.stickiness}},
		autoScaling: input.autoScaling === null ? undefined : {...defaultAutoScaling(), ...input.autoScaling},
		instances: input.instances ?? [],
		load: input.load ?? {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 20},
		timeline: input.timeline ?? [],
		chaosMonkey: input.chaosMonkey ?? {isEnabled: false, intervalSeconds: 600},
		tiers: {database: {...defaultDatabase(), ...input.tiers?.database}, ...(input.tiers?.app ? {app: {...defaultAppTier, ...input.tiers.app}} : {}), ...(input.tiers?.cache ? {cache: {...defaultCache, ...input.tiers.cache}} : {}), ...(input.tiers?.cdn ? {cdn: input.tiers.cdn} : {})},
		users: input.users === undefined ? noUsers : {...defaultUsers(), ...input.users},
	};
}
