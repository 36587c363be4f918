/** What the dashboard shows in a terminal smaller than 80×24: the size it needs and the size it has. */
import type {Line} from '../theme.js';
import {seg} from '../paint.js';
import {minColumns, minRows} from '../layout.js';
import {linesPanel} from './lines.js';

/** The message: `terminal too small: need 80×24, have W×H` (on two lines when narrower than it). */
export function tooSmallLines(columns: number, rows: number): Line[] {
	const head = 'terminal too small:';
	const tail = `need ${minColumns}×${minRows}, have ${columns}×${rows}`;
	if (head.length + 1 + tail.length <= columns) return [[seg(`${head} ${tail}`, 'warn')]];
	return [[seg(head, 'warn')], [seg(tail, 'warn')]];
}

/** The too-small screen. */
export const TooSmall = linesPanel<{readonly columns: number; readonly rows: number}>('TooSmall', (vm) => ({lines: tooSmallLines(vm.columns, vm.rows)}));
