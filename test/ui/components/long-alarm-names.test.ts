/** Long policy and alarm names in the dashboard at 120 columns: the name is cut, never the state. */
import {describe, expect, test} from 'vitest';
import {advance, createInitialState, makeAlarm, makeConfig} from '../../../source/sim/index.js';
import {renderFrame} from '../../../source/ui/render-frame.js';

const config = makeConfig({
	seed: 1,
	load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 20},
	autoScaling: {name: 'web-frontend-production-asg', min: 1, max: 4, desired: 2, policies: [
		{name: 'scale-out-on-high-cpu-utilization', type: 'simple', alarm: makeAlarm({name: 'web-frontend-production-HighCPUUtilization-alarm', comparison: '>', threshold: 80}), adjustmentType: 'ChangeInCapacity', adjustment: 1},
		{name: 'track-cpu-for-the-frontend-fleet', type: 'target-tracking', metric: 'CPUUtilization', target: 50, disableScaleIn: false},
	]},
});

describe('long alarm and policy names at 120 columns', () => {
	// eslint-disable-next-line no-control-regex
	const frame = renderFrame(advance(createInitialState(config), 30), {columns: 120, rows: 40, isColor: false}).split('\n').map((line) => line.replace(/\u001B\[[0-9;]*m/g, ''));
	// The right-hand column: the ASG panel, then the alarm list.
	const column = frame.find((line) => line.includes(' ASG '))!.indexOf('ASG');
	const right = frame.map((line) => line.slice(column).trimEnd());

	test('each policy row shows its alarm state apart from the (cut) name', () => {
		const rows = right.filter((line) => line.includes('CPU > 80') || line.includes('CPU target 50'));
		expect(rows).toHaveLength(2);
		for (const row of rows) expect(row).toMatch(/^\S+ INSUFF CPU/);
	});

	test('each alarm row shows its state; a target-tracking alarm keeps "high" / "low"', () => {
		const rows = right.filter((line) => / 0\/\d+ CPU/.test(line));
		expect(rows).toHaveLength(3);
		for (const row of rows) expect(row).toMatch(/\S INSUFF +0\/\d+ CPU/);
		expect(rows[0]).toMatch(/^web-frontend-production-HighCP\S*… INSUFF/);
		expect(rows[1]).toMatch(/^track-cpu\S*…? high INSUFF/);
		expect(rows[2]).toMatch(/^track-cpu\S*…? low +INSUFF/);
	});
});
