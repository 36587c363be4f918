import React from 'react';
import type {Line, Theme} from '../theme.js';
import {seg} from '../paint.js';
import {Lines} from './lines.js';

/** Props of {@link CaptionLine}. */
export type CaptionLineProps = {readonly caption: string; readonly title: string; readonly width: number; readonly theme: Theme};

/** The caption's line: the preset's current caption, or its title (dim) when there is none. */
export function captionLine(caption: string, title: string): Line {
	return caption ? [seg('» ', 'accent'), seg(caption, 'title')] : [seg(title, 'dim')];
}

/** The preset's caption line. */
export function CaptionLine({caption, title, width, theme}: CaptionLineProps) {
	return <Lines lines={[captionLine(caption, title)]} width={width} height={1} theme={theme} />;
}
