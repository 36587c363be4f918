/**
 * The tiers panel: the title names the bottleneck (the busiest tier now), then one row per
 * tier in route order — a `▶` on the bottleneck, its name, its nodes, its utilisation as a
 * bar and a figure, and its share of the end-to-end latency (`lat 62%`); wider, its own time
 * per request and what its nodes are. A tier out of service (a failover) shows it in place of
 * its bar and in the title, before the bottleneck. The `?` overlay names the columns.
 */
import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {bar, fit, fitRight} from '../view-models/format.js';
import type {TiersPanelVm} from '../view-models/to-tiers-panel.js';
import {utilisationTone} from '../view-models/to-tiers-panel.js';
import {fitRows, linesPanel, type PanelContent} from './lines.js';

/** Rows the panel would like: its title and a row per tier. */
export function tiersPanelWants(vm: TiersPanelVm | undefined): number {
	return vm ? 1 + vm.rows.length : 0;
}

/** The panel's lines for its box. */
export function tiersPanelLines(vm: TiersPanelVm | undefined, box: PanelBox): PanelContent {
	const {width} = box;
	if (!vm) return {lines: []};
	const title = titleLine('Tiers', width, vm.outage ? [seg(vm.outage, 'alarm')] : vm.bottleneck ? [seg('bottleneck ', 'dim'), seg(vm.bottleneck, vm.bottleneckTone)] : [seg('idle', 'dim')]);
	const nameWidth = Math.max(3, ...vm.rows.map(r => r.name.length));
	const nodesWidth = Math.max(2, ...vm.rows.map(r => r.nodes.length));
	const shareWidth = Math.max(3, ...vm.rows.map(r => r.share.length));
	// Wider: its own time per request (7) and what its nodes are (up to 22), after the bar.
	const latencyWidth = width >= 56 ? 8 : 0;
	const detailWidth = width >= 72 ? Math.min(22, Math.max(...vm.rows.map(r => r.detail.length))) + 1 : 0;
	// Marker, name, nodes and utilisation with their spaces; then ' lat ' and the share.
	const fixed = 1 + nameWidth + 1 + nodesWidth + 1 + 4 + 1 + latencyWidth + 5 + shareWidth + detailWidth;
	const barWidth = Math.max(4, Math.min(30, width - fixed));
	const rows: Line[] = vm.rows.map(r => [
		seg(r.isBottleneck ? '▶' : ' ', r.tone),
		seg(fit(r.name, nameWidth), r.isBottleneck ? r.tone : 'normal'),
		seg(` ${fitRight(r.nodes, nodesWidth)} `),
		seg(fitRight(r.utilisation, 4)),
		seg(' '),
		// A tier out of service says so where its bar was, at any width.
		r.outage ? seg(fit(r.outage, barWidth), 'alarm') : {text: bar(r.utilisationPercent, barWidth), tone: utilisationTone(r.utilisationPercent), isGauge: true},
		...(latencyWidth > 0 ? [seg(fitRight(r.latency, latencyWidth))] : []),
		seg(' lat ', 'dim'),
		seg(fitRight(r.share, shareWidth)),
		...(detailWidth > 0 ? [seg(' '), seg(fit(r.detail, detailWidth - 1), 'dim')] : []),
	]);
	return {lines: [title, ...fitRows(rows, box.height - 1, 'more tiers')]};
}

/** The tiers panel. */
export const TiersPanel = linesPanel<TiersPanelVm | undefined>('TiersPanel', tiersPanelLines);
