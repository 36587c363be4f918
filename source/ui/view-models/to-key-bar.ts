/** The key bar's view-model: the feedback line, the filter being typed, or the keys from the key table. */
import {keyTable} from '../keymap.js';
import type {UiState} from '../ui-state.js';

export type BarKeyVm = {readonly key: string; readonly label: string};

export type KeyBarVm = {
	/** What the last key did ('' = none). */
	readonly flash: string;
	readonly filter: string;
	readonly isFilterEditing: boolean;
	/** Keys in the order the bar shows as many as fit. */
	readonly keys: readonly BarKeyVm[];
	/** Keys always shown on the right (`? help  q quit`). */
	readonly right: readonly BarKeyVm[];
};

const ranked = keyTable.flatMap(binding => (binding.bar ? [binding.bar] : [])).sort((a, b) => a.rank - b.rank);
const barKeys: readonly BarKeyVm[] = ranked.filter(bar => bar.side !== 'right').map(({key, label}) => ({key, label}));
const rightKeys: readonly BarKeyVm[] = ranked.filter(bar => bar.side === 'right').map(({key, label}) => ({key, label}));

/** The key bar for this UI state. */
export function toKeyBarVm(ui: Pick<UiState, 'flash' | 'filter' | 'isFilterEditing'>): KeyBarVm {
	return {flash: ui.flash, filter: ui.filter, isFilterEditing: ui.isFilterEditing, keys: barKeys, right: rightKeys};
}
