/** The key bar's view-model: the feedback line, the filter being typed, or the keys from the key table. */
import {keyTable, type BarContext} from '../keymap.js';
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
const rightKeys: readonly BarKeyVm[] = ranked.filter(bar => bar.side === 'right').map(({key, label}) => ({key, label}));

/** A run with nothing behind the web tier. */
export const noTierKeys: BarContext = {hasDatabase: false, canSplitDatabase: false};

/** The left-hand keys for each combination of what the run has (built once). */
const barKeysFor = new Map<string, readonly BarKeyVm[]>();
function barKeys(has: BarContext): readonly BarKeyVm[] {
	const id = `${has.hasDatabase} ${has.canSplitDatabase}`;
	let keys = barKeysFor.get(id);
	if (!keys) {
		keys = ranked.filter(bar => bar.side !== 'right' && (bar.when === undefined || has[bar.when])).map(({key, label}) => ({key, label}));
		barKeysFor.set(id, keys);
	}

	return keys;
}

/** The key bar for this UI state; `has`: what the run has that some keys need (the database keys show only then). */
export function toKeyBarVm(ui: Pick<UiState, 'flash' | 'filter' | 'isFilterEditing'>, has: BarContext = noTierKeys): KeyBarVm {
	return {flash: ui.flash, filter: ui.filter, isFilterEditing: ui.isFilterEditing, keys: barKeys(has), right: rightKeys};
}
