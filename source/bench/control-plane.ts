/**
 * Control-plane figures for `npm run bench` (simulation section): what the Auto Scaling,
 * CloudWatch, alarm, policy, lifecycle and fault systems cost per instance-tick on their own
 * (the data plane's queueing is measured separately), and what one discrete action (`step`,
 * immer) costs on a large fleet.
 */
import {performance} from 'node:perf_hooks';
import {advance, createInitialState, makeAlarm, makeConfig, step, type SimState} from '../sim/index.js';
import type {Working} from '../sim/working.js';
import {evaluateAlarms} from '../sim/systems/alarms.js';
import {runAutoScaling} from '../sim/systems/auto-scaling.js';
import {publishMetrics} from '../sim/systems/cloudwatch.js';
import {runFaults} from '../sim/systems/faults.js';
import {advanceLifecycles} from '../sim/systems/instances.js';
import {runScalingPolicies} from '../sim/systems/policies.js';
import type {BenchLine} from './types.js';

function fleetState(instances: number): SimState {
	return createInitialState(makeConfig({
		seed: 1,
		autoScaling: {
			zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
			min: 1,
			max: instances * 2,
			desired: instances,
			policies: [
				{name: 'scale-out', type: 'simple', alarm: makeAlarm({name: 'HighCPU', comparison: '>', threshold: 80, evaluationPeriods: 5}), adjustmentType: 'ChangeInCapacity', adjustment: 2},
				{name: 'track', type: 'target-tracking', metric: 'CPUUtilization', target: 50, disableScaleIn: false},
			],
		},
	}));
}

/** Control-plane systems only, `ticks` ticks of a steady fleet; returns instance-ticks per second (best of 3). */
function controlPlaneRate(instances: number, ticks: number): number {
	let best = 0;
	for (let run = 0; run < 3; run++) {
		// advance's own working copy (strings interned as in a real run), one tick in.
		const s = advance(fleetState(instances), 1) as Working;
		// Steady state: every instance at the tracking target, so no policy scales (a mass scale-in
		// of an idle fleet would measure one rare event, not the per-tick cost).
		s.dataPlane.web.cpuPercent.fill(50);
		const t0 = performance.now();
		for (let k = 0; k < ticks; k++) {
			runFaults(s);
			advanceLifecycles(s);
			publishMetrics(s);
			evaluateAlarms(s);
			runScalingPolicies(s);
			runAutoScaling(s);
			s.clock.tick += 1;
		}

		best = Math.max(best, (instances * ticks) / ((performance.now() - t0) / 1000));
	}

	return best;
}

/** Mean ms of one `step` (kill random, then a desired-capacity change) on a fleet. */
function stepMs(instances: number, actions: number): number {
	let s = fleetState(instances);
	const t0 = performance.now();
	for (let k = 0; k < actions; k++) {
		s = step(s, {type: 'instance/terminate-requested', target: 'random'});
		s = step(s, {type: 'asg/desired-capacity-changed', desired: instances});
	}

	return (performance.now() - t0) / (actions * 2);
}

const millions = (n: number): string => `${(n / 1e6).toFixed(1)} M instance-ticks/s`;

/** The control plane's bench lines. */
export async function bench(): Promise<BenchLine[]> {
	return [
		{name: 'control plane alone, 1,000 instances (3,600 ticks)', value: millions(controlPlaneRate(1000, 3600))},
		{name: 'control plane alone, 10,000 instances (360 ticks)', value: millions(controlPlaneRate(10_000, 360))},
		{name: 'step(): one action on a 1,000-instance fleet', value: `${stepMs(1000, 50).toFixed(2)} ms`},
		{name: 'step(): one action on a 10,000-instance fleet', value: `${stepMs(10_000, 10).toFixed(2)} ms`},
	];
}
