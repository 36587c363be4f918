/**
 * A validated preset document → SimConfig. Everything the document leaves out comes from
 * `makeConfig` (AWS's defaults live there, once); this module only renames (`interval: 30s` →
 * `intervalSeconds: 30`) and drops unset fields so they cannot shadow a default.
 */
import {appProfiles, defaultAutoScaling, resolveApp, makeAlarm, makeConfig, type AlarmConfig, type AutoScalingConfig, type ConfigInput, type DatabaseTierConfig, type UserRange, type LoadConfig, type PolicyConfig, type SimConfig} from '../sim/index.js';
import type {PresetDocument} from './schema.js';
import type {AlarmInput, PolicyInput} from './policy-schema.js';
import type {TracePattern} from './trace-load.js';
import {toTimeline} from './schedule.js';

/** The object without its undefined fields. */
export function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The group's desired capacity when the preset does not say: the default, kept inside [min, max]. */
export function effectiveLimits(document: PresetDocument): {readonly min: number; readonly max: number; readonly desired: number} {
	const defaults = defaultAutoScaling();
	const group = document.autoScaling || {};
	const min = group.min ?? defaults.min;
	const max = group.max ?? Math.max(defaults.max, min);
	const desired = group.desired ?? Math.min(Math.max(defaults.desired, min), max);
	return {min, max, desired};
}

function toAlarm(alarm: AlarmInput, policyName: string): AlarmConfig {
	return makeAlarm(defined({
		name: alarm.name ?? `${policyName}-alarm`,
		metric: alarm.metric,
		...defined({namespace: alarm.namespace}),
		statistic: alarm.statistic,
		comparison: alarm.comparison,
		threshold: alarm.threshold,
		periodSeconds: alarm.period,
		evaluationPeriods: alarm.evaluationPeriods,
		datapointsToAlarm: alarm.datapointsToAlarm,
		treatMissingData: alarm.treatMissingData,
	}) as AlarmConfig);
}

function toPolicy(policy: PolicyInput): PolicyConfig {
	switch (policy.type) {
		case 'simple':
			return {name: policy.name, type: 'simple', alarm: toAlarm(policy.alarm, policy.name), adjustmentType: policy.adjustment.type, adjustment: policy.adjustment.value, ...defined({cooldownSeconds: policy.cooldown, minAdjustmentMagnitude: policy.minAdjustmentMagnitude})};
		case 'step':
			return {name: policy.name, type: 'step', alarm: toAlarm(policy.alarm, policy.name), adjustmentType: policy.adjustmentType, steps: policy.steps.map(step => defined(step) as {adjustment: number}), ...defined({estimatedInstanceWarmupSeconds: policy.estimatedInstanceWarmup, minAdjustmentMagnitude: policy.minAdjustmentMagnitude})};
		case 'target-tracking':
			return {name: policy.name, type: 'target-tracking', metric: policy.metric, target: policy.target, disableScaleIn: policy.disableScaleIn, ...defined({estimatedInstanceWarmupSeconds: policy.estimatedInstanceWarmup})};
		case 'scheduled':
			return {name: policy.name, type: 'scheduled', atSeconds: policy.at, ...defined({everySeconds: policy.every, desired: policy.desired, min: policy.min, max: policy.max})};
	}
}

function toAutoScaling(document: PresetDocument): Partial<AutoScalingConfig> | null {
	if (document.autoScaling === false) return null;
	const group = document.autoScaling ?? {};
	return defined({
		name: group.name,
		instanceType: group.launchTemplate?.instanceType,
		zones: group.zones ?? defaultZones(document),
		...effectiveLimits(document),
		healthCheckType: group.healthCheckType,
		healthCheckGracePeriodSeconds: group.healthCheckGracePeriod,
		defaultCooldownSeconds: group.defaultCooldown,
		defaultInstanceWarmupSeconds: group.defaultInstanceWarmup,
		terminationPolicies: group.terminationPolicies,
		newInstancesProtectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
		monitoring: group.monitoring,
		purchaseOption: group.purchaseOption,
		policies: group.policies?.map(toPolicy),
	});
}

function toLoad(load: NonNullable<PresetDocument['load']>, trace: TracePattern | undefined): LoadConfig {
	if ('closed' in load) return {kind: 'closed', concurrency: load.closed.concurrency, thinkSeconds: load.closed.think, ...defined({requests: load.closed.requests})};
	const base = {kind: 'open', arrivals: load.arrivals} as const;
	switch (load.pattern) {
		case 'constant':
			return {...base, pattern: 'constant', ratePerSecond: load.rate};
		case 'ramp':
			return {...base, pattern: 'ramp', fromPerSecond: load.from, toPerSecond: load.to, overSeconds: load.over};
		case 'spike':
			return {...base, pattern: 'spike', ratePerSecond: load.rate, factor: load.factor, atSeconds: load.at, forSeconds: load.for};
		case 'steps':
			return {...base, pattern: 'steps', steps: load.steps.map(step => ({atSeconds: step.at, ratePerSecond: step.rate}))};
		case 'daily':
		case 'sine':
			return {...base, pattern: load.pattern, ratePerSecond: load.rate, troughPerSecond: load.trough, periodSeconds: load.period, peakAtSeconds: load.peakAt};
		case 'trace':
			return {...base, ...(trace ?? {pattern: 'trace', points: [], peakPerSecond: 0})};
	}
}

/** Build the run's SimConfig from a validated document (and its trace, read from its files, if it has one). */
export function toConfig(document: PresetDocument, fallbackName: string, trace?: TracePattern): SimConfig {
	const tickSeconds = document.tick ?? 1;
	const app = document.app ?? {};
	const lb = document.loadBalancer ?? {};
	const hc = lb.healthCheck ?? {};
	const name = document.name ?? fallbackName;
	return makeConfig(defined({
		name,
		title: document.title ?? name,
		description: document.description,
		seed: document.seed,
		tickSeconds,
		durationSeconds: document.duration,
		region: document.region,
		app: resolveApp(appProfiles[(app.profile ?? 'wordpress') as keyof typeof appProfiles], defined({cpuMs: app.cpuMs, cv: app.cv, timeoutMs: app.timeoutMs, backlogPerVcpu: app.backlogPerVcpu, startSeconds: app.startup, webCpuMs: app.webCpuMs, appCpuMs: app.appCpuMs, dbReads: app.dbReads, dbWrites: app.dbWrites, dbQueryCpuMs: app.dbQueryCpuMs, staticShare: app.staticShare})),
		tiers: document.tiers ? defined({
			database: document.tiers.database ? toDatabase(document.tiers.database) : undefined,
			app: document.tiers.app ? defined({instanceType: document.tiers.app.instanceType, count: document.tiers.app.count}) : undefined,
			cache: document.tiers.cache ? defined({enabled: document.tiers.cache.enabled, nodeType: document.tiers.cache.nodeType, hitRatio: document.tiers.cache.hitRatio}) : undefined,
			cdn: document.tiers.cdn ? {staticShare: document.tiers.cdn.staticShare} : undefined,
		}) : undefined,
		users: document.users ? defined({active: document.users.active, writeShare: document.users.writeShare}) : undefined,
		loadBalancer: defined({
			kind: lb.kind,
			algorithm: lb.algorithm,
			healthCheck: defined({path: hc.path, intervalSeconds: hc.interval, timeoutSeconds: hc.timeout, healthyThreshold: hc.healthyThreshold, unhealthyThreshold: hc.unhealthyThreshold}),
			crossZone: lb.crossZone,
			deregistrationDelaySeconds: lb.deregistrationDelay,
			surgeQueueLength: lb.surgeQueueLength,
			slowStartSeconds: lb.slowStart,
			idleTimeoutSeconds: lb.idleTimeout,
			dns: lb.kind === 'dns' ? defined({ttlSeconds: lb.ttl, longCacheShare: lb.longCacheShare, longCacheSeconds: lb.longCache}) : undefined,
			stickiness: lb.stickiness ? defined({isEnabled: lb.stickiness.enabled, durationSeconds: lb.stickiness.duration}) : undefined,
		}),
		autoScaling: toAutoScaling(document),
		instances: document.instances?.map(instance => ({
			instanceType: instance.instanceType,
			zone: instance.zone ?? (document.autoScaling ? document.autoScaling.zones?.[0] : undefined) ?? defaultZones(document)[0],
			behindLoadBalancer: instance.behindLoadBalancer,
			hasElasticIp: instance.elasticIp,
			purchaseOption: instance.purchaseOption,
			...defined({name: instance.name}),
		})),
		load: document.load ? toLoad(document.load, trace) : undefined,
		timeline: toTimeline(document.timeline ?? [], tickSeconds),
		chaosMonkey: document.chaosMonkey ? {isEnabled: document.chaosMonkey.enabled, intervalSeconds: document.chaosMonkey.interval} : undefined,
	}) as ConfigInput);
}

type DatabaseInput = NonNullable<NonNullable<PresetDocument['tiers']>['database']>;

function toDatabase(database: DatabaseInput): Partial<DatabaseTierConfig> {
	const shardRanges = database.shardRanges?.map(range => parseUserRange(range));
	return defined({placement: database.placement, instanceClass: database.instanceClass, multiAz: database.multiAz, timeoutSeconds: database.timeout, replicas: database.replicas, shards: database.shards ?? shardRanges?.length, userSkew: database.userSkew, shardRanges});
}

/** "1-1000" → users 1 to 1000 (the schema has checked the form). */
export function parseUserRange(text: string): UserRange {
	const [first, last] = text.split('-');
	return {firstUser: Number(first), lastUser: Number(last)};
}

/** The zones a group uses when the preset names none: the region's first two (us-east-1a, us-east-1b by default). */
export function defaultZones(document: PresetDocument): string[] {
	return document.region === undefined ? [...defaultAutoScaling().zones] : [`${document.region}a`, `${document.region}b`];
}
