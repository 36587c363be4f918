/**
 * The root component of the live comparison (`scaletop compare A B` on a terminal): two
 * simulations on one clock (./use-pair-simulation.ts), one UI state for both (pause, speed,
 * sort, filter, selection: the same instance id is selected on both sides where it exists),
 * the keys of the one key table acting on both (./pair-actions.ts), and <CompareView>.
 */
import React, {useCallback, useMemo, useReducer, useRef} from 'react';
import {useApp, useInput, useStdin} from 'ink';
import {describeAction, selectEventCount, selectHeader, type SimConfig} from '../../sim/index.js';
import {keymap, isSimAction, type KeymapContext} from '../../ui/keymap.js';
import {keymapContextOf, planFrame} from '../../ui/frame-plan.js';
import {resultOf, splitKeyPresses} from '../../ui/hooks/use-keybindings.js';
import {useTerminalSize, type TerminalSize} from '../../ui/hooks/use-terminal-size.js';
import type {Theme} from '../../ui/theme.js';
import {effectiveSelection, initialUiState, uiReducer, type UiAction, type UiState} from '../../ui/ui-state.js';
import {toDetailVm, toRunVm, toTableVm, type DashboardVm} from '../../ui/view-models/to-dashboard.js';
import {toKeyBarVm} from '../../ui/view-models/to-key-bar.js';
import {formatClock} from '../../ui/view-models/format.js';
import {planCompare} from './compare-plan.js';
import {CompareView} from './compare-view.js';
import {forSide, headingOf, pairIds, sideKeyBar, stripOf} from './compare-vm.js';
import {usePairSimulation, type Pair} from './use-pair-simulation.js';
import type {PairResult} from './pair-actions.js';

/** Props of {@link CompareApp}. */
export type CompareAppProps = {
	readonly a: SimConfig;
	readonly b: SimConfig;
	readonly theme: Theme;
	readonly speed?: number;
	readonly fps?: number;
	readonly isPaused?: boolean;
	readonly size?: TerminalSize;
	/** Called with both states after every change (the summary after quitting). */
	readonly onState?: (pair: Pair) => void;
	/** Called when the user quits, with the exit code (0 for `q`, 130 for Ctrl-C). */
	readonly onQuit?: (exitCode: 0 | 130) => void;
};

/** One side's view-model, each part rebuilt only when what it depends on changed. */
function useSideVm(state: Pair['a'], ui: UiState, pace: ReturnType<typeof usePairSimulation>['pace'], label: 'A' | 'B'): DashboardVm {
	const run = useMemo(() => toRunVm(state, {isPaused: ui.isPaused, speed: ui.speed, pace, label}), [state, ui.isPaused, ui.speed, pace, label]);
	const {sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView} = ui;
	const table = useMemo(() => toTableVm(state, {sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView}), [state, sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView]);
	const detail = useMemo(() => toDetailVm(state, ui.detail), [state, ui.detail]);
	return useMemo(() => ({...run, table, detail, keyBar: sideKeyBar}), [run, table, detail]);
}

/** The feedback line for an action on both sides. */
export function pairFlash(result: PairResult, eventsBefore: {readonly a: number; readonly b: number}, action: Parameters<typeof resultOf>[0]): string {
	const onA = resultOf(action, result.a, eventsBefore.a);
	const onB = 'skipped' in result.forB ? result.forB.skipped : resultOf(result.forB.action, result.b, eventsBefore.b);
	return onA === onB ? `A and B: ${onA}` : `A: ${onA} · B: ${onB}`;
}

/** The live comparison. */
export function CompareApp({a: configA, b: configB, theme, speed, fps = 10, isPaused, size: fixedSize, onState, onQuit}: CompareAppProps) {
	const {exit} = useApp();
	const [ui, dispatchUi] = useReducer(uiReducer, {speed, isPaused}, initialUiState);
	const sim = usePairSimulation(configA, configB, {
		isPaused: ui.isPaused,
		speed: ui.speed,
		fps,
		onPauseRequested() {
			dispatchUi({type: 'pause/requested'});
		},
	});
	const size = useTerminalSize(fixedSize);
	const {pair, pace} = sim;
	const vmA = useSideVm(pair.a, ui, pace, 'A');
	const vmB = useSideVm(pair.b, ui, pace, 'B');
	const ids = useMemo(() => pairIds(vmA, vmB), [vmA, vmB]);
	const selectedId = effectiveSelection(ui.selectedId, ids);
	const uiA = useMemo(() => forSide(ui, vmA, selectedId), [ui, vmA, selectedId]);
	const uiB = useMemo(() => forSide(ui, vmB, selectedId), [ui, vmB, selectedId]);
	const heading = useMemo(() => headingOf(configA, configB), [configA, configB]);
	const strip = useMemo(() => stripOf(pair.a, pair.b), [pair]);
	const {flash, filter, isFilterEditing} = ui;
	const keyBar = useMemo(() => toKeyBarVm({flash, filter, isFilterEditing}), [flash, filter, isFilterEditing]);
	const plan = planCompare(size.columns, size.rows);
	const sideRows = plan.kind === 'stacked' ? plan.sideRows[0] : 24;
	const contextOf = useCallback((now: UiState): KeymapContext => {
		const selected = effectiveSelection(now.selectedId, ids);
		const side = forSide(now, vmA, selected);
		const context = keymapContextOf(planFrame(vmA, side, size.columns, sideRows, {isCompact: true}), vmA, {...side, isHelpVisible: now.isHelpVisible});
		return {...context, instances: {...context.instances, ids}};
	}, [vmA, ids, size.columns, sideRows]);
	const quit = useCallback((exitCode: 0 | 130) => {
		onQuit?.(exitCode);
		exit();
	}, [onQuit, exit]);
	useKeys({ui, contextOf, dispatchUi, sim, quit, isActive: useStdin().isRawModeSupported});
	const last = useRef<Pair | undefined>(undefined);
	if (onState && last.current !== pair) {
		last.current = pair;
		onState(pair);
	}

	return <CompareView heading={heading} a={vmA} b={vmB} uiA={uiA} uiB={uiB} strip={strip} keyBar={keyBar} help={ui.isHelpVisible ? ui.helpScroll : undefined} columns={size.columns} rows={size.rows} theme={theme} />;
}

/** The keyboard: the one keymap; simulation actions on both sides, UI actions on the shared state. */
function useKeys(handlers: {
	readonly ui: UiState;
	readonly contextOf: (ui: UiState) => KeymapContext;
	readonly dispatchUi: (action: UiAction) => void;
	readonly sim: ReturnType<typeof usePairSimulation>;
	readonly quit: (exitCode: 0 | 130) => void;
	readonly isActive: boolean;
}): void {
	const latest = useRef(handlers);
	latest.current = handlers;
	// As the dashboard's hook: keys that arrive together see each other's UI changes at once.
	const uiNow = useRef(handlers.ui);
	uiNow.current = handlers.ui;
	const dispatch = (action: UiAction) => {
		latest.current.dispatchUi(action);
		uiNow.current = uiReducer(uiNow.current, action);
	};

	useInput((input, key) => {
		for (const press of splitKeyPresses(input, key)) {
			const h = latest.current;
			const command = keymap(press.input, press.key, h.contextOf(uiNow.current));
			if (!command) continue;
			if (command.type === 'app/quit') {
				h.quit(command.exitCode);
				return;
			}

			if (command.type === 'app/step-one') {
				const next = h.sim.stepOne();
				dispatch({type: 'flash/shown', text: `one tick: now ${formatClock(selectHeader(next.a).simulatedSeconds)} (. again, space resumes)`});
				continue;
			}

			if (isSimAction(command)) {
				const now = h.sim.current();
				const before = {a: selectEventCount(now.a), b: selectEventCount(now.b)};
				const result = h.sim.act(command);
				dispatch({type: 'flash/shown', text: pairFlash(result, before, command) || describeAction(command)});
				continue;
			}

			dispatch(command);
		}
	}, {isActive: handlers.isActive});
}
