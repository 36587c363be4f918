import type {Line, Segment} from '../theme.js';
import {lineText, seg} from '../paint.js';

/** Keys on the bar, most useful first; the bar shows as many as fit. */
const barKeys: ReadonlyArray<readonly [string, string]> = [
	['s', 'spike'], ['k', 'kill'], ['x', 'random'], ['z', 'AZ'], ['+-', 'desired'], ['l/L', 'load'], ['H', 'hang'],
	['u', 'up'], ['a', 'algo'], ['c', 'chaos'], ['spc', 'pause'], ['[]', 'speed'], ['<>', 'sort'],
];

/** The bar's line: the last key's feedback (or the keys), then `? help  q quit` on the right. */
export function keyBarLine(flash: string, width: number): Line {
	const right: Line = [seg('?', 'key'), seg(' help  '), seg('q', 'key'), seg(' quit')];
	const room = width - lineText(right).length - 1;
	const left: Segment[] = [];
	if (flash) {
		left.push(seg('» ', 'accent'), seg(flash.slice(0, Math.max(0, room - 2)), 'accent'));
	} else {
		let used = 0;
		for (const [key, label] of barKeys) {
			const size = key.length + label.length + 3;
			if (used + size > room) break;
			left.push(seg(key, 'key'), seg(` ${label}  `));
			used += size;
		}
	}
	const pad = Math.max(1, width - lineText(left).length - lineText(right).length);
	return [...left, seg(' '.repeat(pad)), ...right];
}
