import React from 'react';
import {describe, expect, test, vi} from 'vitest';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {makeAlarm, makeConfig} from '../../source/sim/index.js';
import {makeTheme} from '../../source/ui/theme.js';
import {plain} from './helpers/render-text.js';

// Integration: the real App (simulation, keymap, reducers, dashboard) driven through a fake
// terminal. Started paused so that only keys move time; every wait is vi.waitFor.
const config = makeConfig({name: 'test-fleet', title: 'Test fleet', seed: 3});

async function start(which = config) {
	const app = render(<App config={which} theme={makeTheme('color')} isPaused size={{columns: 120, rows: 40}} />);
	// Keys written before Ink listens to stdin would be lost: wait for its listener.
	await vi.waitFor(() => {
		expect(app.stdin.listenerCount('readable')).toBeGreaterThan(0);
	});
	const screen = () => plain(app.lastFrame() ?? '');
	const press = async (input: string, until: (text: string) => boolean) => {
		app.stdin.write(input);
		await vi.waitFor(() => {
			expect(until(screen()), screen()).toBe(true);
		});
	};
	return {app, screen, press};
}

describe('the live app', () => {
	test('starts paused when asked, showing the header, table and key bar', async () => {
		const {app, screen} = await start();
		await vi.waitFor(() => {
			expect(screen()).toContain('❚❚ PAUSED');
		});
		expect(screen().split('\n')).toHaveLength(40);
		expect(screen()).toContain('? help  q quit');
		app.unmount();
	});

	test('? opens the help, any key closes it without acting', async () => {
		const {app, screen, press} = await start();
		await press('?', (text) => text.includes('▸Help ↑↓ PgUp PgDn scroll') && text.includes('│ kill a random instance'));
		await press('x', (text) => !text.includes('▸Help'));
		expect(screen()).not.toContain('terminate-requested');
		expect(screen()).toContain('ID▲');
		app.unmount();
	});

	test('. steps one tick while paused; space resumes', async () => {
		const {app, press} = await start();
		await press('.', (text) => text.includes('00:00:01/') && text.includes('» one tick: now 00:00:01'));
		await press(' ', (text) => text.includes('▶ running') && text.includes('» resumed'));
		app.unmount();
	});

	test('↓ moves the selection; k kills the selected instance and the key bar and activity log say so', async () => {
		const {app, screen, press} = await start();
		await press('.', (text) => text.includes('00:00:01/'));
		const selectedId = () => /i-\d{4}/.exec(plain((app.lastFrame() ?? '').split('\n').find((line) => line.includes('\u001B[7m')) ?? ''))?.[0];
		const tableIds = screen().split('\n').flatMap((line) => /^.(i-\d{4}) t2\./.exec(line)?.[1] ?? []);
		expect(tableIds.length).toBeGreaterThan(1);
		await vi.waitFor(() => {
			expect(selectedId()).toBe(tableIds[0]);
		});
		app.stdin.write('\u001B[B');
		await vi.waitFor(() => {
			expect(selectedId()).toBe(tableIds[1]);
		});
		// The feedback line reports the result, in the activity log's words.
		await press('k', (text) => text.includes(`» kill ${tableIds[1]}: terminated in EC2`));
		await press('.', (text) => text.includes('00:00:02/'));
		const lines = screen().split('\n');
		const log = lines.slice(lines.findIndex((line) => line.startsWith('Activity')));
		expect(log.some((line) => line.includes(tableIds[1]))).toBe(true);
		app.unmount();
	});

	test('keys that arrive together (typed fast, or pasted) act in order: ↓ then k kills the instance ↓ moved to', async () => {
		const {app, screen, press} = await start();
		await press('.', (text) => text.includes('00:00:01/'));
		const tableIds = screen().split('\n').flatMap((line) => /^.(i-\d{4}) t2\./.exec(line)?.[1] ?? []);
		expect(tableIds.length).toBeGreaterThan(1);
		await press('\u001B[Bk', (text) => text.includes('» kill '));
		expect(screen()).toContain(`» kill ${tableIds[1]}`);
		app.unmount();
	});

	test('the feedback line reports what happened: + at the group\'s max is refused, a names the new algorithm', async () => {
		const {app, press} = await start();
		await press('+', (text) => text.includes('» desired +1: from 2 to 3'));
		const full = render(<App config={makeConfig({name: 'full', autoScaling: {min: 1, max: 2, desired: 2}})} theme={makeTheme('mono')} isPaused size={{columns: 120, rows: 40}} />);
		await vi.waitFor(() => {
			expect(full.stdin.listenerCount('readable')).toBeGreaterThan(0);
		});
		full.stdin.write('+');
		await vi.waitFor(() => {
			expect(plain(full.lastFrame() ?? '')).toContain('» desired +1 refused: 3 is above max 2');
		});
		full.stdin.write('a');
		await vi.waitFor(() => {
			expect(plain(full.lastFrame() ?? '')).toContain('» next routing algorithm: least-outstanding-requests');
		});
		full.unmount();
		app.unmount();
	});

	test('Tabs and Enter that arrive together act one by one: \\t\\t\\r focuses the policies and opens the selected one', async () => {
		const withPolicy = makeConfig({name: 'policy', seed: 3, autoScaling: {min: 1, max: 4, desired: 2, policies: [
			{name: 'scale-out', type: 'simple', alarm: makeAlarm({name: 'HighCPU', comparison: '>', threshold: 80}), adjustmentType: 'ChangeInCapacity', adjustment: 1},
		]}});
		const {app, press} = await start(withPolicy);
		await press('\t\t\r', (text) => text.includes('▸scale-out · simple policy of'));
		app.unmount();
	});

	test('plain keys that arrive together act one by one: ]] is two steps faster', async () => {
		const {app, screen, press} = await start();
		await press(']]', (text) => text.includes('×5 '));
		expect(screen()).toContain('» speed ×5');
		app.unmount();
	});

	test('> sorts by the next column and the header marks it; [ and ] change speed', async () => {
		const {app, screen, press} = await start();
		await press('>', (text) => text.includes('TYPE▲') && text.includes('» sort by TYPE'));
		await press(']', (text) => text.includes('×2'));
		await press('[', (text) => text.includes('×1 '));
		expect(screen()).toContain('» speed ×1');
		app.unmount();
	});
});

describe('the habits of top-like tools, in the live app', () => {
	test('/ filters the table as you type; Enter keeps the filter, Esc clears it', async () => {
		const {app, screen, press} = await start();
		await press('/', (text) => text.includes('/█'));
		await press('1', (text) => text.includes('/1█'));
		await press('b', (text) => text.includes('/1b█') && text.includes('/1b 1 filtered out'));
		expect(screen().split('\n').filter(line => /^.i-\d{4} /.test(line)).every(line => line.includes('us-east-1b'))).toBe(true);
		await press('\r', (text) => text.includes('» filter "1b" (Esc clears)'));
		await press('\u001B', (text) => text.includes('» filter cleared') && !text.includes('filtered out'));
		app.unmount();
	});

	test('Enter opens the selected instance\'s detail pane, Esc closes it', async () => {
		const {app, press} = await start();
		await press('\r', (text) => /▸i-\d{4} · t2\.micro · us-east-1\w Esc closes/.test(text) && text.includes('CPU credits'));
		await press('\u001B', (text) => text.includes('ID▲'));
		app.unmount();
	});

	test('Tab focuses the alarms, Enter shows the alarm\'s datapoints against its threshold; on a policy, its activities', async () => {
		const withPolicy = makeConfig({name: 'policy', seed: 3, autoScaling: {min: 1, max: 4, desired: 2, policies: [
			{name: 'scale-out', type: 'simple', alarm: makeAlarm({name: 'HighCPU', comparison: '>', threshold: 80}), adjustmentType: 'ChangeInCapacity', adjustment: 1},
		]}});
		const {app, press} = await start(withPolicy);
		await press('\t', (text) => text.includes('▸Alarms') && text.includes('» focus: alarms'));
		await press('\r', (text) => text.includes('▸HighCPU · INSUFFICIENT_DATA') && text.includes('condition      CPUUtilization Average > 80'));
		await press('\r', (text) => text.includes('ID▲'));
		await press('\t', (text) => text.includes('» focus: scaling policies'));
		await press('\r', (text) => text.includes('▸scale-out · simple policy of') && text.includes('this policy has not acted yet'));
		app.unmount();
	});

	test('t cycles terminated instances, g groups by zone, both say what they did', async () => {
		const {app, press} = await start();
		await press('t', (text) => text.includes('» terminated instances hidden'));
		await press('g', (text) => text.includes('» instances grouped by Availability Zone') && /── us-east-1a · \d instances?, \d healthy/.test(text));
		app.unmount();
	});

	test('Ctrl-C quits with 130 and q with 0 (the live runner sets the exit code)', async () => {
		for (const [key, code] of [['\u0003', 130], ['q', 0]] as const) {
			const codes: number[] = [];
			const app = render(<App config={config} theme={makeTheme('mono')} isPaused size={{columns: 120, rows: 40}} onQuit={(exitCode) => codes.push(exitCode)} />);
			await vi.waitFor(() => {
				expect(app.stdin.listenerCount('readable')).toBeGreaterThan(0);
			});
			app.stdin.write(key);
			await vi.waitFor(() => {
				expect(codes).toEqual([code]);
			});
			app.unmount();
		}
	});
});

describe('the live app and the preset timeline', () => {
	test('each timeline event goes to onMarker once, a pause request pauses, and every state goes to onState', async () => {
		const timeline = makeConfig({
			name: 'timeline',
			timeline: [
				{atTick: 0, action: {type: 'preset/caption-shown', text: 'Watch the ELB'}},
				{atTick: 0, action: {type: 'preset/marker-reached', label: 'chapter 1'}},
				{atTick: 1, action: {type: 'preset/pause-requested'}},
			],
		});
		const markers: string[] = [];
		const ticks: number[] = [];
		const app = render(
			<App config={timeline} theme={makeTheme('mono')} isPaused size={{columns: 120, rows: 40}} onMarker={(label) => markers.push(label)} onState={(state) => ticks.push(state.clock.tick)} />,
		);
		await vi.waitFor(() => {
			expect(app.stdin.listenerCount('readable')).toBeGreaterThan(0);
		});
		app.stdin.write('.');
		await vi.waitFor(() => {
			expect(plain(app.lastFrame() ?? '')).toContain('» Watch the ELB');
		});
		// Markers are reported from an effect, just after the frame that shows them.
		await vi.waitFor(() => {
			expect(markers).toEqual(['chapter 1']);
		});
		app.stdin.write('.');
		await vi.waitFor(() => {
			expect(plain(app.lastFrame() ?? '')).toContain('» paused by the preset (space resumes)');
		});
		expect(plain(app.lastFrame() ?? '')).toContain('❚❚ PAUSED');
		await vi.waitFor(() => {
			expect(ticks).toEqual([0, 1, 2]);
		});
		app.unmount();
	});
});
