/**
 * The live comparison (`scaletop compare A B` on a terminal): the real <CompareApp> (two
 * simulations on one clock, the one keymap, the dashboard's component tree, the bordered
 * strip) in a fake 120×40 terminal, read as a user reads it; the text path (first frame,
 * recordings) against Ink; the plan at other sizes; and the pairing of actions.
 */
import React from 'react';
import {describe, expect, test, vi} from 'vitest';
import {render} from 'ink-testing-library';
import {renderToString} from 'ink';
import {loadPreset} from '../../source/presets/load-preset.js';
import {makeOverride, parseSetFlag} from '../../source/presets/overrides.js';
import {advance, createInitialState, selectInstances, selectZones, step, type SimConfig} from '../../source/sim/index.js';
import {makeTheme} from '../../source/ui/theme.js';
import {initialUiState} from '../../source/ui/ui-state.js';
import {BorderedTable} from '../../source/ui/components/bordered-table.js';
import {CompareApp} from '../../source/compare/live/compare-app.js';
import {CompareView} from '../../source/compare/live/compare-view.js';
import {composeCompareFrame} from '../../source/compare/live/compose-compare.js';
import {compareVm, stripOf} from '../../source/compare/live/compare-vm.js';
import {planCompare} from '../../source/compare/live/compare-plan.js';
import {actOnBoth} from '../../source/compare/live/pair-actions.js';
import {stripColumns, stripNumberColumns} from '../../source/compare/live/strip.js';
import {plain} from '../ui/helpers/render-text.js';

function preset(name: string, sets: readonly string[] = []): SimConfig {
	const overrides = sets.map(text => {
		const flag = parseSetFlag(text);
		if (!flag.ok) throw new Error(flag.message);
		return makeOverride(flag.value, flag.value.values[0]!);
	});
	const loaded = loadPreset(name, undefined, overrides);
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.config;
}

const theme = makeTheme('color');

async function start(a: SimConfig, b: SimConfig, size = {columns: 120, rows: 40}) {
	const app = render(<CompareApp a={a} b={{...b, seed: a.seed}} theme={theme} isPaused size={size} />);
	await vi.waitFor(() => {
		expect(app.stdin.listenerCount('readable')).toBeGreaterThan(0);
	});
	const screen = () => plain(app.lastFrame() ?? '');
	const press = async (input: string, until: (text: string) => boolean) => {
		app.stdin.write(input);
		await vi.waitFor(() => {
			expect(until(screen()), screen()).toBe(true);
		});
	};
	return {app, screen, press};
}

describe('the live comparison at 120×40', () => {
	test('two labelled dashboards, A above B, the strip and the key bar, exactly 40 rows', async () => {
		const {app, screen} = await start(preset('thrashing'), preset('steady'));
		const lines = screen().split('\n');
		expect(lines).toHaveLength(40);
		expect(lines[0]).toBe('compare  A thrashing vs B steady  the same load (constant 86/s): both sides see the same arrivals, tick for tick');
		expect(lines[1]).toBe('A  scaletop  thrashing  00:00:00/01:00:00  ×1  ❚❚ PAUSED  seed 13  $0.0000 $0.2145/h  chaos off');
		expect(lines[12]).toBe('+i-0001 m5.large us-east-1a InService running Healthy   ·····························    0      0     0       —      0s');
		expect(lines[16]).toBe('B  scaletop  steady  00:00:00/01:00:00  ×1  ❚❚ PAUSED  seed 13  $0.0000 $0.2145/h  chaos off');
		expect(lines.filter(line => line.startsWith('▸Instances 2'))).toHaveLength(2);
		expect(lines.slice(31)).toEqual([
			'┌─────────────┬──────┬────────┬─────────┬───────────┬──────┬────────────┐',
			'│ so far      │  5xx │ p99 ms │    cost │ instances │ peak │ activities │',
			'├─────────────┼──────┼────────┼─────────┼───────────┼──────┼────────────┤',
			'│ A thrashing │    0 │    0.0 │ $0.0000 │         2 │    0 │          0 │',
			'│ B steady    │    0 │    0.0 │ $0.0000 │         2 │    0 │          0 │',
			'│ B − A       │    0 │    0.0 │ $0.0000 │         0 │    0 │          0 │',
			'│ better      │ same │   same │    same │           │ same │       same │',
			'└─────────────┴──────┴────────┴─────────┴───────────┴──────┴────────────┘',
			's spike  k kill  x random  z AZ  +- desired  l/L load  H hang  u up  a algo  c chaos  / filter            ? help  q quit',
		]);
		app.unmount();
	});

	test('one clock: . steps both sides; a spike hits both, and the strip follows', async () => {
		const {app, screen, press} = await start(preset('thrashing'), preset('steady'));
		await press('.', text => text.includes('A  scaletop  thrashing  00:00:01/') && text.includes('B  scaletop  steady  00:00:01/'));
		await press('s', text => text.includes('» A and B: load spike ×5 for 1 min: now 430 req/s'));
		for (let k = 0; k < 30; k++) await press('.', text => text.includes(`00:00:${String(k + 2).padStart(2, '0')}/`));
		const lines = screen().split('\n');
		// The same arrivals on both sides (common random numbers), shown the same in both load panels.
		const arrivals = lines.filter(line => line.startsWith('arrivals'));
		expect(arrivals).toHaveLength(2);
		expect(arrivals[0]!.slice(0, 24)).toBe(arrivals[1]!.slice(0, 24));
		expect(arrivals[0]).toMatch(/^arrivals +4\d\d\/s/);
		app.unmount();
	});

	test('k kills the selected id on both sides where it exists, and says where it does not', async () => {
		const {app, press} = await start(preset('steady', ['autoScaling.desired=3', 'autoScaling.min=3']), preset('steady'));
		await press('.', text => text.includes('00:00:01/'));
		await press('k', text => text.includes('» A and B: kill i-0001: terminated in EC2'));
		// ↓↓ moves to i-0004 (A's replacement is pending: i-0004 in A's list), ...
		await press('\u001B[B', text => text.includes('00:00:01/'));
		await press('\u001B[B', text => text.includes('00:00:01/'));
		await press('k', text => /» A: kill i-0003: terminated in EC2 · B: no i-0003 running/.test(text));
		app.unmount();
	});

	test('the header says when the load sections differ', async () => {
		const {app, screen} = await start(preset('thrashing'), preset('steady', ['load.rate=40/s']));
		expect(screen().split('\n')[0]).toBe('compare  A thrashing vs B steady  ≠ the load sections differ (A constant 86/s, B constant 40/s): the arrivals differ too');
		app.unmount();
	});

	test('? shows the help once, over both sides; any key closes it', async () => {
		const {app, screen, press} = await start(preset('thrashing'), preset('steady'));
		await press('?', text => text.includes('▸Help'));
		expect(screen().split('\n').filter(line => line.includes('▸Help'))).toHaveLength(1);
		expect(screen()).not.toContain('A  scaletop');
		await press('x', text => !text.includes('▸Help') && text.includes('A  scaletop'));
		app.unmount();
	});
});

describe('the comparison at other sizes', () => {
	test('80×24: each side\'s header line and the strip, and what the dashboards need', () => {
		const [a, b] = [createInitialState(preset('thrashing')), createInitialState({...preset('steady'), seed: 13})];
		const ui = initialUiState({isPaused: true});
		const strip = renderToString(<BorderedTable columns={stripColumns} rows={stripOf(a, b)} alignRight={stripNumberColumns} />, {columns: 80}).split('\n');
		const lines = composeCompareFrame({...compareVm(a, b, ui), strip}, 80, 24, makeTheme('mono')).map(line => plain(line));
		expect(lines).toHaveLength(24);
		expect(lines[1]).toBe('A  thrashing  00:00:00/01:00:00  ×1  ❚❚ PAUSED  $0.0000 $0.2145/h  chaos off');
		expect(lines[2]).toBe('B  steady  00:00:00/01:00:00  ×1  ❚❚ PAUSED  $0.0000 $0.2145/h  chaos off');
		expect(lines[3]).toBe('both dashboards need 80×36 (this terminal is 80×24): the figures so far, below');
		expect(lines[7]).toBe('│ A thrashing │    0 │    0.0 │ $0.0000 │         2 │    0 │          0 │');
		expect(planCompare(79, 40)).toEqual({kind: 'too-small', columns: 79, rows: 40});
		expect(composeCompareFrame({...compareVm(a, b, ui), strip}, 100, 12, makeTheme('mono')).map(line => plain(line))).toEqual(['terminal too small for a comparison: need 80×13 (80×36 for both dashboards), have 100×12']);
	});

	test('the text path (first frame, recordings) draws what Ink draws, at 120×40 and 80×24', () => {
		const a = advance(createInitialState(preset('thrashing')), 300);
		const b = advance(createInitialState({...preset('steady'), seed: 13}), 300);
		const ui = initialUiState({isPaused: true});
		for (const [columns, rows] of [[120, 40], [80, 24], [100, 36]] as const) {
			const vm = compareVm(a, b, ui);
			const stripRows = stripOf(a, b);
			const strip = renderToString(<BorderedTable columns={stripColumns} rows={stripRows} alignRight={stripNumberColumns} />, {columns}).split('\n');
			const text = plain(composeCompareFrame({...vm, strip}, columns, rows, theme).join('\n'));
			const ink = plain(renderToString(<CompareView {...vm} strip={stripRows} help={undefined} columns={columns} rows={rows} theme={theme} />, {columns}));
			expect(text, `${columns}×${rows}`).toBe(ink);
		}
	});
});

describe('an action on both sides', () => {
	test('x picks on A and kills the same id on B; z takes the same zone down on both', () => {
		const a = advance(createInitialState(preset('steady')), 5);
		const b = advance(createInitialState({...preset('steady', ['autoScaling.policies[0].alarm.threshold=90']), seed: 13}), 5);
		const killed = actOnBoth(a, b, {type: 'instance/terminate-requested', target: 'random'});
		expect('action' in killed.forB && killed.forB.action).toMatchObject({type: 'instance/terminate-requested'});
		const id = 'action' in killed.forB && killed.forB.action.type === 'instance/terminate-requested' ? killed.forB.action.target : '';
		expect(id).toMatch(/^i-\d{4}$/);
		const state = (s: typeof a) => selectInstances(s).find(instance => instance.id === id)?.ec2State;
		expect([state(killed.a), state(killed.b)]).toEqual([state(killed.a), state(killed.a)]);
		expect(state(killed.a)).not.toBe('running');
		const outage = actOnBoth(a, b, {type: 'zone/outage-started', durationSeconds: 300});
		const down = (s: typeof a) => selectZones(s).filter(zone => zone.isDown).map(zone => zone.zone);
		expect(down(outage.a)).toHaveLength(1);
		expect(down(outage.b)).toEqual(down(outage.a));
	});

	test('an id B lacks: A acts, B is left alone and the reason is given', () => {
		const a = advance(createInitialState(preset('steady', ['autoScaling.desired=3', 'autoScaling.min=3'])), 5);
		const b = advance(createInitialState(preset('steady')), 5);
		const result = actOnBoth(a, b, {type: 'instance/terminate-requested', target: 'i-0003'});
		expect(result.forB).toEqual({skipped: 'no i-0003 running'});
		expect(result.b).toBe(b);
		expect(step(a, {type: 'instance/terminate-requested', target: 'i-0003'})).toEqual(result.a);
	});
});
