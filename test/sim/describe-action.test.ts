import {describe, expect, test} from 'vitest';
import {createInitialState, describeAction, makeConfig, step, type SimAction} from '../../source/sim/index.js';

describe('describeAction: one name per action, for the log, the feedback line and cast markers', () => {
	test.each<[SimAction, string]>([
		[{type: 'traffic/spike-started', factor: 5, durationSeconds: 60}, 'load spike ×5 for 1 min'],
		[{type: 'traffic/spike-started', factor: 2.2, durationSeconds: 90}, 'load spike ×2.2 for 90 s'],
		[{type: 'traffic/base-rate-scaled', factor: 0.8}, 'base load ×0.8'],
		[{type: 'instance/terminate-requested', target: 'i-0003'}, 'kill i-0003'],
		[{type: 'instance/terminate-requested', target: 'random'}, 'kill random'],
		[{type: 'zone/outage-started', durationSeconds: 300}, 'zone outage for 5 min'],
		[{type: 'zone/outage-started', zone: 'us-east-1a', durationSeconds: 60}, 'zone outage us-east-1a for 1 min'],
		[{type: 'asg/desired-capacity-nudged', delta: -1}, 'desired -1'],
		[{type: 'asg/desired-capacity-changed', desired: 4}, 'desired 4'],
		[{type: 'elb/algorithm-changed'}, 'next routing algorithm'],
		[{type: 'elb/algorithm-changed', algorithm: 'weighted'}, 'routing weighted'],
		[{type: 'instance/scale-up-requested', target: 'i-0001', instanceType: 'c5.large'}, 'scale up i-0001 to c5.large'],
	])('%j → %s', (action, name) => {
		expect(describeAction(action)).toBe(name);
	});

	test('the activity log line of an action starts with its name, then the result or the reason it was refused', () => {
		const s = createInitialState(makeConfig({autoScaling: {min: 1, max: 3, desired: 3}}));
		const refused = step(s, {type: 'asg/desired-capacity-nudged', delta: 1});
		expect(refused.events.at(-1)!.message).toBe('desired +1 refused: 4 is above max 3');
		const done = step(s, {type: 'elb/algorithm-changed'});
		expect(done.events.at(-1)!.message).toBe('next routing algorithm: least-outstanding-requests');
	});
});
