/**
 * Long runs stay flat (issue 9): terminated instances leave the state an hour after they
 * terminate, as they leave the EC2 console, so a run with churn does not carry every instance
 * it ever launched in each tick's pass, each copy and each frame.
 */
import {describe, expect, it} from 'vitest';
import {advance} from '../../source/sim/advance.js';
import {step} from '../../source/sim/step.js';
import {selectInstances, selectSummary} from '../../source/sim/selectors/index.js';
import {terminatedRetentionSeconds} from '../../source/sim/systems/instances.js';
import type {SimState} from '../../source/sim/types.js';
import {makeState} from '../helpers/make-state.js';
import {formatSummary} from '../../source/headless/format-summary.js';
import {summaryJson} from '../../source/headless/output-schemas.js';

/** Chaos Monkey on a group of 4 (a kill every 5 minutes, each replaced) for `hours`, ticking a minute at a time. */
function churn(hours: number, onMinute: (s: SimState) => void): SimState {
	let s = makeState({instances: 4, ratePerSecond: 40, kind: 'application', seed: 9});
	s = step(s, {type: 'chaos/toggled', isEnabled: true, intervalSeconds: 300});
	for (let m = 0; m < hours * 60; m++) {
		s = advance(s, 60);
		onMinute(s);
	}

	return s;
}

describe('terminated instances leave after an hour', () => {
	it('a 6-hour Chaos Monkey run lists only the last hour\'s dead, and every routed request is still counted', () => {
		let routed = 0;
		let maxListed = 0;
		let previous: SimState | undefined;
		const s = churn(6, state => {
			maxListed = Math.max(maxListed, state.instanceOrder.length);
			const tick = state.clock.tick;
			for (const id of state.instanceOrder) {
				const i = state.instances[id]!;
				if (i.ec2State === 'terminated') expect(tick - i.ec2StateSinceTick).toBeLessThanOrEqual(terminatedRetentionSeconds + 60);
			}

			expect(state.totals.arrived).toBe(state.totals.completed + state.totals.failed + state.flow.inFlight);
			expect(Object.keys(state.instances)).toHaveLength(state.instanceOrder.length);
			for (const column of [state.dataPlane.web.served, state.dataPlane.instances.routedTotal]) expect(column).toHaveLength(state.instanceOrder.length);
			previous = state;
		});
		expect(previous).toBe(s);
		routed = s.dataPlane.instances.routedTotal.reduce((a, b) => a + b, 0);
		// About 70 kills in 6 hours; 12 per hour die, so the list holds 4 live + ~12–14 dead at most.
		expect(s.totals.launched).toBeGreaterThan(60);
		expect(s.totals.removed).toBeGreaterThan(40);
		expect(maxListed).toBeLessThan(25);
		const summary = selectSummary(s);
		expect(summary.elb.removedInstances).toBe(s.totals.removed);
		expect(Object.values(summary.elb.routed).reduce((a, b) => a + b, 0) + summary.elb.routedToRemoved!).toBe(routed + s.totals.routedToRemoved);
		// Every arrival that reached a target was routed to one: none lost with the removed instances.
		expect(routed + s.totals.routedToRemoved).toBe(s.totals.arrived - s.failureCauses['no-healthy-targets']);
		// The user sees the removed ones on the summary's routed lines and in --json.
		const text = formatSummary(summary, {title: 'churn', isComplete: true, durationSeconds: 6 * 3600});
		expect(text).toContain(`and ${s.totals.removed} terminated instances since removed from the list: `);
		const json = summaryJson(summary);
		expect(json.elb.removedInstances).toBe(s.totals.removed);
		expect(json.elb.routedToRemoved).toBe(s.totals.routedToRemoved);
	});

	it('a terminated instance is listed for the hour after it terminates, then gone from the state and the table', () => {
		let s = advance(makeState({instances: 2, ratePerSecond: 20, kind: 'application', seed: 3, config: {autoScaling: {min: 1, max: 2, desired: 2}}}), 60);
		s = step(s, {type: 'asg/desired-capacity-changed', desired: 1});
		s = advance(s, 600);
		const dead = s.instanceOrder.map(id => s.instances[id]!).find(i => i.ec2State === 'terminated');
		expect(dead).toBeDefined();
		const diedAt = dead!.ec2StateSinceTick;
		s = advance(s, diedAt + terminatedRetentionSeconds - s.clock.tick - 1);
		expect(s.instances[dead!.id]).toBeDefined();
		s = advance(s, 61);
		expect(s.instances[dead!.id]).toBeUndefined();
		expect(s.instanceOrder).not.toContain(dead!.id);
		expect(selectInstances(s).map(i => i.id)).not.toContain(dead!.id);
		expect(s.totals.removed).toBe(1);
		expect(s.totals.arrived).toBe(s.totals.completed + s.totals.failed + s.flow.inFlight);
	});
});
