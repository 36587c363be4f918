/**
 * A run without a load balancer (issue 14 item 16): ab-stress sends its load straight to one
 * instance's Elastic IP, so the ELB panel says there is none and the bill has no ELB hours.
 */
import React from 'react';
import {describe, expect, test} from 'vitest';
import {loadPreset} from '../../../source/presets/load-preset.js';
import {advance, createInitialState, selectLoadBalancer} from '../../../source/sim/index.js';
import {toLoadBalancerPanelVm} from '../../../source/ui/view-models/to-load-balancer-panel.js';
import {LoadBalancerPanel} from '../../../source/ui/components/load-balancer-panel.js';
import {renderPanel} from '../helpers/render-panel.js';

describe('ab-stress has no load balancer', () => {
	const loaded = loadPreset('ab-stress');
	if (!loaded.ok) throw new Error(loaded.message);
	const state = advance(createInitialState(loaded.config), 600);

	test('the ELB panel says so instead of showing a Classic LB, a surge queue or targets', () => {
		const vm = toLoadBalancerPanelVm(selectLoadBalancer(state));
		const lines = renderPanel(<LoadBalancerPanel vm={vm} box={{width: 60, height: 5}} />).text.split('\n').map(line => line.trimEnd());
		expect(lines.join('\n')).not.toMatch(/Classic|surge|healthy|no registered targets/);
		expect(lines.some(line => line.includes('No load balancer'))).toBe(true);
		expect(lines.some(line => line.includes('clients reach the instances directly'))).toBe(true);
	});

	test('ten minutes bill the instance and its Elastic IP, no ELB hours', () => {
		expect(state.totals.elbSeconds).toBe(0);
		expect(state.totals.instanceSeconds).toBeGreaterThanOrEqual(590);
		expect(state.totals.elasticIpSeconds).toBeGreaterThanOrEqual(590);
		// The same instance behind a load balancer bills the ELB for the whole run.
		const behind = advance(createInitialState({...loaded.config, instances: loaded.config.instances.map(i => ({...i, behindLoadBalancer: true}))}), 600);
		expect(behind.totals.elbSeconds).toBeGreaterThanOrEqual(590);
		expect(behind.totals.costUsd).toBeGreaterThan(state.totals.costUsd);
	});
});
