import {describe, expect, test} from 'vitest';
import {mergeRuns} from '../../source/sweep/merge.js';

const summary = (seed: number, extra: Record<string, unknown> = {}) => ({
	preset: 'thrashing', seed, ...extra, simulatedSeconds: 3600,
	requests: {arrived: 10, completed: 10, failed: 0, inFlight: 0}, errors: {'502': 0, '503': 0, '504': 0},
	latencyMs: {mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, max: 1}, throughputPerSecond: 1,
	instances: {launched: 1, terminated: 0, peak: 1, final: 1}, scalingActivities: 0,
	cost: {totalUsd: 1, instanceHours: 1, fixedPeakFleetUsd: 1, elbUsd: 0, elasticIpUsd: 0}, alarms: [], elb: {routed: {}},
});

const file = (name: string, seed: number, threshold: number) => ({file: name, text: JSON.stringify(summary(seed, {settings: {'autoScaling.policies[0].alarm.threshold': threshold}}), null, 2)});

describe('sweep --merge', () => {
	test('plan outputs in any order come back in the sweep order, settings taken out of the summary', () => {
		const merged = mergeRuns([file('runs/10.json', 2, 80), file('runs/1.json', 1, 70), file('runs/2.json', 2, 70), file('runs/3.json', 1, 80)]);
		if (!merged.ok) expect.fail(merged.message);
		expect(merged.runs.map(run => [run.settings['autoScaling.policies[0].alarm.threshold'], run.seed])).toEqual([[70, 1], [70, 2], [80, 1], [80, 2]]);
		expect(Object.keys(merged.runs[0]!.summary)).not.toContain('settings');
		expect(merged.notes).toEqual([]);
	});

	test('sweep --json outputs merge too (a merge of merges)', () => {
		const sweepJson = {file: 'a.json', text: JSON.stringify({runs: [{settings: {x: 1}, seed: 1, summary: summary(1)}]})};
		const plain = {file: 'b.json', text: JSON.stringify(summary(2, {settings: {x: 1}}))};
		const merged = mergeRuns([plain, sweepJson]);
		expect(merged.ok && merged.runs.map(run => run.seed)).toEqual([1, 2]);
	});

	test('missing runs of the grid are noted', () => {
		const merged = mergeRuns([file('1.json', 1, 70), file('2.json', 2, 70), file('3.json', 1, 80)]);
		expect(merged.ok && merged.notes).toEqual(['1 of the grid\'s 4 runs (2 combinations × 2 seeds) are missing']);
	});

	test('every bad input is one sentence naming the file', () => {
		const message = (...inputs: Array<{file: string; text: string}>) => {
			const merged = mergeRuns(inputs);
			return merged.ok ? 'ok' : merged.message;
		};

		expect(message()).toBe('sweep --merge needs the JSON files of the runs (scaletop sweep --merge runs/*.json)');
		expect(message({file: 'runs/4.json', text: ''})).toBe('runs/4.json: the file is empty (did its run fail? its command line prints one JSON summary)');
		expect(message({file: 'runs/4.json', text: '{\n  "preset": "x",\n  "seed": 1,\n'})).toMatch(/^runs\/4\.json:4:1: expected the JSON output of a plan line \(scaletop PRESET --headless --json …\), got text that is not JSON$/);
		expect(message({file: 'x.json', text: '[1, 2]'})).toBe('x.json: expected a run summary (scaletop PRESET --headless --json) or a sweep\'s --json output, got a list');
		expect(message(file('1.json', 1, 70), {file: '2.json', text: JSON.stringify({...summary(1), preset: 'steady', settings: {'autoScaling.policies[0].alarm.threshold': 70}})})).toBe('2.json: a run of preset "steady", but 1.json is a run of "thrashing" (one sweep is one preset)');
		expect(message(file('1.json', 1, 70), {file: '2.json', text: JSON.stringify(summary(2))})).toBe('2.json: sets nothing, but 1.json sets autoScaling.policies[0].alarm.threshold (one sweep varies the same keys in every run)');
		expect(message(file('1.json', 1, 70), file('2.json', 1, 70))).toBe('2.json: the run with seed 1 and autoScaling.policies[0].alarm.threshold=70 is also in 1.json');
		expect(message(file('1.json', 1, 70), {file: '2.json', text: JSON.stringify({...summary(2, {settings: {'autoScaling.policies[0].alarm.threshold': 70}}), simulatedSeconds: 60})})).toBe('2.json: simulated 60 s, but 1.json simulated 3600 s (was a run cut short, or --duration different?)');
	});
});
