/**
 * Sticky sessions on the dashboard (issue 11): the ELB panel says when stickiness is on and, with
 * users modelled, how many users each target holds; the `S` key toggles it.
 */
import React from 'react';
import {describe, expect, test} from 'vitest';
import {advance, createInitialState, makeConfig, selectInstances, selectLoadBalancer, step} from '../../../source/sim/index.js';
import {toInstanceDetail} from '../../../source/ui/view-models/to-detail.js';
import {toLoadBalancerPanelVm} from '../../../source/ui/view-models/to-load-balancer-panel.js';
import {LoadBalancerPanel} from '../../../source/ui/components/load-balancer-panel.js';
import {keymap} from '../../../source/ui/keymap.js';
import {keymapContext} from '../helpers/keymap-context.js';
import {renderPanel} from '../helpers/render-panel.js';

const config = makeConfig({
	autoScaling: {min: 1, max: 4, desired: 2, instanceType: 'c5.large'},
	loadBalancer: {kind: 'application', stickiness: {isEnabled: true}},
	users: {active: 2000, writeShare: 0.1},
	load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 40},
});

const panel = (state: ReturnType<typeof createInitialState>, width: number): string[] =>
	renderPanel(<LoadBalancerPanel vm={toLoadBalancerPanelVm(selectLoadBalancer(state))} box={{width, height: 6}} />).text.split('\n').map(line => line.trimEnd());

describe('the ELB panel with sticky sessions', () => {
	const state = advance(createInitialState(config), 600);

	test('says stickiness is on with the cookie\'s duration, and the users each target holds', () => {
		const lines = panel(state, 60);
		expect(lines[1]).toBe('2/2 healthy · cross-zone · sticky 1d');
		expect(lines[2]).toMatch(/^i-0001 {2}us-east-1a healthy +[\d.]+\/s +\d[\d,]* +1,00\du$/);
		expect(lines[3]).toMatch(/^i-0002 {2}us-east-1b healthy +[\d.]+\/s +\d[\d,]* +1,00\du$/);
	});

	test('narrow: the zone goes before the users', () => {
		expect(panel(state, 50)[2]).toMatch(/^i-0001 +healthy +[\d.]+\/s +\d[\d,]* +1,00\du$/);
	});

	test('off: no sticky label; the users are still shown (whose data each holds)', () => {
		const off = advance(step(state, {type: 'elb/stickiness-changed', isEnabled: false}), 1);
		const lines = panel(off, 60);
		expect(lines[1]).toBe('2/2 healthy · cross-zone');
		expect(lines[2]).toMatch(/u$/);
	});

	test('no users section: no users column', () => {
		const plain = advance(createInitialState(makeConfig({...config, users: undefined, loadBalancer: {kind: 'application'}})), 60);
		expect(panel(plain, 60)[2]).toMatch(/^i-0001 {2}us-east-1a healthy +[\d.]+\/s +\d[\d,]*$/);
	});

	test('an instance\'s details: its sticky sessions, the users whose latest write it holds, both (what goes with it)', () => {
		const detail = toInstanceDetail(selectInstances(state)[0]!, [], 1, 600);
		expect(detail.rows.find(row => row.label === 'users')?.text).toMatch(/^(?:999|1,000) sticky sessions here · \d{3} users' latest write in its database · 1,00\d lost with it$/);
		const plain = advance(createInitialState(makeConfig({...config, users: undefined, loadBalancer: {kind: 'application'}})), 60);
		expect(toInstanceDetail(selectInstances(plain)[0]!, [], 1, 60).rows.some(row => row.label === 'users')).toBe(false);
	});

	test('the S key toggles stickiness', () => {
		expect(keymap('S', {shift: true}, keymapContext())).toEqual({type: 'elb/stickiness-changed'});
	});
});
