import {describe, expect, test} from 'vitest';
import {showLines} from '../helpers/render-text.js';
import {sampleInstances} from '../../../source/ui/sample-views.js';
import {toInstanceRows} from '../../../source/ui/view-models/to-instance-rows.js';
import {instanceTableLines, type InstanceTableInput} from '../../../source/ui/components/instance-table.js';

const five = toInstanceRows(sampleInstances(5), 'id', false);

/** The table drawn as on screen: plain text and raw (with escape codes). */
function table(input: Partial<InstanceTableInput> & {readonly width: number}) {
	const props: InstanceTableInput = {rows: five, selectedId: 'i-0002', sortColumn: 'id', isSortDescending: false, scrollOffset: 0, height: 6, ...input};
	const {lines, selectedLine} = instanceTableLines(props);
	return showLines(lines, props.width, props.height, selectedLine);
}

describe('instance table', () => {
	test('80 columns: short zones, a CPU bar, markers for dying (-), unhealthy (!) and new (+) instances', () => {
		expect(table({width: 80}).text).toBe([
			' ID▲    TYPE     AZ STATE       HEALTH         CPU%  REQ/S  INFL     LAT      UP',
			' i-0001 t2.micro 1a InService   Healthy   ███▉   97   29.8    40   120ms  12m34s',
			'-i-0002 t2.micro 1b Terminating Healthy   ····    0   29.3    39       —  12m04s',
			'!i-0003 t2.micro 1a InService   Unhealthy ██▉·   71   28.8    38   134ms  11m34s',
			' i-0004 t2.micro 1b InService   Healthy   ██▍·   58   28.3    37   141ms  11m04s',
			'+i-0005 t2.micro 1a Pending     Initiali… ····    0      0     0       —     12s',
		].join('\n'));
	});

	test('120 columns: full zones and health, a wider CPU bar', () => {
		expect(table({width: 120}).text).toBe([
			' ID▲    TYPE     AZ         STATE       HEALTH                                        CPU%  REQ/S  INFL     LAT      UP',
			' i-0001 t2.micro us-east-1a InService   Healthy      ███████████████████████████████·   97   29.8    40   120ms  12m34s',
			'-i-0002 t2.micro us-east-1b Terminating Healthy      ································    0   29.3    39       —  12m04s',
			'!i-0003 t2.micro us-east-1a InService   Unhealthy    ██████████████████████▊·········   71   28.8    38   134ms  11m34s',
			' i-0004 t2.micro us-east-1b InService   Healthy      ██████████████████▌·············   58   28.3    37   141ms  11m04s',
			'+i-0005 t2.micro us-east-1a Pending     Initializing ································    0      0     0       —     12s',
		].join('\n'));
	});

	test('the selected instance is drawn in reverse video, wherever the sort puts it', () => {
		const byCpu = toInstanceRows(sampleInstances(5), 'cpu', true);
		const raw = table({width: 80, rows: byCpu, sortColumn: 'cpu', isSortDescending: true}).raw.split('\n');
		const selected = raw.filter((line) => line.includes('\u001B[7m'));
		expect(selected).toHaveLength(1);
		expect(selected[0]).toContain('i-0002');
		expect(table({width: 80, rows: byCpu, sortColumn: 'cpu', isSortDescending: true}).text.split('\n')[0]).toContain('▼CPU%');
	});

	test('sorting by CPU puts the busiest first; ties keep id order', () => {
		expect(toInstanceRows(sampleInstances(5), 'cpu', true).map((r) => r.id)).toEqual(['i-0001', 'i-0003', 'i-0004', 'i-0002', 'i-0005']);
		expect(toInstanceRows(sampleInstances(5), 'cpu', false).map((r) => r.id)).toEqual(['i-0002', 'i-0005', 'i-0004', 'i-0003', 'i-0001']);
	});

	test('a long fleet scrolls so the selected row stays visible, with a position counter', () => {
		const forty = toInstanceRows(sampleInstances(40), 'id', false);
		const text = table({width: 80, rows: forty, selectedId: 'i-0030', height: 6}).text.split('\n');
		expect(text).toHaveLength(6);
		expect(text[0]).toMatch(/26-30\/40$/);
		expect(text.slice(1).map((line) => line.slice(1, 7))).toEqual(['i-0026', 'i-0027', 'i-0028', 'i-0029', 'i-0030']);
	});

	test('an empty fleet says so', () => {
		expect(table({width: 80, rows: []}).text.split('\n')[1]).toBe(' no instances');
	});
});
