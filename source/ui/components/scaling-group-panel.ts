import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import {fit} from '../view-models/format.js';
import type {ScalingGroupPanelVm} from '../view-models/to-scaling-group-panel.js';
import {alarmStateLabel} from '../view-models/to-alarm-rows.js';

/** Count labels when the full ones do not fit. */
const shortLabels: Readonly<Record<string, string>> = {desired: 'des', current: 'cur', InService: 'InSvc', Pending: 'Pend'};

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

/**
 * The panel's lines: counts, timers, then each policy with its alarm's state. Timers wrap
 * onto more lines when the panel is narrow, unless that would push a policy out of `height`.
 */
export function scalingGroupPanelLines(vm: ScalingGroupPanelVm | undefined, width: number, height = Number.POSITIVE_INFINITY): Line[] {
	if (!vm) return [titleLine('ASG', width), [seg('no Auto Scaling group in this scenario', 'dim')]];
	const lines: Line[] = [titleLine('ASG', width, [seg(vm.name, 'dim')])];
	const isNarrow = vm.counts.reduce((sum, c) => sum + c.label.length + c.value.length + 3, -2) > width;
	const gap = isNarrow ? ' ' : '  ';
	const counts = vm.counts.map((c) => [seg(`${isNarrow ? (shortLabels[c.label] ?? c.label) : c.label} `, 'dim'), seg(c.value, c.tone)]);
	const countLines: Line[] = [];
	let used = 0;
	for (const count of counts) {
		const size = count.reduce((sum, x) => sum + x.text.length, 0);
		const last = countLines.at(-1);
		if (last && used + gap.length + size <= width) {
			countLines[countLines.length - 1] = [...last, seg(gap), ...count];
			used += gap.length + size;
		} else {
			countLines.push(count);
			used = size;
		}
	}
	const packed = pack(vm.timers, width);
	const policyRows = Math.max(1, vm.policies.length);
	// Wrap counts and timers only while every policy still fits in the panel's height.
	const hasRoomForCounts = 1 + countLines.length + 1 + policyRows <= height;
	lines.push(...(hasRoomForCounts ? countLines : [countLines.flatMap((line, i) => (i === 0 ? line : [seg(gap), ...line]))]));
	const timers = lines.length + packed.length + policyRows <= height ? packed : [vm.timers.join(' · ')];
	for (const line of timers) lines.push([seg(line, 'dim')]);
	// The name is cut, never the state: a space always separates them, and the state fits the panel.
	const nameWidth = Math.max(1, Math.min(16, Math.max(...vm.policies.map((p) => p.name.length), 4), width - 8));
	for (const p of vm.policies) {
		lines.push([seg(fit(p.name, nameWidth)), seg(' '), seg(fit(alarmStateLabel(p.alarm), 6), p.tone), seg(p.alarm ? ' ' : ''), seg(p.summary, 'dim')]);
	}
	if (vm.policies.length === 0) lines.push([seg('no scaling policies', 'dim')]);
	return lines;
}
