/**
 * Property: any preset the loader accepts can be run. Random (but well-formed) presets are
 * generated as YAML; whatever the parser accepts must start and run a few simulated minutes
 * without throwing, with requests conserved.
 */
import fc from 'fast-check';
import {stringify} from 'yaml';
import {expect, test} from 'vitest';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';

const duration = fc.constantFrom('0s', '10s', '30s', '1m', '90s', '5m');
const rate = fc.oneof(fc.constantFrom('0/s', '1/s', '20/s', '1200/m', '300/s'), fc.integer({min: 0, max: 500}));
const instanceType = fc.constantFrom('t2.nano', 't2.micro', 't2.medium', 'm5.large', 'c5.2xlarge');
const target = fc.constantFrom('random', 'oldest', 'newest', 'i-0001', 'i-0009');
const alarm = fc.record({comparison: fc.constantFrom('>', '<', '>=', '<='), threshold: fc.integer({min: 0, max: 100}), evaluationPeriods: fc.integer({min: 1, max: 3})});
const policy = fc.oneof(
	fc.record({name: fc.constantFrom('a', 'b'), type: fc.constant('simple'), alarm, adjustment: fc.record({type: fc.constantFrom('ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'), value: fc.integer({min: -3, max: 3})})}),
	fc.record({name: fc.constantFrom('c', 'd'), type: fc.constant('target-tracking'), target: fc.integer({min: 1, max: 100})}),
	fc.record({name: fc.constantFrom('e', 'f'), type: fc.constant('step'), alarm, steps: fc.constant([{lower: 0, upper: 10, adjustment: 1}, {lower: 10, adjustment: 2}])}),
	fc.record({name: fc.constantFrom('g', 'h'), type: fc.constant('scheduled'), at: duration, desired: fc.integer({min: 0, max: 6})}),
);
const action = fc.oneof(
	fc.record({at: duration, action: fc.constant('spike'), factor: fc.constantFrom(0.5, 2, 10)}),
	fc.record({at: duration, action: fc.constantFrom('kill', 'stop', 'hang', 'spot-interruption', 'scale-up'), target}),
	fc.record({at: duration, action: fc.constant('az-outage'), for: duration}),
	fc.record({at: duration, action: fc.constant('set-desired'), desired: fc.integer({min: 0, max: 8})}),
	fc.record({at: duration, action: fc.constant('nudge-desired'), delta: fc.integer({min: -2, max: 2})}),
	fc.record({at: duration, action: fc.constantFrom('algorithm', 'chaos-monkey', 'pause')}),
	fc.record({at: duration, action: fc.constant('load'), rate}),
	fc.record({at: duration, caption: fc.string({maxLength: 20})}),
);
const load = fc.oneof(
	fc.record({pattern: fc.constant('constant'), rate}),
	fc.record({pattern: fc.constant('ramp'), from: rate, to: rate, over: duration}),
	fc.record({pattern: fc.constant('daily'), rate, trough: rate}),
	fc.record({closed: fc.record({concurrency: fc.integer({min: 1, max: 50})})}),
);
const preset = fc.record({
	title: fc.constant('fuzzed'),
	seed: fc.integer({min: 0, max: 1000}),
	duration: fc.constant('5m'),
	loadBalancer: fc.record({kind: fc.constantFrom('classic', 'application'), algorithm: fc.constantFrom('round-robin', 'least-outstanding-requests', 'weighted')}),
	autoScaling: fc.record({launchTemplate: fc.record({instanceType}), min: fc.integer({min: 0, max: 3}), max: fc.integer({min: 0, max: 6}), policies: fc.array(policy, {maxLength: 3}), healthCheckType: fc.constantFrom('EC2', 'ELB')}),
	load,
	timeline: fc.array(action, {maxLength: 6}),
}, {requiredKeys: ['title', 'duration', 'load']});

test('every preset the loader accepts runs without throwing, with requests conserved', () => {
	let accepted = 0;
	fc.assert(fc.property(preset, document => {
		const result = parsePreset(stringify(document), {file: 'fuzz.yaml'});
		if (!result.ok) return;
		accepted++;
		const run = runHeadless({config: result.config});
		expect(run.violations).toEqual([]);
		expect(run.summary.simulatedSeconds).toBe(300);
	}), {numRuns: 60});
	expect(accepted).toBeGreaterThan(10);
});
