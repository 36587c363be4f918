/**
 * When the simulation cannot keep up with the speed asked for, the live header says so and how
 * fast it really goes (issue 14 item 1): `×1200 lagging: ×300`. The header is built the way the
 * live app builds it (../../source/app.tsx: toRunVm with the pace of useSimulation) and drawn
 * by Ink.
 */
import React from 'react';
import {describe, expect, test} from 'vitest';
import {advance, createInitialState, makeConfig} from '../../source/sim/index.js';
import {Header} from '../../source/ui/components/header.js';
import {paceOf} from '../../source/ui/hooks/use-simulation.js';
import {toRunVm} from '../../source/ui/view-models/to-dashboard.js';
import {renderPanel} from './helpers/render-panel.js';

const state = advance(createInitialState(makeConfig({name: 'lag-test', title: 'Lag test', seed: 3})), 30);

/** The header row a user reads at `columns`, for the speed asked for and the pace reached. */
const header = (ui: {readonly isPaused: boolean; readonly speed: number}, pace: ReturnType<typeof paceOf>, columns: number) =>
	renderPanel(<Header vm={toRunVm(state, {...ui, pace}).header} box={{width: columns, height: 1}} />, undefined, columns).text;

describe('the live header when the simulation cannot keep up', () => {
	// 20 frames wanted 2,400 ticks at ×1200 and 1,800 of them had to be dropped: ×300 reached.
	const lagging = paceOf(1200, 2400, 1800);

	test('says it is lagging and the speed it reaches, beside the speed asked for, at 80 and 120 columns', () => {
		expect(lagging).toEqual({actualSpeed: 300, isLagging: true});
		for (const columns of [80, 120]) {
			const text = header({isPaused: false, speed: 1200}, lagging, columns);
			expect(text).toContain('00:00:30/');
			expect(text).toContain('×1200 lagging: ×300  ▶ running');
		}
	});

	test('says nothing of a lag when the run keeps up (within 10 %), or while it is paused', () => {
		const keepingUp = paceOf(1200, 2400, 100);
		expect(keepingUp.isLagging).toBe(false);
		expect(header({isPaused: false, speed: 1200}, keepingUp, 120)).toContain('×1200  ▶ running');
		const paused = header({isPaused: true, speed: 1200}, lagging, 120);
		expect(paused).not.toContain('lagging');
		expect(paused).toContain('×1200  ❚❚ PAUSED');
	});
});
