/**
 * The public surface of the simulation core. Everything outside source/sim imports from here.
 *
 *   createInitialState(config)  a fresh run (seeded, deterministic)
 *   step(state, action)         one discrete action (a key, a timeline entry) — immer
 *   advance(state, ticks)       time: runs the systems tick by tick, applying due timeline
 *                               entries and Chaos Monkey; pure at the boundary, mutable inside
 *   select*(state)              the read model (./read-model.ts)
 */
export type {SimConfig, AppProfile, TiersConfig, DatabaseTierConfig, CacheTierConfig, UserRange, UsersConfig, LoadConfig, PolicyConfig, AlarmConfig, AutoScalingConfig, LoadBalancerConfig, StandaloneInstanceConfig, TimelineEntry, RoutingAlgorithm, LoadBalancerKind, DnsConfig} from './config.js';
export type {SimAction, SimActionType, InstanceTarget} from './actions.js';
export type {SimState, SimEvent, Instance} from './types.js';
export type * from './read-model.js';
export {makeConfig, makeAlarm, defaultLoadBalancer, defaultAutoScaling, defaultHealthCheck, defaultStickiness, defaultDatabase, defaultDns, defaultUsers, resolveApp, type ConfigInput} from './defaults.js';
export {instanceTypes, instanceTypeNames, appProfiles, cacheNodeTypes, cacheNodeTypeNames, dbInstanceClasses, dbInstanceClassNames, maxReadReplicas, maxShards, maxAppInstances, databaseId, profileSplitKeys, splitCpuMs, type InstanceTypeSpec, type AppProfileName, type DbInstanceClassSpec} from './catalog.js';
export {createInitialState, checkConfig, SimConfigError} from './state.js';
export {step} from './step.js';
export {evenRanges, rangeProblem} from './data-plane/shards.js';
export {advance} from './advance.js';
export {describeAction, describeSeconds} from './describe-action.js';
export * from './selectors/index.js';
export {namespacesOf, rdsMetricNames} from './systems/cloudwatch.js';
