/**
 * The key bar, the last row: what the last key did (the feedback line: the action's result in
 * the activity log's words, `desired +1 refused: …`), or the filter being typed, or as many keys
 * as fit from the one key table (./keymap.ts); `? help  q quit` always on the right.
 */
import type {Line, Segment} from '../theme.js';
import {lineWidth, seg} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {textWidth, truncateToWidth} from '../text-width.js';
import type {KeyBarVm} from '../view-models/to-key-bar.js';
import {linesPanel, type PanelContent} from './lines.js';

/** The bar's line at `width`. */
export function keyBarLine(vm: KeyBarVm, width: number): Line {
	const right: Segment[] = vm.right.flatMap((k, i) => [seg(k.key, 'key'), seg(` ${k.label}${i < vm.right.length - 1 ? '  ' : ''}`)]);
	const room = width - lineWidth(right) - 1;
	const left: Segment[] = [];
	if (vm.isFilterEditing) {
		const hint = '  Enter keeps · Esc clears';
		left.push(seg('/', 'key'), seg(`${vm.filter}█`, 'accent'), ...(textWidth(vm.filter) + 2 + hint.length <= room ? [seg(hint, 'dim')] : []));
	} else if (vm.flash) {
		left.push(seg('» ', 'accent'), seg(truncateToWidth(vm.flash, Math.max(0, room - 2)), 'accent'));
	} else {
		let used = 0;
		for (const k of vm.keys) {
			const size = textWidth(k.key) + textWidth(k.label) + 3;
			if (used + size > room) break;
			left.push(seg(k.key, 'key'), seg(` ${k.label}  `));
			used += size;
		}
	}

	const pad = Math.max(1, width - lineWidth(left) - lineWidth(right));
	return [...left, seg(' '.repeat(pad)), ...right];
}

/** The key bar. */
export const KeyBar = linesPanel<KeyBarVm>('KeyBar', (vm: KeyBarVm, box: PanelBox): PanelContent => ({lines: [keyBarLine(vm, box.width)]}));
