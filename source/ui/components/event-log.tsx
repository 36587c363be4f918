import React from 'react';
import {eventLogLines} from '../panels/event-log.js';
import type {Theme} from '../theme.js';
import type {EventLineVm} from '../view-models/to-event-lines.js';
import {Lines} from './lines.js';

/** Props of {@link EventLog}. */
export type EventLogProps = {readonly events: readonly EventLineVm[]; readonly width: number; readonly height: number; readonly theme: Theme};

/** The activity log, newest first, AWS-style lines, cut to the width. */
export function EventLog({events, width, height, theme}: EventLogProps) {
	return <Lines lines={eventLogLines(events, width)} width={width} height={height} theme={theme} />;
}

