/**
 * DNS round-robin in the ELB panel (issue 11, docs/dns.md): the TTL, the records and the removed
 * addresses clients still hold, each with its clients' share, its state and its requests.
 */
import React from 'react';
import {describe, expect, test} from 'vitest';
import {advance, createInitialState, makeConfig, selectLoadBalancer, step} from '../../../source/sim/index.js';
import {toLoadBalancerPanelVm} from '../../../source/ui/view-models/to-load-balancer-panel.js';
import {LoadBalancerPanel} from '../../../source/ui/components/load-balancer-panel.js';
import {renderPanel} from '../helpers/render-panel.js';

describe('the ELB panel with DNS round-robin', () => {
	const start = createInitialState(makeConfig({
		autoScaling: {min: 4, max: 6, desired: 4, instanceType: 'c5.large', healthCheckType: 'EC2'},
		loadBalancer: {kind: 'dns', dns: {ttlSeconds: 300}},
		load: {kind: 'open', arrivals: 'uniform', pattern: 'constant', ratePerSecond: 160},
	}));
	const killed = advance(step(start, {type: 'instance/terminate-requested', target: 'i-0001'}), 120);
	const removed = advance(step(killed, {type: 'dns/record-removed', target: 'i-0001'}), 150);
	const added = advance(step(removed, {type: 'dns/record-added', target: 'i-0005'}), 60);
	const panel = (state: typeof start): string => renderPanel(<LoadBalancerPanel vm={toLoadBalancerPanelVm(selectLoadBalancer(state))} box={{width: 60, height: 9}} />).text.split('\n').map(line => line.trimEnd()).join('\n').trimEnd();

	test('a killed instance keeps its record and its quarter of the clients: no health check takes it out', () => {
		expect(panel(killed)).toBe([
			'DNS round-robin · TTL 5m (5% 1h) ───────────────────────────',
			'4 records · 1 not answering · no health checks',
			'i-0001   25.0% terminated             40/s    4,800',
			'i-0002   25.0% running                40/s    4,800',
			'i-0003   25.0% running                40/s    4,800',
			'i-0004   25.0% running                40/s    4,800',
		].join('\n'));
	});

	test('shows the records with their shares, the dead address still cached, and the new record ramping up', () => {
		expect(panel(added)).toBe([
			'DNS round-robin · TTL 5m (5% 1h) ───────────────────────────',
			'4 records · 1 removed, still cached · no health checks',
			'i-0002   29.0% running                46/s   14,066',
			'i-0003   29.0% running                46/s   14,054',
			'i-0004   29.0% running                47/s   14,071',
			'i-0005    4.8% running                 7/s      227',
			'i-0001    8.3% cached·terminated      14/s   10,382',
		].join('\n'));
	});
});
