/**
 * End to end (issue 14 item 1): a fleet too large for the speed asked for. The live header says
 * the run is lagging and how fast it really goes, and the keys still work: `q` exits at once.
 * 1,000 instances at 40,000 req/s at ×1200 is far beyond what any machine simulates in real time.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {hasTmux, tmuxServers, pollScreen} from '../helpers/tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const isBuilt = existsSync(`${root}/dist/cli.js`);
const session = `scaletop-lag-${process.pid}`;
const server = tmuxServers('lag');
const screen = () => server.tmux('capture-pane', '-p', '-t', session);

const waitForScreen = async (predicate: (text: string) => boolean, what: string, timeoutMs = 20_000) => pollScreen(screen, predicate, what, timeoutMs, 100);

describe.skipIf(!hasTmux || !isBuilt)(hasTmux ? 'a live run that cannot keep up (tmux)' : 'a live run that cannot keep up (skipped: tmux is not installed)', () => {
	afterAll(() => {
		server.killServer();
	});

	test('the header says "lagging" and the speed reached, below the ×1200 asked for, and q still exits', async () => {
		const fleet = ['min', 'max', 'desired'].map(key => `--set autoScaling.${key}=1000`).join(' ');
		server.newSession(session, 120, 40, `cd '${root}' && node dist/cli.js steady --speed 1200 ${fleet} --set load.rate=40000/s; echo "EXIT=$?"; sleep 60`);
		const lagging = await waitForScreen(text => /^scaletop {2}steady .* ×1200 lagging: ×\d/m.test(text), 'the header to say it is lagging');
		const reached = Number(/×1200 lagging: ×([\d.]+)/.exec(lagging)![1]);
		expect(reached).toBeGreaterThan(0);
		expect(reached).toBeLessThan(1200 * 0.9);
		server.tmux('send-keys', '-t', session, 'q');
		const after = await waitForScreen(text => text.includes('EXIT=0'), 'q to end the run', 10_000);
		expect(after).toMatch(/^scaletop · steady — /m);
	}, 40_000);
});
