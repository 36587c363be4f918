import React from 'react';
import {headerLine} from '../panels/header.js';
import type {Theme} from '../theme.js';
import type {HeaderVm} from '../view-models/to-header.js';
import {Lines} from './lines.js';

/** Props of {@link Header}. */
export type HeaderProps = {readonly vm: HeaderVm; readonly width: number; readonly theme: Theme};

/** One line: preset, simulated clock, speed, running/paused, seed, cost and run rate, Chaos Monkey. */
export function Header({vm, width, theme}: HeaderProps) {
	return <Lines lines={[headerLine(vm, width)]} width={width} height={1} theme={theme} />;
}

