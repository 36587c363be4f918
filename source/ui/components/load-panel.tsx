/**
 * The load panel: arrivals, completions, latency, 5xx, CPU, fleet and cost, each with a
 * sparkline of the whole run so far (downsampled to the panel's width, so a 24-hour preset
 * shows its day's curve) and, when there is room, the sparkline's top value: every line is
 * scaled from 0 to the value labelled `↑…` after it. The title says how much time the
 * sparklines span.
 */
import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {downsample, fit, fitRight, formatDuration, formatInUnit, maxOf, sparkline} from '../view-models/format.js';
import type {LoadPanelVm} from '../view-models/to-load-panel.js';
import {fitRows, linesPanel, type PanelContent} from './lines.js';

const labelWidth = 10;
const valueWidth = 15;
const scaleWidth = 9;
const detailWidth = 21;

/** The panel's lines for its box. */
export function loadPanelLines(vm: LoadPanelVm, box: PanelBox): PanelContent {
	const {width} = box;
	const hasDetail = width >= 70;
	const hasScale = width >= 48;
	const sparkWidth = Math.max(0, width - labelWidth - valueWidth - 2 - (hasScale ? scaleWidth : 0) - (hasDetail ? detailWidth + 1 : 0));
	const points = vm.rows[0]?.series.length ?? 0;
	const span = points * vm.secondsPerPoint;
	const perColumn = points > sparkWidth && sparkWidth > 0 ? ` · ${formatDuration((span / sparkWidth))}/col` : '';
	const title = titleLine('Load', width, span > 0 ? [seg(`last ${formatDuration(span)}${perColumn}`, 'dim')] : []);
	const rows: Line[] = vm.rows.map(row => {
		const shown = downsample(row.series, sparkWidth);
		const max = maxOf(shown);
		return [
			seg(fit(row.label, labelWidth), 'dim'),
			seg(fitRight(row.value, valueWidth - 1), row.tone),
			seg('  '),
			seg(sparkline(shown, sparkWidth, max), 'accent'),
			...(hasScale ? [seg(fitRight(max > 0 ? `↑${formatInUnit(row.unit, max)}` : '', scaleWidth), 'dim')] : []),
			...(hasDetail ? [seg(' '), seg(fit(row.detail, detailWidth), row.tone === 'alarm' ? 'alarm' : 'dim')] : []),
		];
	});
	return {lines: [title, ...fitRows(rows, box.height - 1)]};
}

/** The load panel. */
export const LoadPanel = linesPanel<LoadPanelVm>('LoadPanel', loadPanelLines);
