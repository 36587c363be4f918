import React from 'react';
import {loadBalancerPanelLines} from '../panels/load-balancer-panel.js';
import type {Theme} from '../theme.js';
import type {LoadBalancerPanelVm} from '../view-models/to-load-balancer-panel.js';
import {Lines} from './lines.js';

/** Props of {@link LoadBalancerPanel}. */
export type LoadBalancerPanelProps = {readonly vm: LoadBalancerPanelVm; readonly width: number; readonly height: number; readonly theme: Theme};

/** Routing: kind, algorithm, healthy/total, and per-target state and routed counts (rate and total). */
export function LoadBalancerPanel({vm, width, height, theme}: LoadBalancerPanelProps) {
	return <Lines lines={loadBalancerPanelLines(vm, width)} width={width} height={height} theme={theme} />;
}

