/**
 * AWS's defaults (shared/reference/aws-behaviour.md) and `makeConfig`, which fills a partial
 * config with them. Used by presets, `scaletop ab` and tests alike, so a default lives in one place.
 */
import {appProfiles} from './catalog.js';
import type {AlarmConfig, AutoScalingConfig, HealthCheckConfig, LoadBalancerConfig, LoadBalancerKind, SimConfig} from './config.js';

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
	};
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
export type ConfigInput = Partial<Omit<SimConfig, 'loadBalancer' | 'autoScaling' | 'app'>> & {
	readonly loadBalancer?: Partial<LoadBalancerConfig>;
	readonly autoScaling?: Partial<AutoScalingConfig> | null;
	readonly app?: Partial<SimConfig['app']>;
};

/** Fill a partial config with AWS's defaults. `autoScaling: null` means no group. */
export function makeConfig(input: ConfigInput = {}): SimConfig {
	const kind = input.loadBalancer?.kind ?? 'classic';
	const loadBalancer = {...defaultLoadBalancer(kind), ...input.loadBalancer};
	return {
		name: input.name ?? 'custom',
		title: input.title ?? 'Custom scenario',
		description: input.description ?? '',
		seed: input.seed ?? 1,
		tickSeconds: input.tickSeconds ?? 1,
		durationSeconds: input.durationSeconds ?? 1800,
		region: input.region ?? 'us-east-1',
		app: {...appProfiles.wordpress, ...input.app},
		loadBalancer: {...loadBalancer, healthCheck: {...defaultHealthCheck(kind), ...input.loadBalancer?.healthCheck}},
		autoScaling: input.autoScaling === null ? undefined : {...defaultAutoScaling(), ...input.autoScaling},
		instances: input.instances ?? [],
		load: input.load ?? {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 20},
		timeline: input.timeline ?? [],
		chaosMonkey: input.chaosMonkey ?? {isEnabled: false, intervalSeconds: 600},
	};
}
