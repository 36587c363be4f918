/** Header view-model: the run's identity, clock, speed, state and cost, formatted. */
import type {HeaderView} from '../../sim/index.js';
import {formatClock, formatSpeed, formatUsd} from './format.js';

export type HeaderVm = {
	readonly presetName: string;
	readonly title: string;
	/** Simulated clock, `HH:MM:SS`. */
	readonly clock: string;
	/** Length of the preset, `HH:MM:SS`. */
	readonly duration: string;
	/** The clock is past the preset's end: the run goes on as a sandbox (the header says `ended · free run`). */
	readonly isEnded: boolean;
	/** A label before everything (a side of a comparison: `A`), '' when none. */
	readonly label: string;
	readonly speed: string;
	/** When the simulation cannot keep up with the speed: `lagging: ×310` (the speed it reaches); else ''. */
	readonly lag: string;
	readonly seed: string;
	readonly isPaused: boolean;
	readonly cost: string;
	readonly runRate: string;
	readonly isChaosOn: boolean;
};

/** Header view-model from the read model and the UI's pause and speed. */
export function toHeaderVm(view: HeaderView, ui: {readonly isPaused: boolean; readonly speed: number; readonly pace?: {readonly actualSpeed: number; readonly isLagging: boolean}; readonly label?: string}): HeaderVm {
	return {
		label: ui.label ?? '',
		presetName: view.presetName,
		title: view.title,
		clock: formatClock(view.simulatedSeconds),
		duration: formatClock(view.durationSeconds),
		isEnded: view.simulatedSeconds > view.durationSeconds,
		speed: formatSpeed(ui.speed),
		lag: ui.pace?.isLagging && !ui.isPaused ? `lagging: ${formatSpeed(ui.pace.actualSpeed)}` : '',
		seed: `seed ${view.seed}`,
		isPaused: ui.isPaused,
		cost: formatUsd(view.totalCostUsd),
		runRate: `${formatUsd(view.runRateUsdPerHour)}/h`,
		isChaosOn: view.isChaosMonkeyOn,
	};
}
