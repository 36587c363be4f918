import type {Line} from '../theme.js';
import {seg} from '../paint.js';

/** The caption's line: the preset's current caption, or its title (dim) when there is none. */
export function captionLine(caption: string, title: string): Line {
	return caption ? [seg('» ', 'accent'), seg(caption, 'title')] : [seg(title, 'dim')];
}
