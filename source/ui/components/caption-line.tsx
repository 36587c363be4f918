/**
 * The caption line: the preset's current caption after `» `, or its title (dim) when there is
 * none. A caption wider than the screen wraps at a space onto a second line (indented under the
 * text), so a screencast's explanation is read whole; only a caption longer than two lines is
 * cut, with `…`.
 */
import type {Line} from '../theme.js';
import {seg} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {truncateToWidth, wrapToWidth} from '../text-width.js';
import {linesPanel, type PanelContent} from './lines.js';

/** What the caption line shows. */
export type CaptionInput = {readonly caption: string; readonly title: string};

/** The marker before a caption. */
const lead = '» ';

/** The caption's lines at `width` (one or two). */
export function captionLines(caption: string, title: string, width: number): Line[] {
	if (!caption) return [[seg(truncateToWidth(title, width), 'dim')]];
	const room = Math.max(1, width - lead.length);
	const wrapped = wrapToWidth(caption, room);
	if (wrapped.length === 1) return [[seg(lead, 'accent'), seg(wrapped[0], 'title')]];
	const second = wrapped.length === 2 ? wrapped[1] : truncateToWidth(`${wrapped[1]} ${wrapped.slice(2).join(' ')}`, room);
	return [
		[seg(lead, 'accent'), seg(wrapped[0], 'title')],
		[seg(' '.repeat(lead.length), 'title'), seg(second, 'title')],
	];
}

/** The caption line(s) for its box. */
export function captionContent(input: CaptionInput, box: PanelBox): PanelContent {
	return {lines: captionLines(input.caption, input.title, box.width).slice(0, box.height)};
}

/** The caption. */
export const Caption = linesPanel<CaptionInput>('Caption', captionContent);
