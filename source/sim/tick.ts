/**
 * One tick of simulated time. The order is part of the model:
 *
 *  1. faults          timed faults expire or fire (zone outage end, spot interruption, Chaos Monkey)
 *  2. lifecycles      EC2 transitions that are due (pending → running, shutting-down → terminated …);
 *                     once a minute, instances terminated an hour ago leave the state
 *  3. traffic         the load generator produces this tick's arrivals (open or closed loop)
 *  4. routing         the ELB spreads arrivals over targets; each instance's queue serves them;
 *                     per-instance CPU, latency, completions; 502/503/504 by cause
 *  5. health checks   the ELB's checks at their interval; target states change
 *  6. cost            per-second billing, CPU credits, ELB and Elastic IP hours
 *                     (4–6 run in one pass over the fleet: data-plane/network.ts; each
 *                     instance's check and bill depend only on that instance, so the result is
 *                     the same as running them one after another)
 *  7. metrics         CloudWatch datapoints at period boundaries (1 or 5 minutes)
 *  8. alarms          alarm evaluation (M of N) at period boundaries; state transitions
 *  9. policies        scaling policies act on alarms (cooldown, warm-up), scheduled actions
 * 10. auto scaling    health sweep (replace unhealthy), reconcile toward desired, zone balance
 * 11. history         per-tick series for sparklines; the clock advances
 *
 * Each system appends its own events to the activity log as it acts.
 */
import type {Working} from './working.js';
import {runFaults} from './systems/faults.js';
import {advanceLifecycles, forgetTerminated} from './systems/instances.js';
import {generateTraffic} from './systems/traffic.js';
import {runDataPlane, type DataPlaneScratch} from './data-plane/network.js';
import {publishMetrics} from './systems/cloudwatch.js';
import {evaluateAlarms} from './systems/alarms.js';
import {runScalingPolicies} from './systems/policies.js';
import {runAutoScaling} from './systems/auto-scaling.js';
import {recordHistory} from './systems/history.js';

/**
 * What a run of ticks on one working state carries from tick to tick: the data plane's fleet
 * view and scratch (derived from the state, never part of it; see data-plane/network.ts).
 */
export type TickCarry = {dataPlane?: DataPlaneScratch};

/** Run one tick on a mutable state (`carry`: from the previous tick on the same working state). */
export function runTick(s: Working, carry: TickCarry = {}): void {
	runFaults(s);
	advanceLifecycles(s);
	forgetTerminated(s);
	generateTraffic(s);
	carry.dataPlane = runDataPlane(s, carry.dataPlane);
	publishMetrics(s, carry.dataPlane.view);
	evaluateAlarms(s);
	runScalingPolicies(s);
	runAutoScaling(s);
	recordHistory(s);
}
