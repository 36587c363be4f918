import React from 'react';
import {scalingGroupPanelLines} from '../panels/scaling-group-panel.js';
import type {Theme} from '../theme.js';
import type {ScalingGroupPanelVm} from '../view-models/to-scaling-group-panel.js';
import {Lines} from './lines.js';

/** Props of {@link ScalingGroupPanel}. */
export type ScalingGroupPanelProps = {readonly vm: ScalingGroupPanelVm | undefined; readonly width: number; readonly height: number; readonly theme: Theme};

/** The Auto Scaling group: desired/current/InService/Pending/min/max, cooldown and warm-up, policies. */
export function ScalingGroupPanel({vm, width, height, theme}: ScalingGroupPanelProps) {
	return <Lines lines={scalingGroupPanelLines(vm, width)} width={width} height={height} theme={theme} />;
}

