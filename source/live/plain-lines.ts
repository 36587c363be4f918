/**
 * The live run as plain lines, for a terminal that cannot draw the dashboard (`TERM=dumb`:
 * Emacs' shell buffer, a serial console, some CI logs): no cursor movement, no colour, no box or
 * block glyphs — as `top -b` and `vmstat 1` print. Each activity-log entry once as it happens
 * (the AWS wording of the full dashboard's log), a status line at a steady pace, and the key
 * table as text. Pure: lines from states and view-models; ./run-plain.ts prints them.
 */
import {selectEventCount, selectEventsSince, type SimState} from '../sim/index.js';
import {keySections, keyTable} from '../ui/keymap.js';
import {toAscii} from '../ui/theme.js';
import {eventText} from '../ui/view-models/to-event-lines.js';
import {formatClock} from '../ui/view-models/format.js';
import type {RunVm} from '../ui/view-models/to-dashboard.js';

/** The first lines: what this is and which keys work. */
export function plainIntro(vm: RunVm): string[] {
	return [
		toAscii(`scaletop ${vm.header.presetName} - ${vm.header.title}`),
		'TERM=dumb: plain lines (the dashboard needs a terminal that moves the cursor). q quits, ? lists the keys.',
	];
}

/** One status line: clock and speed, load, latency, errors, the group, the alarms, cost. */
export function plainStatus(vm: RunVm): string {
	const {header, load, scalingGroup, alarms} = vm;
	const value = (label: string) => load.rows.find(row => row.label === label)?.value ?? '-';
	const clock = `${header.clock}/${header.duration}${header.isEnded ? ' ended, free run' : ''}`;
	const state = header.isPaused ? 'paused' : header.speed + (header.lag ? ` (${header.lag})` : '');
	const group = scalingGroup ? scalingGroup.counts.map(count => `${count.label} ${count.value}`).join(' ') : `serving ${value('InService')}`;
	const alarmText = alarms.length > 0 ? ` | alarms ${alarms.map(alarm => `${alarm.name} ${alarm.state}`).join(', ')}` : '';
	return toAscii(`[${clock} ${state}] arrivals ${value('arrivals')} | p50/p99 ${value('p50 / p99')} | 5xx ${value('5xx')} | CPU ${value('CPU avg')} | ${group}${alarmText} | ${header.cost} (${header.runRate})`);
}

/**
 * The activity-log entries of `state` after the first `seen` (every one once, oldest first,
 * with its `Cause:`), and the new count. Markers name chapters for recordings and are left out,
 * as in the dashboard's log.
 */
export function plainEvents(state: SimState, seen: number): {readonly lines: string[]; readonly seen: number} {
	const count = selectEventCount(state);
	const events = selectEventsSince(state, seen);
	const lines: string[] = [];
	const lost = count - seen - events.length;
	if (lost > 0) lines.push(`(${lost} activity entries too many to print)`);
	const tickSeconds = state.config.tickSeconds;
	for (const event of events) if (event.kind !== 'marker') lines.push(toAscii(`${formatClock(event.tick * tickSeconds)} ${eventText(event)}`));
	return {lines, seen: count};
}

/** Keys that do something in plain mode (the others need the dashboard's panels). */
export const plainKeyNames: ReadonlySet<string> = new Set(['s', 'l', 'L', 'x', 'z', 'c', '+', '=', '-', '_', 'a', 'D', 'e', 'E', 'K', 'U', ' ', 'p', '.', '[', ']', '?', 'q']);

/** The key table as text: the keys that work here. */
export function plainKeyHelp(): string[] {
	const lines = ['Keys:'];
	for (const section of keySections) {
		for (const binding of keyTable) {
			if (binding.section !== section || !binding.keys.some(key => plainKeyNames.has(key))) continue;
			const help = binding.keys.includes('?') ? 'this list of keys' : binding.help;
			lines.push(toAscii(`  ${binding.label.padEnd(12)} ${help}`));
		}
	}

	lines.push('  (the instance table, details, filter and focus need the full dashboard)');
	return lines;
}
