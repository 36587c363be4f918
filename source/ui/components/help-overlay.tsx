import React from 'react';
import {helpLines} from '../panels/help-overlay.js';
import type {Theme} from '../theme.js';
import {Lines} from './lines.js';

/** Props of {@link HelpOverlay}. */
export type HelpOverlayProps = {readonly width: number; readonly height: number; readonly theme: Theme};

/** The `?` overlay: every key and what it does. */
export function HelpOverlay({width, height, theme}: HelpOverlayProps) {
	return <Lines lines={helpLines(width, height)} width={width} height={height} theme={theme} />;
}

