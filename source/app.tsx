/**
 * The root component of the live dashboard: wires the simulation (useSimulation), the
 * keyboard (useKeybindings) and the terminal size into <Dashboard>. State lives in two
 * reducers — the sim's and the UI's — and everything on screen is derived from them.
 */
import React, {useEffect, useLayoutEffect, useMemo, useReducer, useRef} from 'react';
import {useStdin} from 'ink';
import {selectEventCount, selectHeader, type SimConfig, type SimState} from './sim/index.js';
import {timelineMarkers} from './recorder/timeline-markers.js';
import {Dashboard} from './ui/dashboard.js';
import {useKeybindings} from './ui/hooks/use-keybindings.js';
import {useSimulation} from './ui/hooks/use-simulation.js';
import {useTerminalSize, type TerminalSize} from './ui/hooks/use-terminal-size.js';
import {planLayout} from './ui/layout.js';
import {composeFrame, panelWants} from './ui/compose-frame.js';
import type {Theme} from './ui/theme.js';
import {currentSpeed, effectiveSelection, initialUiState, uiReducer} from './ui/ui-state.js';
import {toDashboardVm, type DashboardVm} from './ui/view-models/to-dashboard.js';

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
	/** Called with every new simulation state (metrics sampling at the edge). */
	readonly onState?: (state: SimState) => void;
	/**
	 * Where frames go. Given: each changed frame (lines from composeFrame) is handed over and
	 * Ink draws nothing (the live runner's screen writer puts it on the terminal). Not given:
	 * Ink draws the same lines (tests).
	 */
	readonly onFrame?: (lines: readonly string[]) => void;
};

/** Rows of instances the table shows at once, for paging. */
export function tableViewportRows(vm: DashboardVm, size: TerminalSize): number {
	return Math.max(1, planLayout(size.columns, size.rows, panelWants(vm)).tableHeight - 1);
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
export function App({config, theme, speed, fps = 10, isPaused, size: fixedSize, onMarker, onState, onFrame}: AppProps) {
	const [ui, dispatchUi] = useReducer(uiReducer, {speed, isPaused}, initialUiState);
	const sim = useSimulation(config, {
		isPaused: ui.isPaused,
		speed: currentSpeed(ui),
		fps,
		onPauseRequested: () => {
			dispatchUi({type: 'pause/requested'});
		},
	});
	const size = useTerminalSize(fixedSize);
	const vm = useMemo(() => toDashboardVm(sim.state, ui, sim.pace), [sim.state, ui, sim.pace]);
	const ids = useMemo(() => vm.instances.map((r) => r.id), [vm.instances]);
	const resolved = useMemo(() => ({...ui, selectedId: effectiveSelection(ui, ids)}), [ui, ids]);
	const {isRawModeSupported} = useStdin();
	useKeybindings({
		ui: resolved,
		ids,
		viewportRows: tableViewportRows(vm, size),
		dispatchUi,
		act: sim.act,
		stepOne: sim.stepOne,
		eventCount: selectEventCount(sim.state),
		isActive: isRawModeSupported,
	});
	useMarkers(config, sim.state, onMarker);
	useEffect(() => {
		onState?.(sim.state);
	}, [sim.state, onState]);
	const lines = useMemo(() => (onFrame ? composeFrame(vm, resolved, size.columns, size.rows, theme) : undefined), [onFrame, vm, resolved, size, theme]);
	useLayoutEffect(() => {
		if (lines) onFrame?.(lines);
	}, [lines, onFrame]);
	return onFrame ? null : <Dashboard vm={vm} ui={resolved} columns={size.columns} rows={size.rows} theme={theme} />;
}
