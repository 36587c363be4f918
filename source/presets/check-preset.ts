/**
 * Checks that need more than one field (after the schema has passed): capacity limits, alarm
 * M of N, health-check timing, zones named by timeline entries, timeline inside the duration
 * (the trace path is the schema's own check, ./trace.ts tracePathPattern). Each finding names
 * the key path to point at and says expected vs found.
 */
import {appProfiles, databaseId, defaultAutoScaling, defaultHealthCheck, defaultUsers, namespacesOf, profileSplitKeys, rangeProblem, splitCpuMs} from '../sim/index.js';
import type {PathSegment} from './problems.js';
import type {AlarmInput} from './policy-schema.js';
import type {PresetDocument} from './schema.js';
import {defaultZones, effectiveLimits, parseUserRange} from './to-config.js';
import {formatDuration} from './units.js';
import {formatLimit, maxDurationSeconds, maxTicks, maxTickSeconds, minTickSeconds} from './limits.js';

/** A finding: where (key path, and whether to point at the key or the value) and what. */
export type Finding = {readonly path: readonly PathSegment[]; readonly anchor: 'key' | 'value'; readonly message: string};

/** Every cross-field problem of a schema-valid document. */
export function checkPreset(document: PresetDocument): Finding[] {
	return [...checkTime(document), ...checkGroup(document), ...checkZones(document), ...checkLoadBalancer(document), ...checkTimeline(document), ...checkApp(document), ...checkTiers(document)];
}

/** `duration` and `tick`: inside the documented limits, and the duration a whole number of ticks. */
function checkTime(document: PresetDocument): Finding[] {
	const findings: Finding[] = [];
	const {tick, duration} = document;
	if (tick !== undefined && (tick < minTickSeconds || tick > maxTickSeconds)) {
		findings.push({path: ['tick'], anchor: 'value', message: `must be from ${formatDuration(minTickSeconds)} to ${formatDuration(maxTickSeconds)} (scaletop's limits), got ${formatDuration(tick)}`});
	}

	if (duration !== undefined && duration > maxDurationSeconds) {
		findings.push({path: ['duration'], anchor: 'value', message: `must be at most ${formatDuration(maxDurationSeconds)} (scaletop's limit), got ${formatDuration(duration)}`});
	}

	if (findings.length > 0 || tick === undefined) return findings;
	const length = duration ?? 1800;
	const ticks = length / tick;
	const at = duration === undefined ? 'tick' : 'duration';
	if (ticks < 1) findings.push({path: [at], anchor: 'value', message: `the duration (${formatDuration(length)}) must be at least one tick (${formatDuration(tick)})`});
	else if (Math.abs(ticks - Math.round(ticks)) > 1e-9) findings.push({path: [at], anchor: 'value', message: `the duration (${formatDuration(length)}) must be a whole number of ticks (${formatDuration(tick)} each)`});
	else if (ticks > maxTicks) findings.push({path: ['tick'], anchor: 'value', message: `the duration (${formatDuration(length)}) must be at most ${formatLimit(maxTicks)} ticks (scaletop's limit), got ${formatLimit(Math.round(ticks))} of ${formatDuration(tick)}`});
	return findings;
}

function checkGroup(document: PresetDocument): Finding[] {
	const findings: Finding[] = [];
	const group = document.autoScaling;
	if (group === false) {
		if ((document.instances ?? []).length === 0) findings.push({path: ['autoScaling'], anchor: 'key', message: 'with no Auto Scaling group, expected at least one entry in instances, got none'});
		return findings;
	}

	const {min, max, desired} = effectiveLimits(document);
	if (group?.max !== undefined && max < min) findings.push({path: ['autoScaling', 'max'], anchor: 'value', message: `must be ≥ min (${min}), got ${max}`});
	else if (max < min) findings.push({path: ['autoScaling', 'min'], anchor: 'value', message: `must be ≤ max (${max}), got ${min}`});
	else if (group?.desired !== undefined && (desired < min || desired > max)) findings.push({path: ['autoScaling', 'desired'], anchor: 'value', message: `must be between min (${min}) and max (${max}), got ${desired}`});
	for (const [index, policy] of (group?.policies ?? []).entries()) {
		const at = ['autoScaling', 'policies', index];
		if ('alarm' in policy && policy.alarm.datapointsToAlarm !== undefined && policy.alarm.datapointsToAlarm > policy.alarm.evaluationPeriods) {
			findings.push({path: [...at, 'alarm', 'datapointsToAlarm'], anchor: 'value', message: `must be ≤ evaluationPeriods (${policy.alarm.evaluationPeriods}), got ${policy.alarm.datapointsToAlarm}`});
		}

		if ('alarm' in policy) findings.push(...checkAlarmMetric(document, policy.alarm, [...at, 'alarm']));
		if (policy.type === 'scheduled' && policy.min !== undefined && policy.max !== undefined && policy.max < policy.min) {
			findings.push({path: [...at, 'max'], anchor: 'value', message: `must be ≥ min (${policy.min}), got ${policy.max}`});
		}

		if (policy.type === 'scheduled' && policy.desired === undefined && policy.min === undefined && policy.max === undefined) {
			findings.push({path: at, anchor: 'value', message: 'expected at least one of desired, min or max, got none'});
		}
	}

	const names = (group?.policies ?? []).map(policy => policy.name);
	for (const [index, name] of names.entries()) {
		if (names.indexOf(name) !== index) findings.push({path: ['autoScaling', 'policies', index, 'name'], anchor: 'value', message: `policy names must be unique, got "${name}" twice`});
	}

	return findings;
}

/** ELB settings mean nothing without an ELB, and DNS settings nothing with one. */
function checkDns(document: PresetDocument): Finding[] {
	const lb = document.loadBalancer;
	if (!lb) return [];
	const findings: Finding[] = [];
	if (lb.kind === 'dns') {
		for (const key of ['algorithm', 'healthCheck', 'crossZone', 'deregistrationDelay', 'surgeQueueLength', 'slowStart', 'stickiness'] as const) {
			if (lb[key] !== undefined) findings.push({path: ['loadBalancer', key], anchor: 'key', message: `applies to an ELB only; DNS round-robin (kind: dns) has no ${key}`});
		}

		const group = document.autoScaling;
		if (group && group.healthCheckType === 'ELB') findings.push({path: ['autoScaling', 'healthCheckType'], anchor: 'value', message: 'expected EC2 with DNS round-robin (kind: dns): there is no load balancer to run ELB health checks, got ELB'});
		return findings;
	}

	for (const key of ['ttl', 'longCacheShare', 'longCache'] as const) {
		if (lb[key] !== undefined) findings.push({path: ['loadBalancer', key], anchor: 'key', message: `applies to DNS round-robin only; add kind: dns, or remove ${key}`});
	}

	return findings;
}

/** An alarm's metric is published in the namespace it names, and an AWS/RDS metric needs a database of its own (at the start or by a split-database). */
function checkAlarmMetric(document: PresetDocument, alarm: AlarmInput, at: readonly PathSegment[]): Finding[] {
	const namespaces = namespacesOf(alarm.metric);
	if (alarm.namespace !== undefined && !namespaces.includes(alarm.namespace)) {
		return [{path: [...at, 'namespace'], anchor: 'value', message: `${alarm.metric} is published in ${namespaces.join(' or ')}, got ${alarm.namespace}`}];
	}

	const namespace = alarm.namespace ?? namespaces[0];
	if (namespace !== 'AWS/RDS') {
		return alarm.dimensions === undefined ? [] : [{path: [...at, 'dimensions'], anchor: 'key', message: `DBInstanceIdentifier is a dimension of AWS/RDS metrics, not of ${namespace} ones; remove dimensions or add namespace: AWS/RDS`}];
	}

	const id = alarm.dimensions?.DBInstanceIdentifier;
	if (id !== undefined && id !== databaseId) return [{path: [...at, 'dimensions', 'DBInstanceIdentifier'], anchor: 'value', message: `expected ${databaseId} (the primary: scaletop publishes the database's metrics for it), got "${id}"`}];
	const hasDatabase = document.tiers?.database?.placement === 'dedicated' || (document.timeline ?? []).some(entry => 'action' in entry && entry.action === 'split-database');
	return hasDatabase ? [] : [{path: [...at, 'metric'], anchor: 'value', message: `${alarm.metric} (AWS/RDS) needs a database of its own: tiers.database.placement: dedicated, or a split-database in the timeline`}];
}

/** The stickiness cookie's duration: whole seconds, at least 1 s; an ALB's at most 7 days (AWS's range). */
function checkStickiness(document: PresetDocument): Finding[] {
	const stickiness = document.loadBalancer?.stickiness;
	if (stickiness?.enabled && !document.users) return [{path: ['loadBalancer', 'stickiness'], anchor: 'key', message: 'sticky sessions need a users section (users: { active, writeShare }): the users whose sessions stick'}];
	const duration = stickiness?.duration;
	if (duration === undefined) return [];
	const path = ['loadBalancer', 'stickiness', 'duration'];
	const isApplication = document.loadBalancer?.kind === 'application';
	const max = isApplication ? 604_800 : Number.POSITIVE_INFINITY;
	if (duration < 1 || duration > max || !Number.isInteger(duration)) {
		const range = isApplication ? 'from 1s to 7d (the ALB\'s range for stickiness.lb_cookie.duration_seconds)' : 'at least 1s (CookieExpirationPeriod; leave it out for the browser session)';
		return [{path, anchor: 'value', message: `must be whole seconds ${range}, got ${formatDuration(duration)}`}];
	}

	return [];
}

function checkLoadBalancer(document: PresetDocument): Finding[] {
	const dns = checkDns(document);
	if (dns.length > 0) return dns;
	const hc = document.loadBalancer?.healthCheck;
	if (!hc) return checkStickiness(document);
	const defaults = defaultHealthCheck(document.loadBalancer?.kind ?? 'classic');
	const interval = hc.interval ?? defaults.intervalSeconds;
	const timeout = hc.timeout ?? defaults.timeoutSeconds;
	if (timeout >= interval) {
		const path = hc.timeout === undefined ? ['loadBalancer', 'healthCheck', 'interval'] : ['loadBalancer', 'healthCheck', 'timeout'];
		return [{path, anchor: 'value', message: `the timeout must be shorter than the interval (${formatDuration(interval)}), got ${formatDuration(timeout)}`}];
	}

	return checkStickiness(document);
}

/** The region's Availability Zones are its name and a letter (us-east-1a); a group lists each once. */
function checkZones(document: PresetDocument): Finding[] {
	const findings: Finding[] = [];
	const region = document.region ?? 'us-east-1';
	if (document.region !== undefined && !/^[a-z]{2}(?:-gov)?-[a-z]+-\d$/.test(region)) {
		findings.push({path: ['region'], anchor: 'value', message: `expected an AWS region name like us-east-1 or eu-west-1, got "${region}"`});
		return findings;
	}

	const inRegion = new RegExp(`^${region}[a-z]$`);
	const expected = `a zone of ${region} (${region}a, ${region}b, …)`;
	const groupZones = document.autoScaling === false ? undefined : document.autoScaling?.zones;
	for (const [index, zone] of (groupZones ?? []).entries()) {
		if (!inRegion.test(zone)) findings.push({path: ['autoScaling', 'zones', index], anchor: 'value', message: `expected ${expected}, got "${zone}"`});
		else if (groupZones!.indexOf(zone) < index) findings.push({path: ['autoScaling', 'zones', index], anchor: 'value', message: `expected each zone once, got "${zone}" again`});
	}

	for (const [index, instance] of (document.instances ?? []).entries()) {
		if (instance.zone !== undefined && !inRegion.test(instance.zone)) findings.push({path: ['instances', index, 'zone'], anchor: 'value', message: `expected ${expected}, got "${instance.zone}"`});
	}

	return findings;
}

function zonesOf(document: PresetDocument): string[] {
	const groupZones = document.autoScaling === false ? [] : (document.autoScaling?.zones ?? defaultZones(document));
	const standalone = (document.instances ?? []).map(instance => instance.zone).filter((zone): zone is string => zone !== undefined);
	return [...new Set([...groupZones, ...standalone])];
}

function checkTimeline(document: PresetDocument): Finding[] {
	const findings: Finding[] = [];
	const duration = document.duration;
	const zones = zonesOf(document);
	for (const [index, entry] of (document.timeline ?? []).entries()) {
		if (duration !== undefined && entry.at > duration) {
			findings.push({path: ['timeline', index, 'at'], anchor: 'value', message: `must be within the preset's duration (${formatDuration(duration)}), got ${formatDuration(entry.at)}`});
		}

		if (!('action' in entry)) continue;
		if (entry.action === 'load' && (entry.rate === undefined) === (entry.factor === undefined)) {
			findings.push({path: ['timeline', index], anchor: 'value', message: `expected exactly one of rate or factor, got ${entry.rate === undefined ? 'neither' : 'both'}`});
		}

		if (entry.action === 'az-outage' && entry.zone !== undefined && !zones.includes(entry.zone)) {
			findings.push({path: ['timeline', index, 'zone'], anchor: 'value', message: `expected one of the preset's zones (${zones.join(', ')}), got "${entry.zone}"`});
		}
	}

	return findings;
}

/** A `cpuMs` given beside split keys must be their sum (the profile fills the split keys left out). */
function checkApp(document: PresetDocument): Finding[] {
	const app = document.app;
	if (app?.cpuMs === undefined || !profileSplitKeys.some(key => app[key] !== undefined)) return [];
	const base = appProfiles[(app.profile ?? 'wordpress') as keyof typeof appProfiles];
	const split = {
		webCpuMs: app.webCpuMs ?? base.webCpuMs,
		appCpuMs: app.appCpuMs ?? base.appCpuMs,
		dbReads: app.dbReads ?? base.dbReads,
		dbWrites: app.dbWrites ?? base.dbWrites,
		dbQueryCpuMs: app.dbQueryCpuMs ?? base.dbQueryCpuMs,
	};
	const sum = splitCpuMs(split);
	if (Math.abs(sum - app.cpuMs) <= 1e-6 * app.cpuMs) return [];
	const formula = `${split.webCpuMs} + ${split.appCpuMs} + (${split.dbReads} + ${split.dbWrites}) × ${split.dbQueryCpuMs}`;
	return [{path: ['app', 'cpuMs'], anchor: 'value', message: `must equal webCpuMs + appCpuMs + (dbReads + dbWrites) × dbQueryCpuMs = ${formula} = ${Math.round(sum * 1000) / 1000} ms, got ${app.cpuMs}`}];
}

/** A database on the web instances has no class of its own, and no cache in front of it at the start; the middleware apart needs the database apart. */
function checkTiers(document: PresetDocument): Finding[] {
	const database = document.tiers?.database;
	const cache = document.tiers?.cache;
	const findings: Finding[] = [];
	if (document.tiers?.app && database?.placement !== 'dedicated') findings.push({path: ['tiers', 'app'], anchor: 'key', message: 'the middleware apart needs a database of its own; add tiers.database.placement: dedicated (the course notes split the database off first)'});
	if (cache && cache.enabled !== false && database?.placement !== 'dedicated') findings.push({path: ['tiers', 'cache'], anchor: 'key', message: 'a cache sits in front of a database of its own; add tiers.database.placement: dedicated, or (for a split-database later) enabled: false and a timeline cache action'});
	if (!database) return findings;
	if (database.placement === 'dedicated') return [...findings, ...checkShards(document)];
	for (const key of ['instanceClass', 'multiAz', 'userSkew', 'shardRanges'] as const) {
		if (database[key] !== undefined) findings.push({path: ['tiers', 'database', key], anchor: 'key', message: `applies to a dedicated database only; add placement: dedicated, or remove ${key}`});
	}

	if (database.replicas !== undefined && database.replicas > 0) findings.push({path: ['tiers', 'database', 'replicas'], anchor: 'key', message: 'a read replica needs a primary of its own; add placement: dedicated, or remove replicas'});
	if (database.shards !== undefined && database.shards > 1) findings.push({path: ['tiers', 'database', 'shards'], anchor: 'key', message: 'a shard is a primary of its own; add placement: dedicated, or remove shards'});

	return findings;
}

/** Shards own ranges of the users: a users section to own, as many ranges as shards, and the ranges covering users 1 … users.active once. */
function checkShards(document: PresetDocument): Finding[] {
	const database = document.tiers!.database!;
	const ranges = database.shardRanges?.map(range => parseUserRange(range));
	const count = database.shards ?? ranges?.length ?? 1;
	const at = ['tiers', 'database'];
	if (ranges && database.shards !== undefined && ranges.length !== database.shards) return [{path: [...at, 'shardRanges'], anchor: 'value', message: `expected ${database.shards} ranges, one per shard, got ${ranges.length}`}];
	if (count <= 1) return [];
	const key = database.shards === undefined ? 'shardRanges' : 'shards';
	if (!document.users) return [{path: [...at, key], anchor: 'key', message: 'shards own ranges of users; add a users section (users: { active: N })'}];
	const users = document.users.active ?? defaultUsers().active;
	if (users < count) return [{path: [...at, key], anchor: 'value', message: `${count} shards need at least ${count} users to own, got users.active ${users}`}];
	const problem = ranges ? rangeProblem(ranges, users) : undefined;
	return problem ? [{path: [...at, 'shardRanges', problem.index], anchor: 'value', message: problem.message}] : [];
}
