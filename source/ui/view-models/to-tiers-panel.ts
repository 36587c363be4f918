/**
 * The tiers panel's view-model (issue 10, "What the user sees"): each tier of the route in
 * route order with its nodes, utilisation and share of the end-to-end latency, and the current
 * bottleneck named (the busiest tier). Shown only when something is behind the web tier; built
 * from the generic per-tier figures (selectTiers), so a new tier appears without a change here.
 */
import type {TierView} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatDuration, formatMs} from './format.js';

export type TierRowVm = {
	readonly name: string;
	readonly nodes: string;
	/** What its nodes are (`db.t3.micro Multi-AZ`). */
	readonly detail: string;
	/** Utilisation, percent (the bar) and as text. */
	readonly utilisationPercent: number;
	readonly utilisation: string;
	/** Its own time per request now. */
	readonly latency: string;
	/** Its share of the end-to-end latency, `62%`. */
	readonly share: string;
	readonly isBottleneck: boolean;
	/** Out of service now: what it is doing (`failing over`; its bar gives way to it), '' when serving. */
	readonly outage: string;
	readonly tone: Tone;
};

export type TiersPanelVm = {
	readonly rows: readonly TierRowVm[];
	/** `database 96%`, or '' while every tier is idle. */
	readonly bottleneck: string;
	readonly bottleneckTone: Tone;
	/** A tier out of service now, which matters more than the busiest: `database failing over 45s` ('' when none). */
	readonly outage: string;
};

/** Utilisation's tone: as the instance table's CPU bars. */
export function utilisationTone(percent: number): Tone {
	return percent >= 90 ? 'alarm' : percent >= 70 ? 'warn' : 'ok';
}

/** The panel's view-model, undefined when the route has only the web tier (nothing to show). */
export function toTiersPanelVm(tiers: readonly TierView[]): TiersPanelVm | undefined {
	if (tiers.length <= 1) return undefined;
	const rows = tiers.map((t): TierRowVm => ({
		name: t.name,
		nodes: String(t.nodes),
		detail: t.detail,
		utilisationPercent: t.utilisationPercent,
		utilisation: `${Math.round(t.utilisationPercent)}%`,
		latency: t.latencyMs > 0 ? formatMs(t.latencyMs) : '—',
		share: `${Math.round(100 * t.latencyShare)}%`,
		isBottleneck: t.isBottleneck,
		outage: t.outage,
		tone: t.outage ? 'alarm' : t.isBottleneck ? utilisationTone(t.utilisationPercent) : 'normal',
	}));
	const busiest = tiers.find(t => t.isBottleneck);
	const out = tiers.find(t => t.outage !== '');
	return {
		outage: out ? `${out.name} ${out.outage} ${formatDuration(out.outageSecondsLeft)}` : '',
		rows,
		bottleneck: busiest ? `${busiest.name} ${Math.round(busiest.utilisationPercent)}%` : '',
		bottleneckTone: busiest ? utilisationTone(busiest.utilisationPercent) : 'dim',
	};
}
