import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import {fit, fitRight, sparkline} from '../view-models/format.js';
import type {LoadPanelVm} from '../view-models/to-load-panel.js';

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
