import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {advance, createInitialState} from '../../source/sim/index.js';

const root = 'test/fixtures/presets';
const yamlFiles = (folder: string) => fs.readdirSync(path.join(root, folder)).filter(name => name.endsWith('.yaml')).sort();

describe('invalid presets: every problem, with file:line:col, key path, expected and found', () => {
	for (const name of yamlFiles('invalid')) {
		const file = `${root}/invalid/${name}`;
		test(name, () => {
			const expected = fs.readFileSync(file, 'utf8').split('\n').filter(line => line.startsWith('# expect: ')).map(line => line.slice('# expect: '.length));
			expect(expected.length).toBeGreaterThan(0);
			const result = loadPreset(file);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.message.split('\n')).toEqual(expected);
		});
	}
});

describe('valid presets load and run', () => {
	for (const name of yamlFiles('valid')) {
		test(name, () => {
			const result = loadPreset(`${root}/valid/${name}`);
			if (!result.ok) expect.fail(result.message);
			const state = advance(createInitialState(result.config), 120);
			expect(state.clock.tick).toBe(120);
		});
	}

	test('left-out fields take AWS defaults from makeConfig', () => {
		const result = loadPreset(`${root}/valid/minimal.yaml`);
		if (!result.ok) expect.fail(result.message);
		const {config} = result;
		expect(config.name).toBe('minimal');
		expect(config.title).toBe('Minimal');
		expect(config.loadBalancer.healthCheck).toEqual({path: '/index.html', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 10, unhealthyThreshold: 2});
		expect(config.autoScaling).toMatchObject({min: 1, max: 4, desired: 2, defaultCooldownSeconds: 300, healthCheckGracePeriodSeconds: 300});
		expect(config.app.cpuMs).toBe(33.6);
	});

	test('every field of the format reaches the SimConfig', () => {
		const result = loadPreset(`${root}/valid/full.yaml`);
		if (!result.ok) expect.fail(result.message);
		const {config} = result;
		expect(config).toMatchObject({name: 'full-example', seed: 1234, durationSeconds: 5400, region: 'eu-west-1', chaosMonkey: {isEnabled: true, intervalSeconds: 1200}});
		expect(config.app).toMatchObject({name: 'api', cpuMs: 20, cv: 0.5, timeoutMs: 30_000, backlogPerVcpu: 500, startSeconds: 45, dbReads: 3, dbWrites: 1});
		expect(config.app.webCpuMs + config.app.appCpuMs + (4 * config.app.dbQueryCpuMs)).toBeCloseTo(20, 9);
		expect(config.loadBalancer).toEqual({
			kind: 'application', algorithm: 'least-outstanding-requests', crossZone: false, deregistrationDelaySeconds: 60, surgeQueueLength: 0, slowStartSeconds: 30, idleTimeoutSeconds: 30, stickiness: {isEnabled: false, durationSeconds: 86_400},
			healthCheck: {path: '/health', intervalSeconds: 15, timeoutSeconds: 3, healthyThreshold: 3, unhealthyThreshold: 4},
		});
		expect(config.autoScaling).toMatchObject({
			name: 'web-asg', instanceType: 'c5.large', zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], min: 2, max: 9, desired: 3, healthCheckType: 'EC2',
			healthCheckGracePeriodSeconds: 120, defaultCooldownSeconds: 200, defaultInstanceWarmupSeconds: 90, terminationPolicies: ['OldestInstance', 'Default'],
			newInstancesProtectedFromScaleIn: true, monitoring: 'basic', purchaseOption: 'spot',
		});
		expect(config.autoScaling?.policies).toEqual([
			{name: 'out', type: 'simple', adjustmentType: 'PercentChangeInCapacity', adjustment: 50, cooldownSeconds: 120, minAdjustmentMagnitude: 2,
				alarm: {name: 'HighCPU', metric: 'CPUUtilization', statistic: 'Maximum', comparison: '>=', threshold: 75, periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: 'breaching'}},
			{name: 'steps', type: 'step', adjustmentType: 'ChangeInCapacity', estimatedInstanceWarmupSeconds: 60, steps: [{lower: 0, upper: 500, adjustment: 1}, {lower: 500, adjustment: 3}],
				alarm: {name: 'steps-alarm', metric: 'RequestCountPerTarget', statistic: 'Sum', comparison: '>', threshold: 1000, periodSeconds: 60, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: 'missing'}},
			{name: 'track', type: 'target-tracking', metric: 'RequestCountPerTarget', target: 600, disableScaleIn: true, estimatedInstanceWarmupSeconds: 120},
			{name: 'nightly', type: 'scheduled', atSeconds: 79_200, everySeconds: 86_400, desired: 2, min: 2, max: 4},
		]);
		expect(config.instances).toEqual([{name: 'db', instanceType: 'm5.xlarge', zone: 'eu-west-1a', behindLoadBalancer: false, hasElasticIp: true, purchaseOption: 'reserved'}]);
		expect(config.load).toEqual({kind: 'open', arrivals: 'uniform', pattern: 'daily', ratePerSecond: 20, troughPerSecond: 5, periodSeconds: 86_400, peakAtSeconds: 50_400});
		expect(config.timeline.map(entry => [entry.atTick, entry.action])).toEqual([
			[60, {type: 'traffic/spike-started', factor: 4, durationSeconds: 120}],
			[120, {type: 'traffic/base-rate-set', ratePerSecond: 30}],
			[180, {type: 'traffic/base-rate-scaled', factor: 0.8}],
			[240, {type: 'instance/terminate-requested', target: 'random'}],
			[300, {type: 'instance/stop-requested', target: 'newest'}],
			[360, {type: 'instance/hang-injected', target: 'i-0002'}],
			[420, {type: 'instance/spot-interruption-noticed', target: 'random'}],
			[480, {type: 'instance/scale-up-requested', target: 'oldest', instanceType: 'm5.xlarge'}],
			[540, {type: 'zone/outage-started', zone: 'eu-west-1b', durationSeconds: 300}],
			[600, {type: 'network/slowdown-started', extraLatencyMs: 300, durationSeconds: 60}],
			[660, {type: 'asg/desired-capacity-changed', desired: 5}],
			[720, {type: 'asg/desired-capacity-nudged', delta: -1}],
			[780, {type: 'elb/algorithm-changed', algorithm: 'weighted'}],
			[840, {type: 'elb/algorithm-changed'}],
			[900, {type: 'chaos/toggled', isEnabled: false}],
			[960, {type: 'preset/pause-requested'}],
			[1020, {type: 'preset/caption-shown', text: 'A caption'}],
			[1080, {type: 'preset/marker-reached', label: 'the-end'}],
		]);
	});

	test('a trace CSV next to the preset becomes the load', () => {
		const result = loadPreset(`${root}/valid/trace.yaml`);
		if (!result.ok) expect.fail(result.message);
		expect(result.config.load).toEqual({kind: 'open', arrivals: 'poisson', pattern: 'trace', points: [{atSeconds: 0, ratePerSecond: 10}, {atSeconds: 120, ratePerSecond: 20}, {atSeconds: 300, ratePerSecond: 15}], peakPerSecond: 20});
	});

	test('closed-loop load, like ab -c 10 -n 1000, with no group', () => {
		const result = loadPreset(`${root}/valid/closed-loop.yaml`);
		if (!result.ok) expect.fail(result.message);
		expect(result.config.load).toEqual({kind: 'closed', concurrency: 10, requests: 1000, thinkSeconds: 0});
		expect(result.config.autoScaling).toBeUndefined();
	});
});

describe('finding presets', () => {
	test('an unknown built-in name suggests the closest one', () => {
		const result = loadPreset('tuor');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toBe('unknown preset "tuor", did you mean "tour"? (scaletop --list-presets lists the built-in presets; a file path works too)');
	});

	test('a missing file says so', () => {
		const result = loadPreset('nowhere/x.yaml');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toBe('cannot read the preset nowhere/x.yaml: no such file');
	});
});

describe('a trace must stay inside the preset folder', () => {
	test('a symlink inside the folder that leads outside it is refused', () => {
		const base = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-trace-'));
		fs.mkdirSync(path.join(base, 'preset'));
		fs.writeFileSync(path.join(base, 'secret.csv'), '0,10\n');
		fs.symlinkSync(path.join(base, 'secret.csv'), path.join(base, 'preset', 'link.csv'));
		const file = path.join(base, 'preset', 'p.yaml');
		fs.writeFileSync(file, 'load: { pattern: trace, file: link.csv }\n');
		const result = loadPreset(file);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toBe(`${file}:1:31 load.file: expected a CSV of seconds,rate inside the preset's folder, got "link.csv" (${path.join(base, 'preset', 'link.csv')} resolves to a place outside the preset's folder)`);
		fs.writeFileSync(path.join(base, 'preset', 'real.csv'), '0,10\n');
		fs.writeFileSync(file, 'load: { pattern: trace, file: real.csv }\n');
		expect(loadPreset(file).ok).toBe(true);
	});
});

test('the sketch of design.md §3 loads with the meaning it has there', () => {
	const result = loadPreset(`${root}/valid/design-sketch.yaml`);
	if (!result.ok) expect.fail(result.message);
	const {config} = result;
	expect(config).toMatchObject({name: 'flash-sale', seed: 7, durationSeconds: 2700, load: {kind: 'open', pattern: 'constant', ratePerSecond: 20}});
	expect(config.autoScaling).toMatchObject({min: 1, max: 6, desired: 2, healthCheckGracePeriodSeconds: 300, defaultCooldownSeconds: 300});
	expect(config.autoScaling?.policies[0]).toMatchObject({name: 'scale-out', type: 'simple', adjustmentType: 'ChangeInCapacity', adjustment: 2, alarm: {name: 'scale-out-alarm', comparison: '>', threshold: 80, periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 5}});
	expect(config.loadBalancer.healthCheck.path).toBe('/index.php');
	expect(config.timeline.map(entry => entry.atTick)).toEqual([300, 720, 780, 1200]);
});
