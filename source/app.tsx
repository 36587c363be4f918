/**
 * The root component of the live dashboard: wires the simulation (useSimulation), the
 * keyboard (useKeybindings) and the terminal size into <Dashboard>. State lives in two
 * reducers — the sim's and the UI's — and everything on screen is derived from them. The
 * view-model is built in parts, each from what it depends on, so that a key which only moves
 * the selection redraws the table and leaves the other panels' memoised output alone.
 */
import React, {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import {useApp, useStdin} from 'ink';
import {selectHeader, type SimConfig, type SimState} from './sim/index.js';
import {timelineMarkers} from './recorder/timeline-markers.js';
import {Dashboard} from './ui/dashboard.js';
import {keymapContextOf, planFrame} from './ui/frame-plan.js';
import {useKeybindings} from './ui/hooks/use-keybindings.js';
import {useSimulation, type Sampling} from './ui/hooks/use-simulation.js';
import {useTerminalSize, type TerminalSize} from './ui/hooks/use-terminal-size.js';
import type {Theme} from './ui/theme.js';
import {effectiveSelection, initialUiState, uiReducer, type UiState} from './ui/ui-state.js';
import {toDetailVm, toRunVm, toTableVm, type DashboardVm} from './ui/view-models/to-dashboard.js';
import {toKeyBarVm} from './ui/view-models/to-key-bar.js';

/** Props of {@link App}. */
export type AppProps = {
	readonly config: SimConfig;
	readonly theme: Theme;
	/** Starting speed, simulated seconds per real second (as given; `[`/`]` then step). Default 1. */
	readonly speed?: number;
	/** Frames per second of the pacing timer. Default 10. */
	readonly fps?: number;
	/** Start paused. */
	readonly isPaused?: boolean;
	/** Fixed terminal size (tests); default: the real terminal, following resizes. */
	readonly size?: TerminalSize;
	/** Called once per timeline event the run passes, with its marker label (cast markers). */
	readonly onMarker?: (label: string) => void;
	/** Called with every new simulation state React renders (the events file, the summary after quitting). */
	readonly onState?: (state: SimState) => void;
	/** Called with the state at every interval boundary the run reaches, however far a frame advances (the metrics file). */
	readonly sampling?: Sampling;
	/** Called when the user quits, with the exit code (0 for `q`, 130 for Ctrl-C), just before the app exits. */
	readonly onQuit?: (exitCode: 0 | 130) => void;
};

/** The UI state with each selection resolved to a row that is listed (the first when the selected one is gone). */
export function resolveSelections(ui: UiState, vm: DashboardVm): UiState {
	const selectedId = effectiveSelection(ui.selectedId, vm.table.ids);
	const selectedAlarm = effectiveSelection(ui.selectedAlarm, vm.alarms.map(a => a.id));
	const selectedPolicy = effectiveSelection(ui.selectedPolicy, vm.scalingGroup?.policies.map(p => p.name) ?? []);
	return selectedId === ui.selectedId && selectedAlarm === ui.selectedAlarm && selectedPolicy === ui.selectedPolicy ? ui : {...ui, selectedId, selectedAlarm, selectedPolicy};
}

/**
 * Report each timeline event (one marker per event: recorder/timeline-markers.ts) once the
 * run has passed it, for the recording's markers. An entry applies just before its tick runs,
 * so it is on screen once the clock is past it.
 */
function useMarkers(config: SimConfig, state: SimState, onMarker: ((label: string) => void) | undefined): void {
	const markers = useMemo(() => timelineMarkers(config), [config]);
	const next = useRef(0);
	useEffect(() => {
		if (!onMarker) return;
		const {tick} = selectHeader(state);
		while (next.current < markers.length && markers[next.current].atTick < tick) onMarker(markers[next.current++].label);
	}, [markers, state, onMarker]);
}

/** The live dashboard. */
export function App({config, theme, speed, fps = 10, isPaused, size: fixedSize, onMarker, onState, sampling, onQuit}: AppProps) {
	const {exit} = useApp();
	const [ui, dispatchUi] = useReducer(uiReducer, {speed, isPaused}, initialUiState);
	const sim = useSimulation(config, {
		isPaused: ui.isPaused,
		speed: ui.speed,
		fps,
		sampling,
		onPauseRequested() {
			dispatchUi({type: 'pause/requested'});
		},
	});
	const size = useTerminalSize(fixedSize);
	const {state, pace} = sim;
	const run = useMemo(() => toRunVm(state, {isPaused: ui.isPaused, speed: ui.speed, pace}), [state, ui.isPaused, ui.speed, pace]);
	const {sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView} = ui;
	const table = useMemo(() => toTableVm(state, {sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView}), [state, sortColumn, isSortDescending, filter, terminated, isGroupedByZone, tierView]);
	const detail = useMemo(() => toDetailVm(state, ui.detail), [state, ui.detail]);
	const {flash, isFilterEditing} = ui;
	const {tierKeys} = run;
	const keyBar = useMemo(() => toKeyBarVm({flash, filter, isFilterEditing}, tierKeys), [flash, filter, isFilterEditing, tierKeys]);
	const vm: DashboardVm = useMemo(() => ({...run, table, detail, keyBar}), [run, table, detail, keyBar]);
	const resolved = useMemo(() => resolveSelections(ui, vm), [ui, vm]);
	const contextOf = useCallback((now: UiState) => {
		const current = resolveSelections(now, vm);
		return keymapContextOf(planFrame(vm, current, size.columns, size.rows), vm, current);
	}, [vm, size]);
	const quit = useCallback((exitCode: 0 | 130) => {
		onQuit?.(exitCode);
		exit();
	}, [onQuit, exit]);
	const {isRawModeSupported} = useStdin();
	useKeybindings({ui, contextOf, dispatchUi, current: sim.current, act: sim.act, stepOne: sim.stepOne, quit, isActive: isRawModeSupported});
	useMarkers(config, state, onMarker);
	useEffect(() => {
		onState?.(state);
	}, [state, onState]);
	return <Dashboard vm={vm} ui={resolved} columns={size.columns} rows={size.rows} theme={theme} />;
}
