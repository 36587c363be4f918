import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../../source/presets/load-preset.js';
import {advance, createInitialState, selectAutoScaling, selectLoadBalancer} from '../../../source/sim/index.js';
import {toRunVm} from '../../../source/ui/view-models/to-dashboard.js';

function stateAt(preset: string, ticks: number) {
	const loaded = loadPreset(preset);
	if (!loaded.ok) throw new Error(loaded.message);
	return advance(createInitialState(loaded.config), ticks);
}

describe('load panel: the fleet row', () => {
	test('counts the healthy targets its sparkline counts, not the group\'s InService (new instances are InService before they pass their checks)', () => {
		// autoscaling-cpu-alarm at 15:00: the group has just launched two instances that are InService, still failing to be healthy.
		const state = stateAt('autoscaling-cpu-alarm', 900);
		const lb = selectLoadBalancer(state);
		const group = selectAutoScaling(state)!;
		expect(lb.healthyCount).toBeLessThan(group.inService);
		const row = toRunVm(state, {isPaused: false, speed: 1}).load.rows.find(r => r.label === 'healthy')!;
		expect(row.value).toBe(`${lb.healthyCount}/${lb.registeredCount}`);
		expect(row.value).toBe('4/6');
		expect(row.tone).toBe('warn');
		// Past 10 minutes the series is per minute: the last point is the minute's mean, on its way from 2 to 4.
		expect(row.series.at(-1)).toBeGreaterThan(3);
		expect(row.series.at(-1)).toBeLessThanOrEqual(4);
		expect(toRunVm(state, {isPaused: false, speed: 1}).load.rows.some(r => r.label === 'InService')).toBe(false);
	});

	test('without a load balancer it counts the running instances', () => {
		const state = stateAt('ab-stress', 60);
		expect(selectLoadBalancer(state).isPresent).toBe(false);
		const row = toRunVm(state, {isPaused: false, speed: 1}).load.rows.find(r => r.label === 'running')!;
		expect(row.value).toBe(String(row.series.at(-1)));
	});
});

describe('load panel: stale reads beside the 5xx (issue 11)', () => {
	test('stateful-pitfall: after the clone a stale-read row under the 5xx counts reads that found an old page; after the split it reads 0/s', () => {
		const cloned = toRunVm(stateAt('stateful-pitfall', 900), {isPaused: false, speed: 1}).load.rows;
		const labels = cloned.map(r => r.label);
		expect(labels.indexOf('stale read')).toBe(labels.indexOf('5xx') + 1);
		const row = cloned.find(r => r.label === 'stale read')!;
		// About half of the ~36 reads per second, most of them by users who have written.
		expect(Number.parseFloat(row.value)).toBeGreaterThan(10);
		expect(Number.parseFloat(row.value)).toBeLessThan(18);
		expect(row.tone).toBe('warn');
		expect(row.detail).toMatch(/^\d[\d.]*k? · 0 lost$/);
		const split = toRunVm(stateAt('stateful-pitfall', 1500), {isPaused: false, speed: 1}).load.rows.find(r => r.label === 'stale read')!;
		expect(split.value).toBe('0/s');
		expect(split.tone).toBe('ok');
	});

	test('a preset without users has no such row', () => {
		expect(toRunVm(stateAt('tour', 60), {isPaused: false, speed: 1}).load.rows.map(r => r.label)).not.toContain('stale read');
	});
});
