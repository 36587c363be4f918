import React from 'react';
import type {Line, Theme} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {EventLineVm} from '../view-models/to-event-lines.js';
import {Lines} from './lines.js';

/** Props of {@link EventLog}. */
export type EventLogProps = {readonly events: readonly EventLineVm[]; readonly width: number; readonly height: number; readonly theme: Theme};

/** The log's lines: a title, then `HH:MM:SS message. Cause: …`, newest first. */
export function eventLogLines(events: readonly EventLineVm[], width: number): Line[] {
	const lines: Line[] = [titleLine('Activity', width)];
	for (const e of events) lines.push([seg(`${e.time} `, 'dim'), seg(e.text, e.tone)]);
	if (events.length === 0) lines.push([seg('no activity yet', 'dim')]);
	return lines;
}

/** The activity log, newest first, AWS-style lines, cut to the width. */
export function EventLog({events, width, height, theme}: EventLogProps) {
	return <Lines lines={eventLogLines(events, width)} width={width} height={height} theme={theme} />;
}
