import type {KeymapContext} from '../../../source/ui/keymap.js';
import {initialUiState, type UiState} from '../../../source/ui/ui-state.js';

/** A keymap context: five instances (i-0003 selected), two alarms, two policies, a log of 30 events, and a UI state. */
export function keymapContext(ui: Partial<UiState> = {}): KeymapContext {
	return {
		ui: {...initialUiState(), selectedId: 'i-0003', selectedAlarm: 'HighCPU', selectedPolicy: 'scale-out', ...ui},
		instances: {ids: ['i-0001', 'i-0002', 'i-0003', 'i-0004', 'i-0005'], viewportRows: 3},
		alarms: {ids: ['HighCPU', 'LowCPU'], viewportRows: 2},
		policies: {ids: ['scale-out', 'scale-in'], viewportRows: 2},
		log: {newest: 29, oldest: 0, viewportRows: 5},
		help: {rows: 40, viewportRows: 10},
		detail: {rows: 25, viewportRows: 8},
	};
}
