/** What the panels do beyond their plain look: selection, scrolling, filters, zones, details, help, wide characters. */
import React from 'react';
import {describe, expect, test} from 'vitest';
import {renderPanel} from '../helpers/render-panel.js';
import {sampleAlarms, sampleAutoScaling, sampleDashboardVm, sampleEvents, sampleInstances, sampleZones} from '../../../source/ui/sample-views.js';
import {InstanceTable, type InstanceTableInput} from '../../../source/ui/components/instance-table.js';
import {EventLog, logRowsWanted} from '../../../source/ui/components/event-log.js';
import {AlarmList} from '../../../source/ui/components/alarm-list.js';
import {DetailPane} from '../../../source/ui/components/detail-pane.js';
import {HelpOverlay} from '../../../source/ui/components/help-overlay.js';
import {BorderedTable, repad} from '../../../source/ui/components/bordered-table.js';
import {Caption} from '../../../source/ui/components/caption-line.js';
import {TooSmall} from '../../../source/ui/components/too-small.js';
import {summaryFor} from '../../../source/ui/components/scaling-group-panel.js';
import {toInstanceTableVm, type TableOptions} from '../../../source/ui/view-models/to-instance-rows.js';
import {toAlarmDetail, toInstanceDetail, toPolicyDetail} from '../../../source/ui/view-models/to-detail.js';
import {toEventLines} from '../../../source/ui/view-models/to-event-lines.js';
import {helpVm} from '../../../source/ui/view-models/to-help.js';
import {textWidth} from '../../../source/ui/text-width.js';
import {makeTheme} from '../../../source/ui/theme.js';
import {advance, createInitialState, selectEventCount, selectEvents, type SimEvent} from '../../../source/sim/index.js';
import {loadPreset} from '../../../source/presets/load-preset.js';

/** The rows a user reads, without the box's empty rows below the content. */
const content = (text: string) => text.replace(/\n+$/, '').split('\n');

const options: TableOptions = {sortColumn: 'id', isSortDescending: false, filter: '', terminated: 'recent', isGroupedByZone: false, nowSeconds: 754};
const table = (input: Partial<InstanceTableInput>, width = 80, height = 7) => renderPanel(<InstanceTable vm={{table: toInstanceTableVm(sampleInstances(5), sampleZones, options), selectedId: 'i-0002', scrollOffset: 0, isFocused: true, ...input}} box={{width, height}} />);

describe('instance table', () => {
	test('the selected row is in reverse video, its CPU bar is not (a full bar stays full)', () => {
		const lines = table({selectedId: 'i-0001'}).raw.split('\n');
		const selected = lines.filter(line => line.includes('\u001B[7m'));
		expect(selected).toHaveLength(1);
		expect(selected[0]).toContain('i-0001');
		// The bar is drawn between two reverse-video runs, in its own colour, not reversed.
		const bar = /\u001B\[27m(?:\u001B\[\d+m)*(█+)/.exec(selected[0]);
		expect(bar?.[1].length).toBeGreaterThan(5);
	});

	test('sorted by CPU the busiest comes first and the arrow marks the column', () => {
		const vm = toInstanceTableVm(sampleInstances(5), sampleZones, {...options, sortColumn: 'cpu', isSortDescending: true});
		const text = renderPanel(<InstanceTable vm={{table: vm, selectedId: undefined, scrollOffset: 0, isFocused: true}} box={{width: 80, height: 7}} />).text.split('\n');
		expect(text[1]).toContain('▼CPU%');
		expect(text.slice(2).map(line => line.slice(1, 7))).toEqual(['i-0001', 'i-0003', 'i-0004', 'i-0002', 'i-0005']);
	});

	test('a long fleet scrolls to keep the selection visible, says where it is and how many rows are below', () => {
		const vm = toInstanceTableVm(sampleInstances(40), sampleZones, options);
		const text = renderPanel(<InstanceTable vm={{table: vm, selectedId: 'i-0030', scrollOffset: 0, isFocused: true}} box={{width: 80, height: 8}} />).text.split('\n');
		expect(text).toHaveLength(8);
		expect(text[0]).toMatch(/^▸Instances 40 · rows 26-30 of 40 ─+$/);
		expect(text.slice(2, 7).map(line => line.slice(1, 7))).toEqual(['i-0026', 'i-0027', 'i-0028', 'i-0029', 'i-0030']);
		expect(text[7]).toBe(' +10 more (↓ PgDn scroll)');
	});

	test('the filter is in the title with what it leaves out; no match says how to clear it', () => {
		const vm = toInstanceTableVm(sampleInstances(5), sampleZones, {...options, filter: '1b'});
		expect(renderPanel(<InstanceTable vm={{table: vm, selectedId: undefined, scrollOffset: 0, isFocused: false}} box={{width: 80, height: 5}} />).text.split('\n')[0]).toMatch(/^Instances 2 · \/1b 3 filtered out \(Esc clears\) ─+$/);
		const none = toInstanceTableVm(sampleInstances(5), sampleZones, {...options, filter: 'zzz'});
		expect(renderPanel(<InstanceTable vm={{table: none, selectedId: undefined, scrollOffset: 0, isFocused: false}} box={{width: 80, height: 5}} />).text.split('\n')[2]).toBe(' no instance matches "zzz" (Esc clears the filter)');
	});

	test('grouped by zone, a heading per zone; an outage is on its heading', () => {
		const zones = [{zone: 'us-east-1a', isDown: true, outageSecondsLeft: 200}, sampleZones[1]];
		const vm = toInstanceTableVm(sampleInstances(4), zones, {...options, isGroupedByZone: true});
		expect(renderPanel(<InstanceTable vm={{table: vm, selectedId: undefined, scrollOffset: 0, isFocused: false}} box={{width: 80, height: 8}} />).text.split('\n')).toEqual([
			'Instances 4 ────────────────────────────────────────────────────────────────────',
			' ID▲    AZ ASG         EC2           HEALTH                 CPU%  REQ/S     LAT',
			'── us-east-1a · 2 instances, 1 healthy · ZONE OUTAGE, 3m20s left ───────────────',
			' i-0001 1a InService   running       Healthy      ████████▊   97   29.8   120ms',
			'!i-0003 1a InService   running       Unhealthy    ██████▍··   71   28.8   134ms',
			'── us-east-1b · 2 instances, 1 healthy ─────────────────────────────────────────',
			'-i-0002 1b Terminating shutting-down Healthy      ·········    0   29.3       —',
			'+i-0004 1b Pending     pending       Initializing ·········    0      0       —',
		]);
	});

	test('a t2 out of CPU credits says THROTTLED where its CPU bar is', () => {
		const throttled = sampleInstances(5).map((v, i) => (i === 3 ? {...v, isThrottled: true, cpuPercent: 10, cpuCredits: 0} : v));
		const vm = toInstanceTableVm(throttled, sampleZones, options);
		const text = renderPanel(<InstanceTable vm={{table: vm, selectedId: undefined, scrollOffset: 0, isFocused: false}} box={{width: 120, height: 7}} />).text.split('\n');
		expect(text[5]).toBe(' i-0004 t2.micro us-east-1b InService   running       Healthy      ▊······· THROTTLED   10   28.3    37   141ms  11m04s');
	});
});

describe('activity log', () => {
	const many: SimEvent[] = Array.from({length: 12}, (_, i) => ({tick: 100 - i, kind: 'activity', message: `Event ${12 - i}.`, cause: ''}));
	const events = toEventLines(many, 1, 11);

	test('scrolled back it stays on the same entries, says how many are newer, and counts the older ones', () => {
		expect(renderPanel(<EventLog vm={{events, top: 7, isFocused: true}} box={{width: 60, height: 5}} />).text.split('\n')).toEqual([
			'▸Activity 4 newer above (Home) ─────────────────────────────',
			'00:01:36 Event 8.',
			'00:01:35 Event 7.',
			'00:01:34 Event 6.',
			'+5 older',
		]);
	});

	test('focused at the newest, the title says how to scroll', () => {
		expect(renderPanel(<EventLog vm={{events, top: undefined, isFocused: true}} box={{width: 60, height: 3}} />).text.split('\n')[0]).toBe('▸Activity ↑↓ PgUp PgDn scroll, Home newest ─────────────────');
	});

	test('an entry that does not fit whole fills the rows left, ending in …, above the count of older ones: no row left empty', () => {
		const vm = sampleDashboardVm(5);
		const text = renderPanel(<EventLog vm={{events: vm.events, top: undefined, isFocused: false}} box={{width: 80, height: 4}} />).text.split('\n');
		expect(text).toEqual([
			'Activity ───────────────────────────────────────────────────────────────────────',
			'00:12:30 Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm',
			'         HighCPU in state ALARM triggered policy scale-out changing the desired…',
			'+3 older',
		]);
		// The newest entry is the last one and too tall: it takes every row, cut with …
		const one = renderPanel(<EventLog vm={{events: vm.events.slice(0, 1), top: undefined, isFocused: false}} box={{width: 80, height: 3}} />).text.split('\n');
		expect(one).toEqual([
			'Activity ───────────────────────────────────────────────────────────────────────',
			'00:12:30 Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm',
			'         HighCPU in state ALARM triggered policy scale-out changing the desired…',
		]);
	});

	test('with older entries left out, every row of the box is used, at any height and width', () => {
		// A real log: alarms' long Causes between one-line entries.
		const loaded = loadPreset('autoscaling-cpu-alarm');
		if (!loaded.ok) throw new Error(loaded.message);
		const state = advance(createInitialState(loaded.config), 900);
		const real = toEventLines(selectEvents(state, 300), 1, selectEventCount(state) - 1);
		for (const [events, width] of [[sampleDashboardVm(5).events, 60], [sampleDashboardVm(5).events, 80], [real, 80], [real, 120]] as const) {
			const all = logRowsWanted(events, width, 100);
			for (let height = 2; height <= Math.min(all, 30); height++) {
				const text = renderPanel(<EventLog vm={{events, top: undefined, isFocused: false}} box={{width, height}} />, undefined, Math.max(width, 100)).text.split('\n');
				expect(text, `${width}×${height}`).toHaveLength(height);
				expect(text.every(line => line.trim() !== ''), `${width}×${height}: ${JSON.stringify(text)}`).toBe(true);
				expect(text.at(-1), `${width}×${height}`).toMatch(/^\+\d+ older$/);
			}
		}
	});
});

describe('alarm list', () => {
	test('focused: the selected alarm is in reverse video; alarms that do not fit are counted', () => {
		const rows = sampleDashboardVm(5).alarms;
		const raw = renderPanel(<AlarmList vm={{rows: [...rows, ...rows.map(r => ({...r, id: `${r.id}2`, name: `${r.name}2`}))], selected: 1, isFocused: true}} box={{width: 60, height: 4}} />);
		expect(raw.text.split('\n')).toEqual([
			'▸Alarms ────────────────────────────────────────────────────',
			'HighCPU  ALARM  3/5 M=3 CPUUtilization 85.2 > 80',
			'LowCPU   OK         0/5 CPUUtilization 85.2 < 30',
			'+2 more alarms',
		]);
		expect(raw.raw.split('\n')[2]).toContain('\u001B[7m');
	});
});

describe('detail pane', () => {
	const instances = sampleInstances(5).map((v, i) => (i === 3 ? {...v, isThrottled: true, cpuPercent: 10, cpuCredits: 0} : v));
	const oldestFirst = [...sampleEvents].reverse();

	test('an instance: its EC2 state and Auto Scaling lifecycle with since when, health checks, CPU credits (throttled), its history', () => {
		expect(content(renderPanel(<DetailPane vm={{detail: toInstanceDetail(instances[3], oldestFirst, 1, 754), scroll: 0}} box={{width: 80, height: 20}} />).text)).toEqual([
			'▸i-0004 · t2.micro · us-east-1b Esc closes ─────────────────────────────────────',
			'EC2 state      running since 00:00:10 (12m24s ago) · launched 00:00:00 · up',
			'               11m04s',
			'Auto Scaling   InService · InService since 00:00:40 (11m54s ago)',
			'health         Healthy',
			'load balancer  healthy · health checks: 10 passed, 0 failed in a row',
			'load           CPU 10 % · 28.3 req/s · 37 in flight · latency 141ms',
			'CPU credits    0: THROTTLED — out of credits, the CPU is held at its 10 %',
			'               baseline, so requests queue while CPU% reads low',
			'billing        on-demand · $0.0020 so far',
			'History (activity log, oldest first)',
			'00:12:30       Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm',
			'               HighCPU in state ALARM triggered policy scale-out changing the',
			'               desired capacity from 2 to 4.',
		]);
	});

	test('an alarm: its datapoints as bars against the threshold (│), breaching ones named, a missing one said', () => {
		const points = {name: 'HighCPU', metric: 'CPUUtilization', statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 80, periodSeconds: 60, newestEndsAtSeconds: 720, datapoints: [40, 55, null, 82, 91, 85.2]};
		const text = content(renderPanel(<DetailPane vm={{detail: toAlarmDetail(sampleAlarms[0], points, oldestFirst, 1), scroll: 0}} box={{width: 80, height: 16}} />).text);
		expect(text.slice(0, 5)).toEqual([
			'▸HighCPU · ALARM Esc closes ────────────────────────────────────────────────────',
			'alarm          HighCPU',
			'condition      CPUUtilization Average > 80 for 3 of 5 × 60 s',
			'state          ALARM · 3 of the last 5 datapoints breach · 1 state change',
			'Datapoints, one per 60 s (newest last); the threshold is 80',
		]);
		expect(text.slice(5, 11).map(line => [line.slice(0, 10), line.includes('│'), line.trimEnd().split(/\s+/).slice(-2).join(' ')])).toEqual([
			['  00:07:00', true, '│ 40'], ['  00:08:00', true, '│ 55'], ['  00:09:00', true, '│ missing'],
			['  00:10:00', false, '82 breaching'], ['  00:11:00', false, '91 breaching'], ['  00:12:00', false, '85.2 breaching'],
		]);
		expect(text.slice(11)).toEqual(['State changes (oldest first)', '00:11:40       Alarm HighCPU changed from OK to ALARM.']);
	});

	test('a policy: its rule, alarms, the group, and its activities with the full Cause', () => {
		const text = content(renderPanel(<DetailPane vm={{detail: toPolicyDetail(sampleAutoScaling(instances), 'scale-out', sampleAlarms, oldestFirst, 1), scroll: 0}} box={{width: 80, height: 12}} />).text);
		expect(text).toEqual([
			'▸scale-out · simple policy of web-asg Esc closes ───────────────────────────────',
			'rule           CPU > 80 for 5×60s → +2',
			'alarm          HighCPU: ALARM (3/5 breaching)',
			'group          desired 5 · min 1 · max 6 · cooldown 4m10s left',
			'Last activities and alarm changes (oldest first), with the full Cause',
			'00:11:40       Alarm HighCPU changed from OK to ALARM.',
			'00:12:30       Launching a new EC2 instance: i-0004. Cause: At 00:12:30 an alarm',
			'               HighCPU in state ALARM triggered policy scale-out changing the',
			'               desired capacity from 2 to 4.',
		]);
	});

	test('scrolled, it shows a window and says which rows', () => {
		const text = renderPanel(<DetailPane vm={{detail: toInstanceDetail(instances[3], oldestFirst, 1, 754), scroll: 3}} box={{width: 80, height: 5}} />).text.split('\n');
		expect(text[0]).toMatch(/^▸i-0004 · t2\.micro · us-east-1b Esc closes · 4-7\/13 ↑↓ ─+$/);
		expect(text[1]).toBe('health         Healthy');
	});
});

describe('help overlay and bordered tables (@alcalzone/ink-table)', () => {
	test('at 80 columns the sections stack, bordered, and scroll under their headings', () => {
		const text = renderPanel(<HelpOverlay vm={{help: helpVm, scroll: 0}} box={{width: 80, height: 10}} />).text.split('\n');
		expect(text).toEqual([
			'▸Help ↑↓ PgUp PgDn scroll · any other key closes ───────────────────────────────',
			'Keys',
			'┌─────────────┬──────────────────────────────────────────────────────────────┐',
			'│ key         │ what it does                                                 │',
			'├─────────────┼──────────────────────────────────────────────────────────────┤',
			'│ s           │ load spike: ×5 for 60 s                                      │',
			'│ l / L       │ lower / raise the base load (×0.8 / ×1.25)                   │',
			'│ k           │ kill (terminate) the selected instance                       │',
			'│ x           │ kill a random instance                                       │',
			'│ z           │ Availability Zone outage for 5 min (the busiest zone)        │',
		]);
		const scrolled = renderPanel(<HelpOverlay vm={{help: helpVm, scroll: 2}} box={{width: 80, height: 10}} />).text.split('\n');
		expect(scrolled[5]).toBe('│ k           │ kill (terminate) the selected instance                       │');
	});

	test('at 200×60 everything fits side by side: the keys with their groups, the markers and columns beside them', () => {
		const text = renderPanel(<HelpOverlay vm={{help: helpVm, scroll: 0}} box={{width: 200, height: 58}} />, makeTheme('color'), 200).text.split('\n');
		expect(text[1]).toMatch(/^Keys +Instance table$/);
		expect(text[3]).toMatch(/^│ group +│ key +│ what it does +│  │ mark +│ meaning +│$/);
		expect(text.join('\n')).toContain('│ THROTTLED  │ a t2 out of CPU credits, held at its baseline');
		expect(text.join('\n')).toContain('│ Capacity and routing │ + / -');
	});

	test('cells are padded by display width: a CJK name keeps the borders in line', () => {
		const text = renderPanel(<BorderedTable columns={['name', 'n']} rows={[{name: '東京 zone', n: '12'}, {name: 'eu', n: '3'}]} alignRight={['n']} />).text.split('\n');
		expect(text).toEqual([
			'┌───────────┬────┐',
			'│ name      │  n │',
			'├───────────┼────┤',
			'│ 東京 zone │ 12 │',
			'│ eu        │  3 │',
			'└───────────┴────┘',
		]);
		for (const line of text) expect(textWidth(line)).toBe(18);
		expect(repad(' 東京 zone   ')).toBe(' 東京 zone ');
	});

	test('with --ascii the borders are ASCII, and NO_COLOR leaves no colour', () => {
		const ascii = renderPanel(<BorderedTable columns={['a']} rows={[{a: 'x'}]} />, makeTheme('mono', 'ascii'));
		expect(ascii.text.split('\n')[0]).toBe('+---+');
		// eslint-disable-next-line no-control-regex -- looking for colour codes
		expect(/\u001B\[(3\d|9\d)m/.test(ascii.raw)).toBe(false);
	});
});

describe('wide characters and small terminals', () => {
	test('a caption with CJK and emoji keeps its columns (two each, by string-width) and wraps within the width', () => {
		const caption = '東京リージョンで障害が発生しました 🚨 the group replaces the instances in the other zones while the load balancer keeps routing';
		const lines = renderPanel(<Caption vm={{caption, title: 't'}} box={{width: 80, height: 2}} />).text.split('\n');
		expect(lines).toHaveLength(2);
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(80);
		expect(lines[0].startsWith('» 東京リージョンで障害が発生しました 🚨')).toBe(true);
	});

	test('below 80×24 the dashboard says so with both sizes, on two lines when narrow', () => {
		expect(renderPanel(<TooSmall vm={{columns: 70, rows: 20}} box={{width: 70, height: 1}} />).text).toBe('terminal too small: need 80×24, have 70×20');
		expect(renderPanel(<TooSmall vm={{columns: 30, rows: 10}} box={{width: 30, height: 2}} />).text).toBe('terminal too small:\nneed 80×24, have 30×10');
	});
});

describe('a scaling policy too long for the ASG panel', () => {
	test('drops its evaluation period, not the step it takes', () => {
		expect(summaryFor('CPU > 80 for 5×60s → +2', 40)).toBe('CPU > 80 for 5×60s → +2');
		expect(summaryFor('CPU > 80 for 5×60s → +2', 20)).toBe('CPU > 80 → +2');
		expect(summaryFor('CPU > 80 for 3 of 5×60s → steps +1/+2/+3', 30)).toBe('CPU > 80 → steps +1/+2/+3');
		expect(summaryFor('CPU target 50', 5)).toBe('CPU target 50');
	});
});
