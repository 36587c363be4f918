/**
 * The tiers panel (issue 10, "What the user sees"): each tier in route order with its nodes,
 * utilisation and share of the latency, the bottleneck named; rendered by Ink, exact text.
 * Then the real thing: database-bottleneck's dashboard at 80×24 names the database.
 */
import React from 'react';
import {describe, expect, test} from 'vitest';
import {renderPanel} from '../helpers/render-panel.js';
import {TiersPanel} from '../../../source/ui/components/tiers-panel.js';
import {toTiersPanelVm} from '../../../source/ui/view-models/to-tiers-panel.js';
import type {TierView} from '../../../source/sim/index.js';
import {loadPreset} from '../../../source/presets/load-preset.js';
import {advance, createInitialState, selectTiers} from '../../../source/sim/index.js';
import {composeFrame} from '../../../source/ui/compose-frame.js';
import {toDashboardVm} from '../../../source/ui/view-models/to-dashboard.js';
import {initialUiState} from '../../../source/ui/ui-state.js';
import {makeTheme} from '../../../source/ui/theme.js';
import {plain} from '../helpers/render-text.js';

const tier = (over: Partial<TierView> & Pick<TierView, 'name'>): TierView => ({
	nodes: 1, detail: '', utilisationPercent: 0, latencyMs: 0, latencyShare: 0, isBottleneck: false, outage: '', outageSecondsLeft: 0, ...over,
});

const tiers: readonly TierView[] = [
	tier({name: 'web', nodes: 4, detail: 'c5.large', utilisationPercent: 48.2, latencyMs: 21.6, latencyShare: 0.08}),
	tier({name: 'database', nodes: 3, detail: 'db.t3.micro Multi-AZ', utilisationPercent: 96.4, latencyMs: 248, latencyShare: 0.92, isBottleneck: true}),
];

function configOf(name: string) {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.config;
}

const text = (vm: ReturnType<typeof toTiersPanelVm>, width: number, height = 3) => renderPanel(<TiersPanel vm={vm} box={{width, height}} />).text.split('\n');

describe('tiers panel', () => {
	test('only the web tier: no panel', () => {
		expect(toTiersPanelVm([tier({name: 'web'})])).toBeUndefined();
	});

	test('39 columns (beside another panel at 80): each tier, its nodes, a bar, its share of the latency; the bottleneck named and marked', () => {
		expect(text(toTiersPanelVm(tiers), 39)).toEqual([
			'Tiers bottleneck database 96% ─────────',
			' web       4  48% ██████▎······ lat  8%',
			'▶database  3  96% ████████████▌ lat 92%',
		]);
	});

	test('wider: its own time per request and what its nodes are', () => {
		expect(text(toTiersPanelVm(tiers), 90)).toEqual([
			'Tiers bottleneck database 96% ────────────────────────────────────────────────────────────',
			' web       4  48% ██████████████▌···············  21.6ms lat  8% c5.large',
			'▶database  3  96% ████████████████████████████▉·   248ms lat 92% db.t3.micro Multi-AZ',
		]);
	});

	test('an outage in force: the title and the row say so, in place of the bar, at any width', () => {
		const out = toTiersPanelVm([tier({name: 'web', nodes: 2, utilisationPercent: 57, isBottleneck: true}), tier({name: 'database', outage: 'failing over', outageSecondsLeft: 80})]);
		expect(text(out, 39)).toEqual([
			'Tiers database failing over 1m20s ─────',
			'▶web       2  57% ███████▍····· lat  0%',
			' database  1   0% failing over  lat  0%',
		]);
	});

	test('every tier idle: no bottleneck named', () => {
		expect(text(toTiersPanelVm([tier({name: 'web', nodes: 2}), tier({name: 'database'})]), 39)[0]).toBe('Tiers idle ────────────────────────────');
	});

	test('too short a box says how many tiers it left out', () => {
		expect(text(toTiersPanelVm([...tiers, tier({name: 'web'})]), 39, 3).at(-1)).toBe('+2 more tiers');
	});
});

describe('tiers panel on a real run', () => {
	test('database-bottleneck at 3 min, 80×24: the panel names the database the bottleneck, and every alarm still shows', () => {
		const state = advance(createInitialState(configOf('database-bottleneck')), 180);
		const views = selectTiers(state);
		expect(views.map(t => t.name)).toEqual(['web', 'database']);
		expect(views.find(t => t.isBottleneck)?.name).toBe('database');
		expect(views.reduce((sum, t) => sum + t.latencyShare, 0)).toBeCloseTo(1, 6);
		const ui = initialUiState();
		const screen = composeFrame(toDashboardVm(state, ui), ui, 80, 24, makeTheme('color')).map(plain);
		const tiersTitle = screen.find(line => line.includes('Tiers bottleneck'));
		expect(tiersTitle).toMatch(/Tiers bottleneck database \d+%/);
		expect(screen.some(line => /▶database +1 +\d+% /.test(line))).toBe(true);
		expect(screen.some(line => line.includes('track-cpu high'))).toBe(true);
		expect(screen.some(line => line.includes('track-cpu low'))).toBe(true);
		expect(screen.some(line => line.includes('more alarms'))).toBe(false);
	});

	test('a preset without tiers has no tiers panel', () => {
		const state = advance(createInitialState(configOf('steady')), 60);
		const ui = initialUiState();
		expect(composeFrame(toDashboardVm(state, ui), ui, 80, 24, makeTheme('color')).some(line => line.includes('Tiers'))).toBe(false);
	});
});
