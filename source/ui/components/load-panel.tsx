import React from 'react';
import type {Line, Theme} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import {fit, fitRight, sparkline} from '../view-models/format.js';
import type {LoadPanelVm} from '../view-models/to-load-panel.js';
import {Lines} from './lines.js';

/** Props of {@link LoadPanel}. */
export type LoadPanelProps = {readonly vm: LoadPanelVm; readonly width: number; readonly height: number; readonly theme: Theme};

/** The panel's lines: a title, then `label  value  sparkline  detail` per row (as many as fit). */
export function loadPanelLines(vm: LoadPanelVm, width: number): Line[] {
	const labelWidth = 10;
	const valueWidth = 15;
	const detailWidth = width >= 60 ? 21 : 0;
	const sparkWidth = Math.max(0, width - labelWidth - valueWidth - detailWidth - 2 - (detailWidth > 0 ? 1 : 0));
	const lines: Line[] = [titleLine('Load', width)];
	for (const row of vm.rows) {
		lines.push([
			seg(fit(row.label, labelWidth), 'dim'),
			seg(fitRight(row.value, valueWidth - 1), row.tone),
			seg('  '),
			seg(sparkline(row.series, sparkWidth), 'accent'),
			...(detailWidth > 0 ? [seg(' '), seg(fit(row.detail, detailWidth), row.tone === 'alarm' ? 'alarm' : 'dim')] : []),
		]);
	}
	return lines;
}

/** Arrival and completion rates, latency, 5xx, CPU, fleet and cost, with sparklines of their history. */
export function LoadPanel({vm, width, height, theme}: LoadPanelProps) {
	return <Lines lines={loadPanelLines(vm, width)} width={width} height={height} theme={theme} />;
}
