/**
 * Every panel rendered by Ink (ink-testing-library) from the hand-built sample view-model
 * (source/ui/sample-views.ts: 5 instances, a spike in force, one alarm firing) at 80 and 120
 * columns, compared with the exact text a user reads (colours stripped).
 */
import React, {type ReactElement} from 'react';
import {describe, expect, test} from 'vitest';
import {renderPanel} from '../helpers/render-panel.js';
import {sampleDashboardVm} from '../../../source/ui/sample-views.js';
import {Header} from '../../../source/ui/components/header.js';
import {LoadPanel} from '../../../source/ui/components/load-panel.js';
import {LoadBalancerPanel} from '../../../source/ui/components/load-balancer-panel.js';
import {ScalingGroupPanel} from '../../../source/ui/components/scaling-group-panel.js';
import {AlarmList} from '../../../source/ui/components/alarm-list.js';
import {EventLog} from '../../../source/ui/components/event-log.js';
import {KeyBar} from '../../../source/ui/components/key-bar.js';
import {Caption} from '../../../source/ui/components/caption-line.js';
import {InstanceTable} from '../../../source/ui/components/instance-table.js';
import {TooSmall} from '../../../source/ui/components/too-small.js';

const vm = sampleDashboardVm(5);
const text = (element: ReactElement) => renderPanel(element).text.split('\n');

const cases = {
	header: (w: number) => <Header vm={vm.header} box={{width: w, height: 1}} />,
	load: (w: number) => <LoadPanel vm={vm.load} box={{width: w, height: 8}} />,
	elb: (w: number) => <LoadBalancerPanel vm={vm.loadBalancer} box={{width: w, height: 5}} />,
	asg: (w: number) => <ScalingGroupPanel vm={{group: vm.scalingGroup, selected: 0, isFocused: false}} box={{width: w, height: 5}} />,
	alarms: (w: number) => <AlarmList vm={{rows: vm.alarms, selected: 0, isFocused: false}} box={{width: w, height: 3}} />,
	log: (w: number) => <EventLog vm={{events: vm.events, top: undefined, isFocused: false}} box={{width: w, height: 6}} />,
	table: (w: number) => <InstanceTable vm={{table: vm.table, selectedId: 'i-0002', scrollOffset: 0, isFocused: true}} box={{width: w, height: 7}} />,
	caption: (w: number) => <Caption vm={{caption: vm.caption, title: 't'}} box={{width: w, height: 1}} />,
	keyBar: (w: number) => <KeyBar vm={vm.keyBar} box={{width: w, height: 1}} />,
};

describe('panels through Ink at 80 columns', () => {
	test('header keeps clock, speed and state, dropping the least important items to fit', () => {
		expect(text(cases.header(80))).toEqual([
			'flash-sale  00:12:34/00:45:00  ×1  ▶ running  $0.0123 $0.0714/h  chaos off',
		]);
	});

	test('load panel: rates, latency, 5xx by code, CPU, fleet and cost; sparklines of the whole run with their top value, the span in the title', () => {
		expect(text(cases.load(80))).toEqual([
			'Load last 1m00s · 2s/col ───────────────────────────────────────────────────────',
			'arrivals           100/s  ▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂███████   ↑100/s spike ×5 42s',
			'completed         88.4/s  ▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▇▇▇████   ↑118/s 312 in flight',
			'p50 / p99   45ms / 1.25s  ▂▂▂▃▃▃▃▄▄▄▅▅▅▆▆▆▆▇▇▇██   ↑1.25s',
			'5xx                3.5/s  ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▃▆█   ↑8.5/s 502 0 503 2.5 504 1',
			'CPU avg              85%  ▃▄▄▄▅▅▅▆▆▇▇▇██████████    ↑100%',
			'healthy              2/5  ▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▆█████       ↑2 of the ELB targets',
			'cost             $0.0123  ▁▁▂▂▂▃▃▃▄▄▄▅▅▅▆▆▆▇▇▇██ ↑$0.0115',
		]);
	});

	test('load balancer panel: kind, algorithm, healthy/total, per-target routing; the targets that do not fit are counted', () => {
		expect(text(cases.elb(80))).toEqual([
			'ELB Classic LB · round-robin ───────────────────────────────────────────────────',
			'2/5 healthy · per-zone',
			'i-0001  us-east-1a InService      29.8/s    1,000',
			'i-0002  us-east-1b OutOfService   29.3/s    1,037',
			'+3 more targets',
		]);
	});

	test('scaling group panel: AWS\'s counts (current = InService + Pending, Terminating apart), timers, policies with their alarm state', () => {
		expect(text(cases.asg(80))).toEqual([
			'ASG web-asg ────────────────────────────────────────────────────────────────────',
			'desired 5  current 4  min 1  max 6  InService 3  Pending 1  Terminating 1',
			'cooldown 4m10s · warm-up 1 (45s) · health ELB · 3 activities',
			'scale-out ALARM  CPU > 80 for 5×60s → +2',
			'scale-in  OK     CPU < 30 for 5×60s → -1',
		]);
	});

	test('alarm list: state, datapoints in breach (M of N), value against threshold', () => {
		expect(text(cases.alarms(80))).toEqual([
			'Alarms ─────────────────────────────────────────────────────────────────────────',
			'HighCPU ALARM  3/5 M=3 CPUUtilization 85.2 > 80',
			'LowCPU  OK         0/5 CPUUtilization 85.2 < 30',
		]);
	});

	test('activity log: newest first, each entry whole (wrapped, never cut), the older ones counted', () => {
		expect(text(cases.log(80))).toEqual([
			'Activity ───────────────────────────────────────────────────────────────────────',
			'00:12:30 Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm',
			'         HighCPU in state ALARM triggered policy scale-out changing the desired',
			'         capacity from 2 to 4.',
			'00:11:40 Alarm HighCPU changed from OK to ALARM.',
			'+2 older',
		]);
	});

	test('instance table: the ASG lifecycle and the EC2 state apart, markers, a CPU bar; columns dropped when narrow', () => {
		expect(text(cases.table(80))).toEqual([
			'▸Instances 5 ───────────────────────────────────────────────────────────────────',
			' ID▲    AZ ASG         EC2           HEALTH                 CPU%  REQ/S     LAT',
			' i-0001 1a InService   running       Healthy      ████████▊   97   29.8   120ms',
			'-i-0002 1b Terminating shutting-down Healthy      ·········    0   29.3       —',
			'!i-0003 1a InService   running       Unhealthy    ██████▍··   71   28.8   134ms',
			' i-0004 1b InService   running       Healthy      █████▎···   58   28.3   141ms',
			'+i-0005 1a Pending     pending       Initializing ·········    0      0       —',
		]);
	});

	test('caption line', () => {
		expect(text(cases.caption(80))).toEqual([
			'» The ELB still routes to the dead instance until it fails 2 checks',
		]);
	});

	test('key bar: as many keys from the key table as fit, help and quit always', () => {
		expect(text(cases.keyBar(80))).toEqual([
			's spike  k kill  x random  z AZ  +- desired  l/L load  H hang     ? help  q quit',
		]);
	});

});

describe('panels through Ink at 120 columns', () => {
	test('header keeps clock, speed and state, dropping the least important items to fit', () => {
		expect(text(cases.header(120))).toEqual([
			'scaletop  flash-sale  00:12:34/00:45:00  ×1  ▶ running  seed 7  $0.0123 $0.0714/h  chaos off',
		]);
	});

	test('load panel: rates, latency, 5xx by code, CPU, fleet and cost; sparklines of the whole run with their top value, the span in the title', () => {
		expect(text(cases.load(120))).toEqual([
			'Load last 1m00s ────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'arrivals           100/s    ▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂████████████████████   ↑100/s spike ×5 42s',
			'completed         88.4/s    ▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▇▇▇▇▇▇▇▇▇▇▇█████████   ↑119/s 312 in flight',
			'p50 / p99   45ms / 1.25s    ▂▂▂▂▂▂▂▂▂▃▃▃▃▃▃▃▃▃▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇▇█████   ↑1.28s',
			'5xx                3.5/s    ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂▂▃▄▅▅▆▇▇█    ↑10/s 502 0 503 2.5 504 1',
			'CPU avg              85%    ▃▃▃▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▇▇▇▇▇▇▇████████████████████████████    ↑100%',
			'healthy              2/5    ▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅███████████████       ↑2 of the ELB targets',
			'cost             $0.0123    ▁▁▁▁▁▂▂▂▂▂▂▂▂▃▃▃▃▃▃▃▃▃▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇█████ ↑$0.0118',
		]);
	});

	test('load balancer panel: kind, algorithm, healthy/total, per-target routing; the targets that do not fit are counted', () => {
		expect(text(cases.elb(120))).toEqual([
			'ELB Classic LB · round-robin ───────────────────────────────────────────────────────────────────────────────────────────',
			'2/5 healthy · per-zone',
			'i-0001  us-east-1a InService      29.8/s    1,000',
			'i-0002  us-east-1b OutOfService   29.3/s    1,037',
			'+3 more targets',
		]);
	});

	test('scaling group panel: AWS\'s counts (current = InService + Pending, Terminating apart), timers, policies with their alarm state', () => {
		expect(text(cases.asg(120))).toEqual([
			'ASG web-asg ────────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'desired 5  current 4  min 1  max 6  InService 3  Pending 1  Terminating 1',
			'cooldown 4m10s · warm-up 1 (45s) · health ELB · 3 activities',
			'scale-out ALARM  CPU > 80 for 5×60s → +2',
			'scale-in  OK     CPU < 30 for 5×60s → -1',
		]);
	});

	test('alarm list: state, datapoints in breach (M of N), value against threshold', () => {
		expect(text(cases.alarms(120))).toEqual([
			'Alarms ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'HighCPU ALARM  3/5 M=3 CPUUtilization 85.2 > 80',
			'LowCPU  OK         0/5 CPUUtilization 85.2 < 30',
		]);
	});

	test('activity log: newest first, each entry whole (wrapped, never cut), the older ones counted', () => {
		expect(text(cases.log(120))).toEqual([
			'Activity ───────────────────────────────────────────────────────────────────────────────────────────────────────────────',
			'00:12:30 Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm HighCPU in state ALARM triggered policy',
			'         scale-out changing the desired capacity from 2 to 4.',
			'00:11:40 Alarm HighCPU changed from OK to ALARM.',
			'00:10:00 User requested a load spike ×5 for 60 s.',
			'00:05:00 The flash sale starts',
		]);
	});

	test('instance table: the ASG lifecycle and the EC2 state apart, markers, a CPU bar; columns dropped when narrow', () => {
		expect(text(cases.table(120))).toEqual([
			'▸Instances 5 ───────────────────────────────────────────────────────────────────────────────────────────────────────────',
			' ID▲    TYPE     AZ         ASG         EC2           HEALTH                          CPU%  REQ/S  INFL     LAT      UP',
			' i-0001 t2.micro us-east-1a InService   running       Healthy      █████████████████▌   97   29.8    40   120ms  12m34s',
			'-i-0002 t2.micro us-east-1b Terminating shutting-down Healthy      ··················    0   29.3    39       —  12m04s',
			'!i-0003 t2.micro us-east-1a InService   running       Unhealthy    ████████████▊·····   71   28.8    38   134ms  11m34s',
			' i-0004 t2.micro us-east-1b InService   running       Healthy      ██████████▌·······   58   28.3    37   141ms  11m04s',
			'+i-0005 t2.micro us-east-1a Pending     pending       Initializing ··················    0      0     0       —     12s',
		]);
	});

	test('caption line', () => {
		expect(text(cases.caption(120))).toEqual([
			'» The ELB still routes to the dead instance until it fails 2 checks',
		]);
	});

	test('key bar: as many keys from the key table as fit, help and quit always', () => {
		expect(text(cases.keyBar(120))).toEqual([
			's spike  k kill  x random  z AZ  +- desired  l/L load  H hang  u up  a algo  c chaos  / filter            ? help  q quit',
		]);
	});

});
