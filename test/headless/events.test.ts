import {expect, test} from 'vitest';
import type {EventLine} from '../../source/headless/events.js';
import {advanceKeepingEvents, runHeadless} from '../../source/headless/run-headless.js';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState, makeConfig, selectEventsSince, type SimConfig} from '../../source/sim/index.js';

const preset = (name: string): SimConfig => {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.config;
};

const eventsOf = (config: SimConfig, intervalSeconds?: number): EventLine[] => {
	const lines: EventLine[] = [];
	runHeadless({config, intervalSeconds, onEvents: batch => lines.push(...batch)});
	return lines;
};

test('--events answers "why did it scale?": alarm changes, then the activity history in AWS\'s wording with its cause', () => {
	const lines = eventsOf(preset('autoscaling-cpu-alarm'));
	const alarm = lines.find(line => line.kind === 'alarm' && /changed from OK to ALARM/.test(line.text));
	expect(alarm).toBeDefined();
	expect(alarm!.cause).toMatch(/Threshold Crossed/);
	const launch = lines.find(line => line.kind === 'activity' && line.t >= alarm!.t && /^Launching a new EC2 instance: i-\w+$/.test(line.text));
	expect(launch).toBeDefined();
	expect(launch!.cause).toMatch(/^At \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ a monitor alarm .+ in state ALARM triggered policy .+ changing the desired capacity from \d+ to \d+/);
	expect(lines.some(line => line.kind === 'action')).toBe(true);
	expect(lines.some(line => line.kind === 'caption')).toBe(true);
	// Oldest first, in simulated seconds.
	expect(lines.map(line => line.t)).toEqual(lines.map(line => line.t).toSorted((a, b) => a - b));
	expect(lines.every(line => Object.keys(line).every(key => ['t', 'kind', 'text', 'cause'].includes(key)))).toBe(true);
});

test('no event is lost: the lines are every event the run logged, however many happen in one step', () => {
	// SetDesiredCapacity 2 → 190 at 1:30: 188 launches at once, then their health checks, far more
	// events within one 10-minute step than the state's log keeps.
	const config = makeConfig({name: 'burst', durationSeconds: 600, seed: 3, autoScaling: {min: 1, max: 200, desired: 2}, timeline: [{atTick: 90, action: {type: 'asg/desired-capacity-changed', desired: 190}}]});
	const lines = eventsOf(config, 600);
	// The reference: one tick at a time, reading the log after each.
	const expected: string[] = [];
	let state = createInitialState(config);
	expected.push(...selectEventsSince(state, 0).map(event => event.message));
	while (state.clock.tick < 600 / config.tickSeconds) {
		const next = advance(state, 1);
		expected.push(...selectEventsSince(next, state.eventCount).map(event => event.message));
		state = next;
	}

	expect(expected.length).toBeGreaterThan(300);
	expect(lines.filter(line => line.kind === 'lost')).toEqual([]);
	expect(lines.map(line => line.text)).toEqual(expected);
	expect(lines.length).toBe(state.eventCount);
});

test('a single tick with more events than the log holds says how many were lost', () => {
	const config = makeConfig({name: 'burst', durationSeconds: 60, seed: 3, autoScaling: {min: 1, max: 1000, desired: 1}, timeline: [{atTick: 10, action: {type: 'asg/desired-capacity-changed', desired: 1000}}]});
	const lines: EventLine[] = [];
	const start = createInitialState(config);
	const end = advanceKeepingEvents(start, 60, batch => lines.push(...batch));
	const lost = lines.filter(line => line.kind === 'lost');
	const recorded = lines.length - lost.length;
	const lostCount = lost.reduce((sum, line) => sum + Number(/^(\d+)/.exec(line.text)![1]), 0);
	expect(recorded + lostCount).toBe(end.eventCount - start.eventCount);
	expect(lostCount).toBeGreaterThan(0);
	expect(lost[0]!.text).toMatch(/^\d+ events were not recorded: more happened at once than the run's log keeps$/);
});
