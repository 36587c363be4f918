/** Load balancer panel view-model: kind, algorithm, health, and per-target routing. */
import type {LoadBalancerView} from '../../sim/index.js';
import type {Tone} from '../theme.js';
import {formatCount, formatNumber} from './format.js';

export type TargetRowVm = {
	readonly id: string;
	readonly zone: string;
	readonly state: string;
	readonly tone: Tone;
	/** Routed this tick, per second. */
	readonly rate: string;
	/** Routed since launch. */
	readonly total: string;
};

export type LoadBalancerPanelVm = {
	/** False when the run has no load balancer (clients reach the instances directly). */
	readonly isPresent?: boolean;
	readonly kind: string;
	readonly algorithm: string;
	readonly healthy: string;
	readonly healthTone: Tone;
	readonly crossZone: string;
	readonly surgeQueue: string;
	readonly targets: readonly TargetRowVm[];
};

/** ELB panel view-model. */
export function toLoadBalancerPanelVm(view: LoadBalancerView): LoadBalancerPanelVm {
	if (view.isPresent === false) {
		// A run without a load balancer (standalone instances reached directly): nothing routed, nothing billed.
		return {isPresent: false, kind: 'No load balancer', algorithm: 'clients reach the instances directly', healthy: '', healthTone: 'dim', crossZone: '', surgeQueue: '', targets: []};
	}

	const healthTone: Tone = view.healthyCount === 0 ? 'alarm' : view.healthyCount < view.registeredCount ? 'warn' : 'ok';
	return {
		kind: view.kind === 'classic' ? 'Classic LB' : 'Application LB',
		algorithm: view.algorithm,
		healthy: `${view.healthyCount}/${view.registeredCount} healthy`,
		healthTone,
		crossZone: view.isCrossZone ? 'cross-zone' : 'per-zone',
		surgeQueue: view.surgeQueue > 0 ? `surge ${formatCount(view.surgeQueue)}` : '',
		targets: view.targets.map((t) => ({
			id: t.instanceId,
			zone: t.zone,
			state: t.stateLabel,
			tone: t.isDraining ? 'dim' : t.isHealthy ? 'ok' : 'alarm',
			rate: `${formatNumber(t.routedPerSecond)}/s`,
			total: formatCount(t.routedTotal),
		})),
	};
}
