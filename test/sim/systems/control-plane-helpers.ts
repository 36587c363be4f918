/**
 * Test helpers for the control plane: a state from a partial config, and a tick loop that runs
 * only the control-plane systems with a CPU level the test chooses (the data plane's queueing
 * is exercised in test/sim/aws-behaviour.test.ts).
 */
import {createInitialState, makeConfig, type ConfigInput} from '../../../source/sim/index.js';
import type {Working} from '../../../source/sim/working.js';
import {advanceLifecycles} from '../../../source/sim/systems/instances.js';
import {publishMetrics} from '../../../source/sim/systems/cloudwatch.js';
import {evaluateAlarms} from '../../../source/sim/systems/alarms.js';
import {runScalingPolicies} from '../../../source/sim/systems/policies.js';
import {ensureControlPlane, runAutoScaling} from '../../../source/sim/systems/auto-scaling.js';
import {runFaults} from '../../../source/sim/systems/faults.js';

/** A mutable state for the control-plane systems. */
export function controlState(input: ConfigInput = {}): Working {
	const s = structuredClone(createInitialState(makeConfig(input))) as Working;
	ensureControlPlane(s);
	return s;
}

/**
 * Run `ticks` ticks of the control plane. Every running group instance reports `cpu` percent
 * (a number or a function of the tick); targets of running instances past app start are healthy.
 */
export function runControl(s: Working, ticks: number, cpu: number | ((tick: number) => number) = 0): void {
	for (let k = 0; k < ticks; k++) {
		runFaults(s);
		advanceLifecycles(s);
		const level = typeof cpu === 'number' ? cpu : cpu(s.clock.tick);
		const cpuPercent = s.dataPlane.web.cpuPercent as number[];
		for (const [k, id] of s.instanceOrder.entries()) cpuPercent[k] = s.instances[id]!.ec2State === 'running' ? level : 0;

		publishMetrics(s);
		evaluateAlarms(s);
		runScalingPolicies(s);
		runAutoScaling(s);
		s.clock.tick += 1;
	}
}

/** Group instances that count toward capacity (Pending or InService, healthy). */
export function capacityIds(s: Working): string[] {
	return s.instanceOrder.filter(id => {
		const i = s.instances[id]!;
		return i.isInGroup && (i.asgLifecycle === 'InService' || i.asgLifecycle === 'Pending') && i.asgHealth === 'Healthy';
	});
}

/** Capacity per zone. */
export function zoneCounts(s: Working): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const id of capacityIds(s)) counts[s.instances[id]!.zone] = (counts[s.instances[id]!.zone] ?? 0) + 1;
	return counts;
}

/** Messages of the events of one kind. */
export function messages(s: Working, kind?: string): string[] {
	return s.events.filter(e => kind === undefined || e.kind === kind).map(e => e.message);
}
