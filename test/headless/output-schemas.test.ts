import fs from 'node:fs';
import {Ajv} from 'ajv';
import {expect, test} from 'vitest';
import type {EventLine} from '../../source/headless/events.js';
import {outputJsonSchemaTexts, summaryJson, summarySchemaVersion} from '../../source/headless/output-schemas.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {builtInPresetNames, loadPreset} from '../../source/presets/load-preset.js';
import {withSettings} from '../../source/presets/overrides.js';
import type {MetricsLine} from '../../source/sim/index.js';

const texts = outputJsonSchemaTexts();
/** ajv in strict mode: an unknown keyword, a type it cannot tell, an ignored keyword all fail the compile. */
const compile = (file: string) => new Ajv({strict: true, allErrors: true}).compile(JSON.parse(fs.readFileSync(`schema/${file}`, 'utf8')) as object);

test('schema/summary, metrics-line and events-line are generated from the zod schemas and up to date (npm run schema)', () => {
	expect(Object.keys(texts).toSorted()).toEqual(['events-line.schema.json', 'metrics-line.schema.json', 'summary.schema.json']);
	for (const [file, text] of Object.entries(texts)) expect(fs.readFileSync(`schema/${file}`, 'utf8'), file).toBe(text);
});

test('real output of every built-in preset fits the published schemas (ajv, strict mode)', () => {
	const summary = compile('summary.schema.json');
	const metrics = compile('metrics-line.schema.json');
	const events = compile('events-line.schema.json');
	for (const name of builtInPresetNames()) {
		const loaded = loadPreset(name);
		if (!loaded.ok) expect.fail(loaded.message);
		const metricLines: MetricsLine[] = [];
		const eventLines: EventLine[] = [];
		// Through JSON, as a reader of the files sees them.
		const config = {...loaded.config, durationSeconds: Math.min(loaded.config.durationSeconds, 7200)};
		const result = runHeadless({config, onMetrics: line => metricLines.push(JSON.parse(JSON.stringify(line)) as MetricsLine), onEvents: lines => eventLines.push(...lines)});
		const json = JSON.parse(JSON.stringify(withSettings(summaryJson(result.summary), ['autoScaling.defaultCooldown=120s']))) as unknown;
		expect(summary(json), `${name}: ${JSON.stringify(summary.errors)}`).toBe(true);
		expect(metricLines.length).toBeGreaterThan(0);
		for (const line of metricLines) expect(metrics(line), `${name} t=${line.t}: ${JSON.stringify(metrics.errors)}`).toBe(true);
		expect(eventLines.length, name).toBeGreaterThan(0);
		for (const line of eventLines) expect(events(JSON.parse(JSON.stringify(line))), `${name}: ${JSON.stringify(events.errors)}`).toBe(true);
	}
});

test('the schemas refuse what a reader must not be handed', () => {
	const summary = compile('summary.schema.json');
	const metrics = compile('metrics-line.schema.json');
	const events = compile('events-line.schema.json');
	const loaded = loadPreset('tour');
	if (!loaded.ok) expect.fail(loaded.message);
	const good = JSON.parse(JSON.stringify(summaryJson(runHeadless({config: {...loaded.config, durationSeconds: 60}}).summary))) as Record<string, unknown>;
	expect(good['schemaVersion']).toBe(summarySchemaVersion);
	expect(Object.keys(good)[0]).toBe('schemaVersion');
	expect(summary(good)).toBe(true);
	const {schemaVersion: _, ...unversioned} = good;
	expect(summary(unversioned)).toBe(false);
	expect(summary({...good, requests: {arrived: 'many'}})).toBe(false);
	// The tiers are checked (design.md §1b), and open for later additions (more tiers, consistency).
	expect(summary({...good, tiers: {web: {nodes: 2}}})).toBe(false);
	const tiers = good['tiers'] as Record<string, unknown>;
	expect(summary({...good, tiers: {...tiers, 'a-later-tier': {nodes: 1}}})).toBe(true);
	expect(summary({...good, tiers: {...tiers, cache: {nodes: 1}}})).toBe(false);
	const {tiers: _tiers, ...untiered} = good;
	expect(summary(untiered)).toBe(false);
	// So is the consistency (issue 11), open for later additions too.
	const consistency = good['consistency'] as Record<string, unknown>;
	expect(consistency).toEqual({users: 0, reads: expect.any(Number) as number, readsAfterWrite: 0, inconsistentReads: 0, lostSessions: 0});
	expect(summary({...good, consistency: {inconsistentReads: 0}})).toBe(false);
	expect(summary({...good, consistency: {...consistency, inconsistentReads: -1}})).toBe(false);
	expect(summary({...good, consistency: {...consistency, stickySessions: 3}})).toBe(true);
	const {consistency: _consistency, ...withoutConsistency} = good;
	expect(summary(withoutConsistency)).toBe(false);
	expect(metrics({t: 60, arrivalRate: 20, completedRate: 20, cpuAvg: -1, latencyP50: 1, latencyP99: 2, inService: 1, pending: 0, desired: 1, healthy: 1, errors: {'500': 0, '502': 0, '503': 0, '504': 0}, costUsd: 0, bottleneck: 'web', tierCpu: {web: 1}, inconsistentReads: 0, lostSessions: 0})).toBe(false);
	expect(metrics({t: 60, arrivalRate: 20, completedRate: 20, cpuAvg: 1, latencyP50: 1, latencyP99: 2, inService: 1, pending: 0, desired: 1, healthy: 1, errors: {'500': 0, '502': 0, '503': 0, '504': 0}, costUsd: 0, bottleneck: 'web', tierCpu: {web: 1}, inconsistentReads: 0, lostSessions: 0})).toBe(true);
	expect(metrics({t: 60, arrivalRate: 20, completedRate: 20, cpuAvg: 1, latencyP50: 1, latencyP99: 2, inService: 1, pending: 0, desired: 1, healthy: 1, errors: {'500': 0, '502': 0, '503': 0, '504': 0}, costUsd: 0, bottleneck: 'web', tierCpu: {web: 1}})).toBe(false);
	expect(metrics({t: 60, arrivalRate: 20, completedRate: 20, cpuAvg: 1, latencyP50: 1, latencyP99: 2, inService: 1, pending: 0, desired: 1, healthy: 1, errors: {'500': 0, '502': 0, '503': 0, '504': 0}, costUsd: 0, bottleneck: 'disk', tierCpu: {web: 1}, inconsistentReads: 0, lostSessions: 0})).toBe(false);
	expect(events({t: 1, kind: 'activity', text: 'Launching a new EC2 instance: i-0001'})).toBe(true);
	expect(events({t: 1, kind: 'gossip', text: 'x'})).toBe(false);
});
