import React from 'react';
import {alarmListLines} from '../panels/alarm-list.js';
import type {Theme} from '../theme.js';
import type {AlarmRowVm} from '../view-models/to-alarm-rows.js';
import {Lines} from './lines.js';

/** Props of {@link AlarmList}. */
export type AlarmListProps = {readonly rows: readonly AlarmRowVm[]; readonly width: number; readonly height: number; readonly theme: Theme};

/** CloudWatch alarms: name, state, datapoints in breach, and the metric's value against its threshold. */
export function AlarmList({rows, width, height, theme}: AlarmListProps) {
	return <Lines lines={alarmListLines(rows, width)} width={width} height={height} theme={theme} />;
}

