import React from 'react';
import {loadPanelLines} from '../panels/load-panel.js';
import type {Theme} from '../theme.js';
import type {LoadPanelVm} from '../view-models/to-load-panel.js';
import {Lines} from './lines.js';

/** Props of {@link LoadPanel}. */
export type LoadPanelProps = {readonly vm: LoadPanelVm; readonly width: number; readonly height: number; readonly theme: Theme};

/** Arrival and completion rates, latency, 5xx, CPU, fleet and cost, with sparklines of their history. */
export function LoadPanel({vm, width, height, theme}: LoadPanelProps) {
	return <Lines lines={loadPanelLines(vm, width)} width={width} height={height} theme={theme} />;
}

