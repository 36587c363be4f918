import {describe, expect, test} from 'vitest';
import type {HeaderView} from '../../../source/sim/index.js';
import {toHeaderVm} from '../../../source/ui/view-models/to-header.js';

const view = (simulatedSeconds: number): HeaderView => ({
	presetName: 'tour', title: 'Tour', seed: 7, tick: simulatedSeconds, simulatedSeconds, durationSeconds: 300,
	totalCostUsd: 0.0157, runRateUsdPerHour: 0.0689, isChaosMonkeyOn: false,
});

describe('header view-model', () => {
	test('shows the clock against the preset length while the story runs', () => {
		const vm = toHeaderVm(view(299), {isPaused: false, speed: 1});
		expect([vm.clock, vm.duration, vm.isEnded]).toEqual(['00:04:59', '00:05:00', false]);
	});

	test('says the preset ended once the clock is past its length (the run goes on)', () => {
		const vm = toHeaderVm(view(888), {isPaused: false, speed: 120});
		expect([vm.clock, vm.duration, vm.isEnded]).toEqual(['00:14:48', '00:05:00', true]);
	});
});
