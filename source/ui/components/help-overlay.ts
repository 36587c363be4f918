import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import {keyHelp} from '../keymap.js';
import {fit} from '../view-models/format.js';

/** The overlay's lines: every key from the keymap's own table, two columns when it must. */
export function helpLines(width: number, height: number): Line[] {
	const lines: Line[] = [titleLine('Keys', width, [seg('(any key closes this)', 'dim')])];
	const entries: Line[] = keyHelp.map((k) => [seg(fit(k.keys, 12), 'key'), seg(k.description)]);
	const room = Math.max(1, height - 1);
	if (entries.length <= room || width < 100) return [...lines, ...entries];
	const half = Math.ceil(entries.length / 2);
	const columnWidth = Math.floor(width / 2);
	for (let i = 0; i < half; i++) {
		const left = entries[i];
		const leftText = left.reduce((s, x) => s + x.text.length, 0);
		lines.push([...left, seg(' '.repeat(Math.max(1, columnWidth - leftText))), ...(entries[i + half] ?? [])]);
	}
	return lines;
}
