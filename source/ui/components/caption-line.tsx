import React from 'react';
import {captionLine} from '../panels/caption-line.js';
import type {Theme} from '../theme.js';
import {Lines} from './lines.js';

/** Props of {@link CaptionLine}. */
export type CaptionLineProps = {readonly caption: string; readonly title: string; readonly width: number; readonly theme: Theme};

/** The preset's caption line. */
export function CaptionLine({caption, title, width, theme}: CaptionLineProps) {
	return <Lines lines={[captionLine(caption, title)]} width={width} height={1} theme={theme} />;
}

