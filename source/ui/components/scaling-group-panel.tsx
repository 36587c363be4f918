/**
 * The Auto Scaling group panel: capacity as AWS counts it (desired, current = InService +
 * Pending, Terminating apart, min, max), the timers that hold scaling back, and each policy
 * with the state of its alarm. The policies are a list the keyboard can focus (Tab) and open
 * (Enter: the policy's last activities with their full Cause).
 */
import type {Line} from '../theme.js';
import {lineWidth, seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {fit} from '../view-models/format.js';
import {textWidth} from '../text-width.js';
import type {ScalingGroupPanelVm} from '../view-models/to-scaling-group-panel.js';
import {alarmStateLabel} from '../view-models/to-alarm-rows.js';
import {fitRows, linesPanel, type PanelContent} from './lines.js';

/** What the panel shows: the group (undefined: the run has none), the selected policy, the focus. */
export type ScalingGroupInput = {
	readonly group: ScalingGroupPanelVm | undefined;
	/** Index of the selected policy; shown only when focused. */
	readonly selected: number;
	readonly isFocused: boolean;
};

/** Count labels when the full ones do not fit. */
const shortLabels: Readonly<Record<string, string>> = {desired: 'des', current: 'cur', InService: 'InSvc', Pending: 'Pend', Terminating: 'Term'};

/** `items` joined by ` · `, packed into as few lines of `width` as they fit. */
function pack(items: readonly string[], width: number): string[] {
	const out: string[] = [];
	for (const item of items) {
		const last = out.at(-1);
		if (last !== undefined && last.length + 3 + item.length <= width) out[out.length - 1] = `${last} · ${item}`;
		else out.push(item);
	}

	return out;
}

/** Labels that start the second group of counts (the instances by lifecycle), when the counts take two lines. */
const lifecycleLabels = new Set(['InService', 'Pending', 'Terminating']);

/**
 * The counts: on one line when they fit; else capacity (desired, current, min, max) on one line
 * and the instances by lifecycle on the next, with short labels if they must.
 */
function countLines(vm: ScalingGroupPanelVm, width: number): {readonly lines: Line[]; readonly gap: string} {
	const line = (counts: ScalingGroupPanelVm['counts'], isShort: boolean, gap: string): Line => counts.flatMap((c, i) => [
		...(i === 0 ? [] : [seg(gap)]),
		seg(`${isShort ? (shortLabels[c.label] ?? c.label) : c.label} `, 'dim'),
		seg(c.value, c.tone),
	]);
	const whole = line(vm.counts, false, '  ');
	if (lineWidth(whole) <= width) return {lines: [whole], gap: '  '};
	const groups = [vm.counts.filter(c => !lifecycleLabels.has(c.label)), vm.counts.filter(c => lifecycleLabels.has(c.label))].filter(g => g.length > 0);
	const long = groups.map(g => line(g, false, '  '));
	if (long.every(l => lineWidth(l) <= width)) return {lines: long, gap: '  '};
	return {lines: groups.map(g => line(g, true, ' ')), gap: ' '};
}

/**
 * A policy's summary in `room` columns: whole when it fits; else without its evaluation period
 * (`CPU > 80 for 5×60s → +2` → `CPU > 80 → +2`: the alarm's detail says it), so what the policy
 * does (the step after `→`) is what stays.
 */
export function summaryFor(summary: string, room: number): string {
	if (textWidth(summary) <= room) return summary;
	return summary.replace(/ for (?:\d+ of )?\d+×\d+s(?= →)/, '');
}

/** Rows the panel would like at `width`: title, counts and timers as they wrap, the policies. */
export function scalingGroupWants(vm: ScalingGroupPanelVm | undefined, width: number): number {
	if (!vm) return 2;
	return 1 + countLines(vm, width).lines.length + pack(vm.timers, width).length + Math.max(1, vm.policies.length);
}

/**
 * The panel's lines for its box. Counts and timers wrap onto more lines when the panel is
 * narrow, unless that would push a policy out of the box.
 */
export function scalingGroupPanelLines(input: ScalingGroupInput, box: PanelBox): PanelContent {
	const {group: vm, isFocused} = input;
	const {width, height} = box;
	if (!vm) return {lines: [titleLine('ASG', width, [], isFocused), [seg('no Auto Scaling group in this scenario', 'dim')]]};
	const lines: Line[] = [titleLine('ASG', width, [seg(vm.name, 'dim')], isFocused)];
	const counts = countLines(vm, width);
	const packed = pack(vm.timers, width);
	const policyRows = Math.max(1, vm.policies.length);
	const hasRoomForCounts = 1 + counts.lines.length + 1 + policyRows <= height;
	lines.push(...(hasRoomForCounts ? counts.lines : [counts.lines.flatMap((line, i) => (i === 0 ? line : [seg(counts.gap), ...line]))]));
	const timers = lines.length + packed.length + policyRows <= height ? packed : [vm.timers.join(' · ')];
	for (const line of timers) lines.push([seg(line, 'dim')]);
	// The name is cut, never the state: a space always separates them, and the state fits the panel.
	const nameWidth = Math.max(1, Math.min(16, Math.max(...vm.policies.map(p => p.name.length), 4), width - 8));
	const policies: Line[] = vm.policies.map(p => [
		seg(fit(p.name, nameWidth)), seg(' '), seg(fit(alarmStateLabel(p.alarm), 6), p.tone), seg(p.alarm ? ' ' : ''), seg(summaryFor(p.summary, width - nameWidth - 1 - 6 - (p.alarm ? 1 : 0)), 'dim'),
	]);
	if (policies.length === 0) policies.push([seg('no scaling policies', 'dim')]);
	const room = Math.max(1, height - lines.length);
	// Keep the selected policy on screen: the list starts where it must for the selection to show.
	const first = isFocused && vm.policies.length > room ? Math.min(Math.max(0, input.selected - room + 2), vm.policies.length - room + 1) : 0;
	const shown = fitRows(policies.slice(first), room, 'more policies');
	const selected = isFocused && vm.policies.length > 0 && input.selected - first < shown.length ? lines.length + input.selected - first : undefined;
	return {lines: [...lines, ...shown], selected};
}

/** The Auto Scaling group panel. */
export const ScalingGroupPanel = linesPanel<ScalingGroupInput>('ScalingGroupPanel', scalingGroupPanelLines);
