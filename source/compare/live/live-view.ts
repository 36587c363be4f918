/**
 * The live comparison as a view of the live runner (../../live/run-live.tsx, which owns the
 * terminal: alternate screen, raw mode, signals, the painter, the recording tap): its first
 * frame as text, its root element (<CompareApp>, loaded with React and Ink), and the
 * comparison table of the run so far, printed after the terminal is restored.
 */
import {createInitialState, selectSummary, type SimConfig} from '../../sim/index.js';
import type {LiveView} from '../../live/run-live.js';
import {initialUiState} from '../../ui/ui-state.js';
import {formatComparison} from '../format-compare.js';
import {compareLoad} from '../load-difference.js';
import {composeCompareFrame} from './compose-compare.js';
import {compareVm} from './compare-vm.js';
import type {Pair} from './use-pair-simulation.js';

/** The live comparison of `a` and `b` for the runner. */
export function compareLiveView(a: SimConfig, b: SimConfig, options: {readonly speed?: number; readonly isPaused?: boolean}): LiveView {
	let last: Pair = {a: createInitialState(a), b: createInitialState(b)};
	return {
		firstFrame(columns, rows, theme) {
			// The strip's rows stay blank until Ink draws its bordered table (a moment later).
			return composeCompareFrame({...compareVm(last.a, last.b, initialUiState({speed: options.speed, isPaused: options.isPaused})), strip: []}, columns, rows, theme);
		},
		async element({theme, fps, onQuit}) {
			const [React, {CompareApp}] = await Promise.all([import('react'), import('./compare-app.js')]);
			return React.createElement(CompareApp, {
				a, b, theme, fps, speed: options.speed, isPaused: options.isPaused, onQuit,
				onState(pair: Pair) {
					last = pair;
				},
			});
		},
		after() {
			return formatComparison({label: a.name, title: a.title, summary: selectSummary(last.a)}, {label: b.name, title: b.title, summary: selectSummary(last.b)}, compareLoad(a, b));
		},
	};
}
