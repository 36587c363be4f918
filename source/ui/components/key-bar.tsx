import React from 'react';
import {keyBarLine} from '../panels/key-bar.js';
import type {Theme} from '../theme.js';
import {Lines} from './lines.js';

/** Props of {@link KeyBar}. */
export type KeyBarProps = {readonly flash: string; readonly width: number; readonly theme: Theme};

/** One line of keys; after a key press it shows what the key did until the next one. */
export function KeyBar({flash, width, theme}: KeyBarProps) {
	return <Lines lines={[keyBarLine(flash, width)]} width={width} height={1} theme={theme} />;
}

