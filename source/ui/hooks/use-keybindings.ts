/**
 * Keyboard input: the only `useInput`. Each key goes through the pure keymap; simulation
 * actions go to the sim (and their description to the key bar), UI commands to the UI reducer.
 */
import {useRef} from 'react';
import {useApp, useInput, type Key} from 'ink';
import {describeAction, selectEventCount, selectEventsSince, type SimAction, type SimState} from '../../sim/index.js';
import {isUiCommand, keymap, type UiCommand} from '../keymap.js';
import {currentSpeed, effectiveSelection, sortColumns, steppedSpeed, uiReducer, type UiAction, type UiState} from '../ui-state.js';
import {formatSpeed} from '../view-models/format.js';

export type KeybindingHandlers = {
	/** UI state with the selection already resolved to a listed id. */
	readonly ui: UiState;
	/** Instance ids in table order (for moving the selection). */
	readonly ids: readonly string[];
	/** Instance rows visible at once (for paging). */
	readonly viewportRows: number;
	readonly dispatchUi: (action: UiAction) => void;
	/** Applies a simulation action and returns the state it led to. */
	readonly act: (action: SimAction) => SimState;
	readonly stepOne: () => void;
	/** Events in the run so far (the new ones after an action are its result). */
	readonly eventCount: number;
	/** Is there a terminal to read keys from? */
	readonly isActive: boolean;
};

const sortTitles: Readonly<Record<(typeof sortColumns)[number], string>> = {
	id: 'ID', type: 'TYPE', zone: 'AZ', state: 'STATE', health: 'HEALTH', cpu: 'CPU%', rps: 'REQ/S', inFlight: 'INFL', latency: 'LAT', uptime: 'UP',
};

/** What a UI command does, as reducer actions (quit is handled by the caller). */
export function uiActionsFor(command: UiCommand, h: Pick<KeybindingHandlers, 'ui' | 'ids' | 'viewportRows'>): UiAction[] {
	const {ids, viewportRows} = h;
	switch (command.type) {
		case 'ui/select': return [{type: 'selection/moved', delta: command.delta, ids, viewportRows}];
		case 'ui/select-page': return [{type: 'selection/moved', delta: command.direction * Math.max(1, viewportRows), ids, viewportRows}];
		case 'ui/select-edge': return [{type: 'selection/jumped', to: command.to, ids, viewportRows}];
		case 'ui/sort': {
			const i = (sortColumns.indexOf(h.ui.sortColumn) + command.delta + sortColumns.length) % sortColumns.length;
			return [{type: 'sort/column-moved', delta: command.delta}, {type: 'flash/shown', text: `sort by ${sortTitles[sortColumns[i]]}`}];
		}
		case 'ui/sort-reverse': return [{type: 'sort/reversed'}, {type: 'flash/shown', text: `sort by ${sortTitles[h.ui.sortColumn]} reversed`}];
		case 'ui/pause-toggle': return [{type: 'pause/toggled'}, {type: 'flash/shown', text: h.ui.isPaused ? 'resumed' : 'paused (space resumes, . steps one tick)'}];
		case 'ui/step-one': return [{type: 'flash/shown', text: 'stepped one tick'}];
		case 'ui/speed': {
			return [{type: 'speed/changed', delta: command.delta}, {type: 'flash/shown', text: `speed ${formatSpeed(steppedSpeed(currentSpeed(h.ui), command.delta))}`}];
		}
		case 'ui/help-toggle': return [{type: 'help/toggled'}];
		case 'ui/help-close': return [{type: 'help/closed'}];
		case 'ui/flash': return [{type: 'flash/shown', text: command.text}];
		case 'ui/quit': return [];
	}
}

/** Wire the keyboard to the simulation and the UI. */
export function useKeybindings(handlers: KeybindingHandlers): void {
	const {exit} = useApp();
	// Keys read the latest rendered state: Ink re-subscribes a new handler only after React's
	// passive effects run, so a key arriving right after a frame would see the previous state.
	const latest = useRef(handlers);
	latest.current = handlers;
	// Keys that arrive together (typed fast, pasted: `↓k` in one read) are handled before React
	// renders again, so each UI action also advances the ref's copy of the UI state at once:
	// `k` then acts on the row `↓` moved to. The next render replaces the copy with React's own.
	const dispatch = (h: KeybindingHandlers, action: UiAction) => {
		h.dispatchUi(action);
		const ui = uiReducer(h.ui, action);
		latest.current = {...h, ui: {...ui, selectedId: effectiveSelection(ui, h.ids)}};
	};
	const handle = (input: string, key: Key): void => {
		const h = latest.current;
		const result = keymap(input, key, h.ui);
		if (!result) return;
		if (!isUiCommand(result)) {
			const eventsBefore = h.eventCount;
			const next = h.act(result);
			dispatch(h, {type: 'flash/shown', text: resultOf(result, next, eventsBefore)});
			latest.current = {...latest.current, eventCount: selectEventCount(next)};
			return;
		}
		if (result.type === 'ui/quit') {
			exit();
			return;
		}
		if (result.type === 'ui/step-one') h.stepOne();
		for (const action of uiActionsFor(result, h)) dispatch(latest.current, action);
	};
	useInput(
		(input, key) => {
			for (const one of splitKeys(input, key)) handle(one, key);
		},
		{isActive: handlers.isActive},
	);
}

/**
 * What an action did, for the feedback line: the first activity-log line it wrote (its name
 * and result, or why it was refused), else its name.
 */
export function resultOf(action: SimAction, state: SimState, eventsBefore: number): string {
	return selectEventsSince(state, eventsBefore)[0]?.message ?? describeAction(action);
}

/**
 * The keys in one input. Ink separates escape sequences (arrows …) but hands over a run of
 * plain characters as one string: `]]` typed fast or pasted would otherwise mean nothing.
 */
function splitKeys(input: string, key: Pick<Key, 'ctrl' | 'meta'>): string[] {
	if (input.length <= 1 || key.ctrl || key.meta || input.startsWith('\u001B')) return [input];
	return [...input];
}
