/** Load balancer panel view-model: kind, algorithm, health, and per-target routing. */
import type {DnsView, LoadBalancerView} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatCount, formatDuration, formatNumber} from './format.js';

export type TargetRowVm = {
	readonly id: string;
	readonly zone: string;
	readonly state: string;
	readonly tone: Tone;
	/** Routed this tick, per second. */
	readonly rate: string;
	/** Routed since launch. */
	readonly total: string;
	/** DNS round-robin: the share of clients holding this address (`25.0%`); absent behind an ELB. */
	readonly share?: string;
	/** Users whose session or data it holds (`512u`), '' without users modelled. */
	readonly users: string;
};

export type LoadBalancerPanelVm = {
	/** The panel's title (default `ELB`; `DNS` for DNS round-robin). */
	readonly title?: string;
	/** False when the run has no load balancer (clients reach the instances directly). */
	readonly isPresent?: boolean;
	readonly kind: string;
	readonly algorithm: string;
	readonly healthy: string;
	readonly healthTone: Tone;
	readonly crossZone: string;
	readonly surgeQueue: string;
	/** `sticky 1d` (`sticky: session` for the browser session) when sticky sessions are on, else ''. */
	readonly sticky: string;
	readonly targets: readonly TargetRowVm[];
};

/** `300` → `5m`, `3600` → `1h`, `90` → `90s`. */
function shortSeconds(seconds: number): string {
	if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
	return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** DNS round-robin instead of an ELB: the records (and removed addresses still cached) with their clients' shares. */
function toDnsPanelVm(dns: DnsView): LoadBalancerPanelVm {
	const records = dns.records.filter(r => r.hasRecord);
	const dead = records.filter(r => !r.isAnswering).length;
	const held = dns.records.filter(r => !r.hasRecord).length;
	const parts = [`${records.length} record${records.length === 1 ? '' : 's'}`, ...(dead > 0 ? [`${dead} not answering`] : []), ...(held > 0 ? [`${held} removed, still cached`] : [])];
	const long = dns.longCacheShare > 0 && dns.longCacheSeconds > dns.ttlSeconds ? ` (${Math.round(dns.longCacheShare * 100)}% ${shortSeconds(dns.longCacheSeconds)})` : '';
	return {
		title: 'DNS',
		kind: 'round-robin',
		algorithm: `TTL ${shortSeconds(dns.ttlSeconds)}${long}`,
		healthy: parts.join(' · '),
		healthTone: dead > 0 ? 'alarm' : held > 0 ? 'warn' : 'ok',
		crossZone: 'no health checks',
		surgeQueue: '',
		sticky: '',
		targets: dns.records.map(r => ({
			id: r.instanceId,
			zone: '',
			state: r.hasRecord ? r.stateLabel : `cached·${r.stateLabel}`,
			tone: !r.isAnswering ? 'alarm' : r.hasRecord ? 'ok' : 'dim',
			rate: `${formatNumber(r.routedPerSecond)}/s`,
			total: formatCount(r.routedTotal),
			share: `${(r.share * 100).toFixed(1)}%`,
			users: '',
		})),
	};
}

/** ELB panel view-model. */
export function toLoadBalancerPanelVm(view: LoadBalancerView): LoadBalancerPanelVm {
	if (view.dns) return toDnsPanelVm(view.dns);
	if (view.isPresent === false) {
		// A run without a load balancer (standalone instances reached directly): nothing routed, nothing billed.
		return {isPresent: false, kind: 'No load balancer', algorithm: 'clients reach the instances directly', healthy: '', healthTone: 'dim', crossZone: '', surgeQueue: '', sticky: '', targets: []};
	}

	const healthTone: Tone = view.healthyCount === 0 ? 'alarm' : view.healthyCount < view.registeredCount ? 'warn' : 'ok';
	return {
		kind: view.kind === 'classic' ? 'Classic LB' : 'Application LB',
		algorithm: view.algorithm,
		healthy: `${view.healthyCount}/${view.registeredCount} healthy`,
		healthTone,
		crossZone: view.isCrossZone ? 'cross-zone' : 'per-zone',
		surgeQueue: view.surgeQueue > 0 ? `surge ${formatCount(view.surgeQueue)}` : '',
		sticky: view.stickiness ? `sticky ${view.stickiness.durationSeconds > 0 ? formatDuration(view.stickiness.durationSeconds).replace(/(?<=\d[dhm])00[hms]$/, '') : 'session'}` : '',
		targets: view.targets.map((t) => ({
			id: t.instanceId,
			zone: t.zone,
			state: t.stateLabel,
			tone: t.isDraining ? 'dim' : t.isHealthy ? 'ok' : 'alarm',
			rate: `${formatNumber(t.routedPerSecond)}/s`,
			total: formatCount(t.routedTotal),
			users: t.usersHeld === undefined ? '' : `${formatCount(Math.round(t.usersHeld))}u`,
		})),
	};
}
