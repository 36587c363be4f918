/**
 * What a user of the headless outputs sees of users and their data (issue 11): the summary's
 * `consistency` (text and `--json`) and the metrics lines' rates, for three clones that each run
 * their own database, one of them killed.
 */
import fs from 'node:fs';
import {Ajv} from 'ajv';
import {expect, test} from 'vitest';
import {formatSummary} from '../../source/headless/format-summary.js';
import {summaryJson} from '../../source/headless/output-schemas.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {parsePreset} from '../../source/presets/parse-preset.js';
import type {MetricsLine} from '../../source/sim/index.js';

const preset = `
title: Three clones, each with its own database
duration: 20m
users: { active: 5000, writeShare: 0.2 }
loadBalancer: { kind: application }
autoScaling: { launchTemplate: { instanceType: c5.large }, min: 3, max: 3, desired: 3 }
load: { pattern: constant, rate: 60/s }
timeline:
  - { at: 10m, action: kill, target: i-0001 }
`;

const compile = (file: string) => new Ajv({strict: true, allErrors: true}).compile(JSON.parse(fs.readFileSync(`schema/${file}`, 'utf8')) as object);

test('the summary counts inconsistent reads and lost data; the metrics lines give their rates', () => {
	const parsed = parsePreset(preset, {file: 'clones.yaml'});
	if (!parsed.ok) expect.fail(JSON.stringify(parsed.problems));
	const lines: MetricsLine[] = [];
	const {summary} = runHeadless({config: parsed.config, onMetrics: line => lines.push(line)});
	const c = summary.consistency;
	expect(c.users).toBe(5000);
	// Two of three reads after a write land on a clone without the user's latest write.
	expect(c.inconsistentReads / c.readsAfterWrite).toBeGreaterThan(0.6);
	expect(c.inconsistentReads / c.readsAfterWrite).toBeLessThan(0.7);
	// The killed clone held about a third of the users who had written.
	expect(c.lostSessions).toBeGreaterThan(1000);
	expect(c.lostSessions).toBeLessThan(5000 / 3);

	const json = JSON.parse(JSON.stringify(summaryJson(summary))) as {consistency: unknown};
	expect(json.consistency).toEqual(c);
	expect(compile('summary.schema.json')(json)).toBe(true);
	const fits = compile('metrics-line.schema.json');
	for (const line of lines) expect(fits(JSON.parse(JSON.stringify(line)))).toBe(true);

	// Per-second rates over each minute add up to the totals; the data is lost in the kill's minute.
	const sum = (pick: (line: MetricsLine) => number) => lines.reduce((total, line) => total + (pick(line) * 60), 0);
	expect(sum(line => line.inconsistentReads)).toBeCloseTo(c.inconsistentReads, -1);
	expect(lines.filter(line => line.lostSessions > 0).map(line => line.t)).toEqual([660]);
	expect(sum(line => line.lostSessions)).toBeCloseTo(c.lostSessions, 0);

	const text = formatSummary(summary, {title: 'Three clones', durationSeconds: 1200, isComplete: true});
	expect(text).toMatch(/\n {2}consistency \.+: [\d,]+ of [\d,]+ reads after a write inconsistent \(6\d\.\d\d%\), 1,\d{3} users' data or sessions lost with an instance\n/);
});

test('a dedicated database: the same run has no inconsistent read and loses nothing', () => {
	const parsed = parsePreset(`${preset}tiers: { database: { placement: dedicated, instanceClass: db.m5.large } }\n`, {file: 'clones.yaml'});
	if (!parsed.ok) expect.fail(JSON.stringify(parsed.problems));
	const {summary} = runHeadless({config: parsed.config});
	expect(summary.consistency.readsAfterWrite).toBeGreaterThan(10_000);
	expect(summary.consistency.inconsistentReads).toBe(0);
	expect(summary.consistency.lostSessions).toBe(0);
	expect(formatSummary(summary, {title: 'x', durationSeconds: 1200, isComplete: true})).toContain(': 0 of ');
});
