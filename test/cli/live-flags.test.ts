/**
 * The live dashboard with the CLI's flags, in a real terminal (tmux): `--metrics` writes NDJSON
 * as the live run goes, `--record` writes a cast of what was on screen, `--speed` sets the pace,
 * and `q` ends with exit code 0. Every wait polls until a deadline.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {hasTmux, tmuxServers} from '../helpers/tmux.js';

const root = path.resolve('.');
const session = `scaletop-cli-live-${process.pid}`;
const server = tmuxServers('cli-live');
const {tmux} = server;

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = probe();
		if (value !== undefined) return value;
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}

	throw new Error(`timed out waiting for ${what}; the screen was:\n${tmux('capture-pane', '-p', '-t', session)}`);
}

describe.skipIf(!hasTmux)(hasTmux ? 'live run flags in tmux' : 'live run flags in tmux (skipped: tmux is not installed; .ci/run installs it)', () => {
	afterAll(() => {
		server.killServer();
	});

	test('--metrics and --record work in a live run, and q exits 0', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-live-'));
		const metrics = path.join(folder, 'live.ndjson');
		const cast = path.join(folder, 'live.cast');
		const command = `cd '${root}' && node dist/cli.js instance-killed --speed 600 --metrics '${metrics}' --interval 10s --record '${cast}'; echo "EXIT=$?"; sleep 60`;
		server.newSession(session, 110, 32, command);

		const lines = await waitFor(() => {
			const text = fs.existsSync(metrics) ? fs.readFileSync(metrics, 'utf8') : '';
			const whole = text.split('\n').filter(Boolean);
			return whole.length >= 3 ? whole : undefined;
		}, 'three metrics lines');
		// One line per interval boundary however far a (loaded) frame advances, each the same as
		// headless writes for the same preset and seed: the line is the simulation's, not the frame's.
		const parsed = lines.map(line => JSON.parse(line) as {t: number; inService: number});
		expect(parsed.slice(0, 3).map(line => line.t)).toEqual([10, 20, 30]);
		expect(parsed[0].inService).toBe(2);
		const headless = path.join(folder, 'headless.ndjson');
		execFileSync('node', ['dist/cli.js', 'instance-killed', '--headless', '--duration', '30s', '--metrics', headless, '--interval', '10s'], {cwd: root, encoding: 'utf8'});
		expect(lines.slice(0, 3)).toEqual(fs.readFileSync(headless, 'utf8').trim().split('\n'));

		tmux('send-keys', '-t', session, 'q');
		await waitFor(() => (/EXIT=0/.test(tmux('capture-pane', '-p', '-t', session)) ? true : undefined), 'EXIT=0 after q');
		const castLines = fs.readFileSync(cast, 'utf8').trim().split('\n');
		expect(JSON.parse(castLines[0])).toMatchObject({version: 2, width: 110, height: 32, title: 'An instance is killed: detection, errors, replacement'});
		expect(castLines.slice(1).some(line => line.includes('instance-killed'))).toBe(true);
	});

	test('--events in a live run, and a failed metrics write is a failed run: one sentence after the dashboard, exit 1', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-live-'));
		const events = path.join(folder, 'live-events.ndjson');
		const log = path.join(folder, 'stderr.txt');
		const name = `${session}-full`;
		const command = `cd '${root}' && node dist/cli.js instance-killed --speed 120 --metrics /dev/full --interval 10s --events '${events}' 2>'${log}'; echo "EXIT=$?"; sleep 60`;
		server.newSession(name, 110, 32, command);
		try {
			const lines = await waitFor(() => {
				const text = fs.existsSync(events) ? fs.readFileSync(events, 'utf8') : '';
				const parsed = text.split('\n').filter(Boolean).map(line => JSON.parse(line) as {kind: string; text: string});
				return parsed.some(line => line.kind === 'action' && /terminated in EC2/.test(line.text)) ? parsed : undefined;
			}, 'the kill in the events file', 40_000);
			expect(lines[0]).toMatchObject({kind: 'caption'});
			tmux('send-keys', '-t', name, 'q');
			await waitFor(() => (/EXIT=1/.test(tmux('capture-pane', '-p', '-t', name)) ? true : undefined), 'EXIT=1 after q');
			expect(fs.readFileSync(log, 'utf8')).toBe('scaletop: --metrics /dev/full: writing failed after 0 complete lines (the disk is full); the file ends at its last complete line.\n');
		} finally {
			server.killServer();
		}
	}, 60_000);
});
