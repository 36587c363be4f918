/**
 * The detail pane (Enter on an instance, an alarm or a scaling policy), in place of the table
 * and the log: label and text rows wrapped to the width (a `Cause:` is read whole), headings,
 * and for an alarm its recent datapoints as bars against the threshold (`│` marks it). Scrolls
 * with ↑↓ PgUp PgDn; Enter or Esc closes it.
 */
import {glyphs, type Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {fit, fitRight, formatNumber} from '../view-models/format.js';
import {wrapToWidth} from '../text-width.js';
import type {DetailRowVm, DetailVm} from '../view-models/to-detail.js';
import {linesPanel, type PanelContent} from './lines.js';

/** What the pane shows: the detail (undefined: its item is gone) and the first row shown. */
export type DetailInput = {readonly detail: DetailVm | undefined; readonly scroll: number};

const labelWidth = 15;

function rowLines(row: DetailRowVm, width: number): Line[] {
	if (row.isHeading) return [[seg(row.text, 'title')]];
	const indent = row.label === '' ? 2 : labelWidth;
	const wrapped = wrapToWidth(row.text, Math.max(1, width - indent));
	return wrapped.map((text, i) => [seg(i === 0 && row.label !== '' ? fit(row.label, labelWidth) : ' '.repeat(indent), 'dim'), seg(text, row.tone)]);
}

/** The alarm's datapoints: `00:12:00 ████████▌   │   85.2`, breaching ones in the alarm's colour. */
function chartLines(chart: NonNullable<DetailVm['chart']>, width: number): Line[] {
	const values = chart.points.flatMap(p => (p.value === null ? [] : [p.value]));
	const top = Math.max(chart.threshold, ...values) * 1.15 || 1;
	const valueWidth = Math.max(6, ...values.map(v => formatNumber(v).length));
	const barWidth = Math.max(4, Math.min(60, width - 2 - 9 - valueWidth - 12));
	const mark = Math.min(barWidth - 1, Math.round((chart.threshold / top) * barWidth));
	return chart.points.map(p => {
		const filled = p.value === null ? 0 : Math.round((p.value / top) * barWidth);
		const cells = Array.from({length: barWidth}, (_, i) => (i < filled ? glyphs.barFull : i === mark ? glyphs.separator : ' '));
		return [
			seg(`  ${p.time} `, 'dim'),
			{text: cells.join(''), tone: p.isBreaching ? 'alarm' : 'ok', isGauge: true},
			seg(fitRight(p.value === null ? 'missing' : formatNumber(p.value), valueWidth + 1), p.isBreaching ? 'alarm' : 'normal'),
			seg(p.isBreaching ? '  breaching' : p.value === null ? '' : '', p.isBreaching ? 'alarm' : 'dim'),
		];
	});
}

/** Every line of the detail's content at `width` (without the title): the pane shows a window of them. */
export function detailContentLines(detail: DetailVm | undefined, width: number): Line[] {
	if (!detail) return [[seg('  this item is gone (Esc closes)', 'dim')]];
	return [
		...detail.rows.flatMap(row => rowLines(row, width)),
		...(detail.chart ? chartLines(detail.chart, width) : []),
		...(detail.afterChart ?? []).flatMap(row => rowLines(row, width)),
	];
}

/** The pane's lines for its box. */
export function detailPaneLines(input: DetailInput, box: PanelBox): PanelContent {
	const {width, height} = box;
	const content = detailContentLines(input.detail, width);
	const room = Math.max(0, height - 1);
	const scroll = Math.max(0, Math.min(input.scroll, content.length - room));
	const more = content.length > room ? ` · ${scroll + 1}-${Math.min(content.length, scroll + room)}/${content.length} ↑↓` : '';
	const title = titleLine(input.detail?.title ?? 'Details', width, [seg(`Esc closes${more}`, 'dim')], true);
	return {lines: [title, ...content.slice(scroll, scroll + room)]};
}

/** The detail pane. */
export const DetailPane = linesPanel<DetailInput>('DetailPane', detailPaneLines);
