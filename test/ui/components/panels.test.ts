import {describe, expect, test} from 'vitest';
import {show} from '../helpers/render-text.js';
import {sampleDashboardVm} from '../../../source/ui/sample-views.js';
import {headerLine} from '../../../source/ui/components/header.js';
import {loadPanelLines} from '../../../source/ui/components/load-panel.js';
import {loadBalancerPanelLines} from '../../../source/ui/components/load-balancer-panel.js';
import {scalingGroupPanelLines} from '../../../source/ui/components/scaling-group-panel.js';
import {alarmListLines} from '../../../source/ui/components/alarm-list.js';
import {eventLogLines} from '../../../source/ui/components/event-log.js';
import {keyBarLine} from '../../../source/ui/components/key-bar.js';
import {captionLines} from '../../../source/ui/components/caption-line.js';
import {tooSmallLines} from '../../../source/ui/components/too-small.js';

// Every panel rendered from the hand-built sample view-model (source/ui/sample-views.ts:
// 5 instances, a spike in force, one alarm firing) at 80 and 120 columns, compared to the
// exact text a user reads (colours stripped).
const vm = sampleDashboardVm(5);

describe('panels at 80 columns', () => {
	test('header keeps clock, speed and state, dropping the least important items to fit', () => {
		expect(show([headerLine(vm.header, 80)], 80)).toBe([
			'flash-sale  00:12:34/00:45:00  ×1  ▶ running  $0.0123 $0.0714/h  chaos off',
		].join('\n'));
	});

	test('load panel: rates, latency, 5xx by code, CPU, fleet and cost with sparklines', () => {
		expect(show(loadPanelLines(vm.load, 80), 80, 8)).toBe([
			'Load ───────────────────────────────────────────────────────────────────────────',
			'arrivals           100/s  ▂▂▂▂▂▂▂▂▂▂▂████████████████████ spike ×5 42s',
			'completed         88.4/s  ▂▂▂▂▂▂▂▂▂▂▂▇▇▇▇▇▇▇▇▇▇▇█████████ 312 in flight',
			'p50 / p99   45ms / 1.25s  ▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇▇█████',
			'5xx                3.5/s  ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂▂▃▄▅▅▆▇▇█ 502 0 503 2.5 504 1',
			'CPU avg              85%  ▇▇▇████████████████████████████',
			'InService              3  ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆███████████████',
			'cost             $0.0123  ▄▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇█████',
		].join('\n'));
	});

	test('load balancer panel: kind, algorithm, healthy/total, per-target routing (clipped to its height)', () => {
		expect(show(loadBalancerPanelLines(vm.loadBalancer, 80), 80, 5)).toBe([
			'ELB Classic LB · round-robin ───────────────────────────────────────────────────',
			'2/5 healthy · per-zone',
			'i-0001  us-east-1a InService      29.8/s    1,000',
			'i-0002  us-east-1b OutOfService   29.3/s    1,037',
			'i-0003  us-east-1a OutOfService   28.8/s    1,074',
		].join('\n'));
	});

	test('scaling group panel: counts, cooldown and warm-up, policies with their alarm state', () => {
		expect(show(scalingGroupPanelLines(vm.scalingGroup, 80), 80, 5)).toBe([
			'ASG web-asg ────────────────────────────────────────────────────────────────────',
			'desired 5  current 5  InService 3  Pending 1  min 1  max 6',
			'cooldown 4m10s · warm-up 1 (45s) · health ELB · 3 activities',
			'scale-out ALARM  CPU > 80 for 5×60s → +2',
			'scale-in  OK     CPU < 30 for 5×60s → -1',
		].join('\n'));
	});

	test('alarm list: state, datapoints in breach (M of N), value against threshold', () => {
		expect(show(alarmListLines(vm.alarms, 80), 80, 3)).toBe([
			'Alarms ─────────────────────────────────────────────────────────────────────────',
			'HighCPU ALARM  3/5 M=3 CPUUtilization 85.2 > 80',
			'LowCPU  OK         0/5 CPUUtilization 85.2 < 30',
		].join('\n'));
	});

	test('activity log: newest first, AWS-style lines with their cause, cut to the width', () => {
		expect(show(eventLogLines(vm.events, 80), 80, 5)).toBe([
			'Activity ───────────────────────────────────────────────────────────────────────',
			'00:12:30 Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm HighC',
			'00:11:40 Alarm HighCPU changed from OK to ALARM.',
			'00:10:00 User requested a load spike ×5 for 60 s.',
			'00:05:00 The flash sale starts',
		].join('\n'));
	});

	test('key bar shows as many keys as fit, help and quit always', () => {
		expect(show([keyBarLine('', 80)], 80)).toBe([
			's spike  k kill  x random  z AZ  +- desired  l/L load  H hang     ? help  q quit',
		].join('\n'));
	});

	test('caption line', () => {
		expect(show(captionLines(vm.caption, 't', 80), 80)).toBe([
			'» The ELB still routes to the dead instance until it fails 2 checks',
		].join('\n'));
	});
});

describe('panels at 120 columns', () => {
	test('header keeps clock, speed and state, dropping the least important items to fit', () => {
		expect(show([headerLine(vm.header, 120)], 120)).toBe([
			'scaletop  flash-sale  00:12:34/00:45:00  ×1  ▶ running  seed 7  $0.0123 $0.0714/h  chaos off',
		].join('\n'));
	});

	test('load panel: rates, latency, 5xx by code, CPU, fleet and cost with sparklines', () => {
		expect(show(loadPanelLines(vm.load, 120), 120, 8)).toBe([
			'Load ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'arrivals           100/s             ▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂████████████████████ spike ×5 42s',
			'completed         88.4/s             ▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▇▇▇▇▇▇▇▇▇▇▇█████████ 312 in flight',
			'p50 / p99   45ms / 1.25s             ▂▂▂▂▂▂▂▂▂▃▃▃▃▃▃▃▃▃▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇▇█████',
			'5xx                3.5/s             ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂▂▃▄▅▅▆▇▇█ 502 0 503 2.5 504 1',
			'CPU avg              85%             ▃▃▃▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▇▇▇▇▇▇▇████████████████████████████',
			'InService              3             ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆███████████████',
			'cost             $0.0123             ▁▁▁▁▁▂▂▂▂▂▂▂▂▃▃▃▃▃▃▃▃▃▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇█████',
		].join('\n'));
	});

	test('load balancer panel: kind, algorithm, healthy/total, per-target routing (clipped to its height)', () => {
		expect(show(loadBalancerPanelLines(vm.loadBalancer, 120), 120, 5)).toBe([
			'ELB Classic LB · round-robin ───────────────────────────────────────────────────────────────────────────────────────────',
			'2/5 healthy · per-zone',
			'i-0001  us-east-1a InService      29.8/s    1,000',
			'i-0002  us-east-1b OutOfService   29.3/s    1,037',
			'i-0003  us-east-1a OutOfService   28.8/s    1,074',
		].join('\n'));
	});

	test('scaling group panel: counts, cooldown and warm-up, policies with their alarm state', () => {
		expect(show(scalingGroupPanelLines(vm.scalingGroup, 120), 120, 5)).toBe([
			'ASG web-asg ────────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'desired 5  current 5  InService 3  Pending 1  min 1  max 6',
			'cooldown 4m10s · warm-up 1 (45s) · health ELB · 3 activities',
			'scale-out ALARM  CPU > 80 for 5×60s → +2',
			'scale-in  OK     CPU < 30 for 5×60s → -1',
		].join('\n'));
	});

	test('alarm list: state, datapoints in breach (M of N), value against threshold', () => {
		expect(show(alarmListLines(vm.alarms, 120), 120, 3)).toBe([
			'Alarms ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'HighCPU ALARM  3/5 M=3 CPUUtilization 85.2 > 80',
			'LowCPU  OK         0/5 CPUUtilization 85.2 < 30',
		].join('\n'));
	});

	test('activity log: newest first, AWS-style lines with their cause, cut to the width', () => {
		expect(show(eventLogLines(vm.events, 120), 120, 5)).toBe([
			'Activity ───────────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'00:12:30 Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm HighCPU in state ALARM triggered policy scale',
			'00:11:40 Alarm HighCPU changed from OK to ALARM.',
			'00:10:00 User requested a load spike ×5 for 60 s.',
			'00:05:00 The flash sale starts',
		].join('\n'));
	});

	test('key bar shows as many keys as fit, help and quit always', () => {
		expect(show([keyBarLine('', 120)], 120)).toBe([
			's spike  k kill  x random  z AZ  +- desired  l/L load  H hang  u up  a algo  c chaos  spc pause           ? help  q quit',
		].join('\n'));
	});

	test('caption line', () => {
		expect(show(captionLines(vm.caption, 't', 120), 120)).toBe([
			'» The ELB still routes to the dead instance until it fails 2 checks',
		].join('\n'));
	});

	test('a caption wider than the terminal wraps at a space onto a second line, read whole', () => {
		const long = 'Health checks wait in the same queues and time out: the ALB marks the instances unhealthy and the group replaces them. Their queued requests fail (502).';
		expect(show(captionLines(long, 't', 120), 120)).toBe([
			'» Health checks wait in the same queues and time out: the ALB marks the instances unhealthy and the group replaces them.',
			'  Their queued requests fail (502).',
		].join('\n'));
	});

	test('a caption longer than two lines is cut on the second, with an ellipsis', () => {
		const lines = captionLines('word '.repeat(60).trim(), 't', 80).map(line => line.map(segment => segment.text).join(''));
		expect(lines).toHaveLength(2);
		expect(lines[1]).toHaveLength(80);
		expect(lines[1].endsWith('…')).toBe(true);
	});

	test('no caption: the preset title, one line', () => {
		expect(show(captionLines('', 'Flash sale', 120), 120)).toBe('Flash sale');
	});
});

describe('small terminals', () => {
	test('below 80×24 the dashboard says so with both sizes', () => {
		expect(show(tooSmallLines(70, 20), 70)).toBe([
			'terminal too small: need 80×24, have 70×20',
		].join('\n'));
	});

	test('a very narrow terminal gets the message on two lines', () => {
		expect(show(tooSmallLines(30, 10), 30)).toBe([
			'terminal too small:',
			'need 80×24, have 30×10',
		].join('\n'));
	});
});
