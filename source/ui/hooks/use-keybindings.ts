/**
 * Keyboard input: the only `useInput`. Each key goes through the pure keymap (../keymap.ts,
 * from the one key table); simulation actions go to the sim, and what they did (their first
 * activity-log line: the one describer's words, sim/describe-action.ts) to the feedback line;
 * UI actions to the UI reducer; app commands (quit, one tick) to the app.
 */
import {useRef} from 'react';
import {useInput, type Key} from 'ink';
import {describeAction, selectEventCount, selectEventsSince, selectHeader, type SimAction, type SimState} from '../../sim/index.js';
import {formatClock} from '../view-models/format.js';
import {isSimAction, keymap, type KeymapContext} from '../keymap.js';
import {uiReducer, type UiAction, type UiState} from '../ui-state.js';

export type KeybindingHandlers = {
	/** The UI state as rendered (selections not yet resolved). */
	readonly ui: UiState;
	/** The keymap's context for a UI state (lists, page sizes), from the frame on screen. */
	readonly contextOf: (ui: UiState) => KeymapContext;
	readonly dispatchUi: (action: UiAction) => void;
	/** The simulation's state now (it may be ahead of what was rendered). */
	readonly current: () => SimState;
	/** Applies a simulation action and returns the state it led to. */
	readonly act: (action: SimAction) => SimState;
	/** Advances one tick and returns the state it led to. */
	readonly stepOne: () => SimState;
	/** Quit with this exit code (130 for Ctrl-C, as for SIGINT). */
	readonly quit: (exitCode: 0 | 130) => void;
	/** Is there a terminal to read keys from? */
	readonly isActive: boolean;
};

/** Wire the keyboard to the simulation and the UI. */
export function useKeybindings(handlers: KeybindingHandlers): void {
	// Keys read the latest rendered state: Ink re-subscribes a new handler only after React's
	// passive effects run, so a key arriving right after a frame would see the previous state.
	const latest = useRef(handlers);
	latest.current = handlers;
	// Keys that arrive together (typed fast, pasted: `↓k` in one read) are handled before React
	// renders again, so each UI action also advances this copy of the UI state at once: `k` then
	// acts on the row `↓` moved to. The next render replaces the copy with React's own.
	const uiNow = useRef(handlers.ui);
	uiNow.current = handlers.ui;
	const dispatch = (action: UiAction) => {
		latest.current.dispatchUi(action);
		uiNow.current = uiReducer(uiNow.current, action);
	};

	const handle = (input: string, key: Key): void => {
		const h = latest.current;
		const context = h.contextOf(uiNow.current);
		const command = keymap(input, key, context);
		if (!command) return;
		if (command.type === 'app/quit') {
			h.quit(command.exitCode);
			return;
		}

		if (command.type === 'app/step-one') {
			const next = h.stepOne();
			dispatch({type: 'flash/shown', text: `one tick: now ${formatClock(selectHeader(next).simulatedSeconds)} (. again, space resumes)`});
			return;
		}

		if (isSimAction(command)) {
			const before = selectEventCount(h.current());
			const next = h.act(command);
			dispatch({type: 'flash/shown', text: resultOf(command, next, before)});
			return;
		}

		dispatch(command);
	};

	useInput(
		(input, key) => {
			for (const press of splitKeyPresses(input, key)) handle(press.input, press.key);
		},
		{isActive: handlers.isActive},
	);
}

/**
 * What an action did, for the feedback line: the first activity-log line it wrote (its name
 * and result, or why it was refused, in the describer's words), else its name.
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

/** What Ink says of Tab, Enter and Backspace pressed alone (its input is then ''). */
const controlKeys: Readonly<Record<string, Partial<Key>>> = {'\t': {tab: true}, '\r': {return: true}, '\n': {return: true}, '\u007F': {backspace: true}, '\b': {backspace: true}};

/**
 * The key presses in one input, each as Ink reports a key pressed alone: a run such as `\t\t`
 * (Tab typed fast, or sent with other keys) is two Tabs, not text that means nothing.
 */
export function splitKeyPresses(input: string, key: Key): Array<{readonly input: string; readonly key: Key}> {
	const keys = splitKeys(input, key);
	if (keys.length === 1) return [{input, key}];
	return keys.map(one => (controlKeys[one] ? {input: '', key: {...key, ...controlKeys[one]}} : {input: one, key}));
}
