import type {Line} from '../theme.js';
import {seg} from '../paint.js';

/** The marker before a caption. */
const lead = '» ';

/**
 * The caption's lines: the preset's current caption, or its title (dim) when there is none.
 * A caption wider than `width` wraps at a space onto a second line (indented under the text),
 * so a screencast's explanation is read whole; only a caption longer than two lines is cut.
 */
export function captionLines(caption: string, title: string, width: number): Line[] {
	if (!caption) return [[seg(title, 'dim')]];
	const room = Math.max(1, width - lead.length);
	if (caption.length <= room) return [[seg(lead, 'accent'), seg(caption, 'title')]];
	const breakAt = caption.lastIndexOf(' ', room);
	const first = breakAt > 0 ? caption.slice(0, breakAt) : caption.slice(0, room);
	const rest = caption.slice(first.length).trimStart();
	const second = rest.length <= room ? rest : `${rest.slice(0, room - 1)}…`;
	return [
		[seg(lead, 'accent'), seg(first, 'title')],
		[seg(' '.repeat(lead.length), 'title'), seg(second, 'title')],
	];
}
