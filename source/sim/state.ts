import type {SimConfig} from './config.js';
import type {SimState} from './types.js';

/** A fresh run from a config (TODO: sim helper replaces this stub). */
export function createInitialState(config: SimConfig): SimState {
	return {
		config,
		clock: {tick: 0},
		rng: [config.seed >>> 0],
		nextInstanceNumber: 1,
		instances: {},
		instanceOrder: [],
		traffic: {baseRatePerSecond: 0, spikeFactor: 1, spikeUntilTick: -1, slowdownMs: 0, slowdownUntilTick: -1, closedClients: 0, closedRemaining: -1, carry: 0, arrivalRateLastTick: 0},
		loadBalancer: {algorithm: config.loadBalancer.algorithm, cursor: 0, surgeQueue: 0},
		autoScaling: null,
		alarms: {},
		alarmOrder: [],
		zones: {},
		chaosMonkey: {isEnabled: config.chaosMonkey.isEnabled, intervalTicks: config.chaosMonkey.intervalSeconds / config.tickSeconds, nextAtTick: -1},
		totals: {arrived: 0, completed: 0, failed: 0, errors: {'502': 0, '503': 0, '504': 0}, launched: 0, terminated: 0, peakInstances: 0, costUsd: 0, instanceSeconds: 0, elbSeconds: 0, elasticIpSeconds: 0},
		latency: {counts: [], total: 0, sumMs: 0, maxMs: 0},
		history: {},
		cloudwatch: {},
		events: [],
		eventCount: 0,
		caption: '',
		pauseRequests: 0,
	};
}
