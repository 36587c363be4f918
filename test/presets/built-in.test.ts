/**
 * The built-in library: every preset loads, has a title, description, captions and a duration,
 * runs headless to its end with the core's invariants holding, and is deterministic.
 */
import {describe, expect, test} from 'vitest';
import {builtInPresetNames, listBuiltInPresets, loadPreset} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {captionLines} from '../../source/ui/components/caption-line.js';

const required = ['tour', 'chaos-monkey', 'scale-up', 'ab-stress', 'elb-two-instances', 'autoscaling-cpu-alarm', 'daily-traffic', 'instance-killed', 'az-outage', 'thrashing', 'steady', 'target-tracking'];

test('the library has every preset of issue 4, the tour first', () => {
	expect(builtInPresetNames()).toEqual(expect.arrayContaining(required));
	expect(listBuiltInPresets()[0].name).toBe('tour');
});

describe.each(builtInPresetNames())('%s', name => {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	const {config} = loaded;

	test('has a name, title, description, duration and captions', () => {
		expect(config.name).toBe(name);
		expect(config.title.length).toBeGreaterThan(10);
		expect(config.description.length).toBeGreaterThan(40);
		expect(config.durationSeconds).toBeGreaterThan(0);
		const captions = config.timeline.filter(entry => entry.action.type === 'preset/caption-shown');
		expect(captions.length).toBeGreaterThanOrEqual(3);
		expect(captions[0].atTick).toBe(0);
	});

	test('every caption is read whole on an 80-column dashboard (at most two lines, never cut)', () => {
		for (const entry of config.timeline) {
			if (entry.action.type !== 'preset/caption-shown') continue;
			const shown = captionLines(entry.action.text, config.title, 80).map(line => line.map(segment => segment.text).join('').slice(2)).join(' ');
			expect(shown).toBe(entry.action.text);
		}
	});

	test('runs headless to its end with the invariants holding, and twice gives the same JSON summary', () => {
		// Checked after every simulated minute (a metrics consumer makes the run stop at each one).
		const first = runHeadless({config, intervalSeconds: 60, onMetrics() {}});
		expect(first.violations).toEqual([]);
		expect(first.isComplete).toBe(true);
		expect(first.summary.simulatedSeconds).toBe(config.durationSeconds);
		expect(first.summary.preset).toBe(name);
		expect(first.summary.requests.arrived).toBeGreaterThan(0);
		expect(JSON.stringify(runHeadless({config}).summary)).toBe(JSON.stringify(first.summary));
	});
});
