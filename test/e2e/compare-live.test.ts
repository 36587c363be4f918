/**
 * End to end: `scaletop compare A B` in a real terminal (tmux at 120×40) with --record. Both
 * dashboards appear, a spike hits both, q restores the terminal and prints the comparison so
 * far, and the cast holds the comparison view. Every wait polls the pane until a deadline.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {hasTmux, pollScreen} from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const isBuilt = existsSync(`${root}/dist/cli.js`);
const session = `scaletop-compare-e2e-${process.pid}`;

const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-p', '-t', session);

const waitForScreen = async (predicate: (text: string) => boolean, what: string, timeoutMs = 20_000) => pollScreen(screen, predicate, what, timeoutMs, 50);

describe.skipIf(!hasTmux || !isBuilt)(hasTmux ? 'live comparison in tmux' : 'live comparison in tmux (skipped: tmux is not installed; .ci/run installs it)', () => {
	afterAll(() => {
		spawnSync('tmux', ['kill-session', '-t', session]);
	});

	test('two dashboards and the strip; s hits both; q prints the comparison; --record has the comparison view', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'scaletop-compare-'));
		const cast = join(folder, 'compare.cast');
		const command = `cd '${root}' && node dist/cli.js compare thrashing steady --speed 10 --record '${cast}'; echo "EXIT=$?"; sleep 120`;
		tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', 'sh', '-c', command);

		const first = await waitForScreen(text => text.includes('│ A thrashing │') && /^B {2}scaletop {2}steady/m.test(text), 'both dashboards and the strip');
		const lines = first.split('\n');
		expect(lines[0]).toBe('compare  A thrashing vs B steady  the same load (constant 86/s): both sides see the same arrivals, tick for tick');
		expect(lines[1]).toMatch(/^A {2}scaletop {2}thrashing {2}\d\d:\d\d:\d\d\/01:00:00/);
		expect(tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim()).toBe('1');

		tmux('send-keys', '-t', session, 's');
		await waitForScreen(text => text.includes('» A and B: load spike ×5 for 1 min'), 'the spike on both sides');
		tmux('send-keys', '-t', session, 'q');
		const after = await waitForScreen(text => /EXIT=0/.test(text), 'EXIT=0 after q');
		expect(after).toMatch(/^scaletop compare · A thrashing vs B steady — seed 13, \d+s simulated$/m);
		expect(after).toMatch(/^5xx errors +\d/m);
		expect(tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');

		const castLines = readFileSync(cast, 'utf8').trim().split('\n');
		expect(JSON.parse(castLines[0]!)).toMatchObject({version: 2, width: 120, height: 40, title: 'Thrashing: no cooldown and tight thresholds vs Steady: the same load as thrashing under a sane policy'});
		const output = castLines.slice(1).map(line => JSON.parse(line) as [number, string, string]).filter(event => event[1] === 'o').map(event => event[2]).join('').replaceAll(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
		expect(output).toContain('A thrashing vs B steady');
		expect(output).toContain('│ B steady');
		expect(output).toContain('A and B: load spike ×5 for 1 min');
	}, 60_000);
});
