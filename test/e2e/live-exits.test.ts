/**
 * End to end, the built CLI in tmux: every way a live run ends gives the terminal back with the
 * documented exit code (issue 14 items 2–4) — SIGINT 130; an orphaned dashboard (its shell
 * killed) ends on one SIGTERM; a terminal that vanishes (`tmux kill-session`) ends the run
 * quietly with 129, nothing on stderr but the Recorded line (no `write EIO`, no native assertion) and the cast and
 * metrics complete. Colour off by FORCE_COLOR=0 and --no-color, TERM=dumb's plain lines (item
 * 12), and a live --record's "Recorded …" line and header command (item 20).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
const isBuilt = existsSync(`${root}/dist/cli.js`);
const session = 'exits';
// A tmux server of our own for each test (-L): killing a session never races another's server.
let socket = '';
let runs = 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const screen = (withEscapes = false) => tmux('capture-pane', '-p', ...(withEscapes ? ['-e'] : []), '-t', session);

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = probe();
		if (value !== undefined) return value;
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}

	throw new Error(`timed out waiting for ${what}; the screen was:\n${hasSession() ? screen() : '(no session)'}`);
}

const hasSession = () => spawnSync('tmux', ['-L', socket, 'has-session', '-t', session]).status === 0;
const screenWith = (pattern: RegExp, what: string) => waitFor(() => (pattern.test(screen()) ? screen() : undefined), what);
const fileWith = (file: string, pattern: RegExp, what: string) => waitFor(() => (existsSync(file) && pattern.test(readFileSync(file, 'utf8')) ? readFileSync(file, 'utf8') : undefined), what);

/** The pid of the `scaletop` process under the pane. */
function scaletopPid(): number {
	const out = spawnSync('pgrep', ['-s', tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim(), '-x', 'scaletop'], {encoding: 'utf8'}).stdout.trim();
	return Number(out.split('\n')[0]);
}

const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** SGR colour parameters (30–37, 39 excepted, 40–47, 90–97, 100–107, 38;5 / 38;2) in a capture. */
const colourSgr = /\u001B\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

describe.skipIf(!hasTmux || !isBuilt)('live exits, colour and TERM=dumb in tmux', () => {
	beforeEach(() => {
		socket = `scaletop-exits-${process.pid}-${runs++}`;
	});

	afterEach(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	test('SIGINT: exit 130, the screen restored and the summary printed', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'scaletop-exits-'));
		tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', 'sh', '-c', `cd '${folder}' && node '${root}/dist/cli.js' steady; echo "EXIT=$?"; sleep 60`);
		await screenWith(/^ ID▲ /m, 'the dashboard');
		process.kill(scaletopPid(), 'SIGINT');
		const after = await screenWith(/EXIT=\d+/, 'the exit');
		expect(after).toContain('EXIT=130');
		expect(after).toMatch(/^scaletop · steady — /m);
		expect(tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');
	});

	test('an orphaned dashboard (its sh killed) ends on one SIGTERM, with the terminal restored', async () => {
		tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', 'bash', '--norc');
		tmux('send-keys', '-t', session, `sh -c 'node ${root}/dist/cli.js steady; true'`, 'Enter');
		await screenWith(/^ ID▲ /m, 'the dashboard');
		const pid = scaletopPid();
		const sh = Number(spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], {encoding: 'utf8'}).stdout.trim());
		process.kill(sh, 'SIGTERM');
		await waitFor(() => (isAlive(sh) ? undefined : true), 'the sh to die');
		expect(isAlive(pid)).toBe(true);
		process.kill(pid, 'SIGTERM');
		await waitFor(() => (isAlive(pid) && !/^Z/.test(spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], {encoding: 'utf8'}).stdout.trim()) ? undefined : true), 'the orphan to exit after one SIGTERM');
		const after = await screenWith(/^ {2}requests \.+: \d+ arrived/m, 'the summary');
		expect(after).not.toContain('q quit');
	});

	test('a vanished terminal: exit 129, no write EIO or native assertion on stderr, the cast and the metrics complete', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'scaletop-exits-'));
		// The sh ignores the hangup so it can tell the exit code; scaletop handles its own.
		tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', 'sh', '-c', `cd '${folder}' && trap '' HUP; node '${root}/dist/cli.js' steady --record run.cast --metrics run.ndjson --interval 1s 2>stderr.txt; echo $? > exit.txt`);
		await screenWith(/^ ID▲ /m, 'the dashboard');
		await fileWith(join(folder, 'run.ndjson'), /\n/, 'a metrics line');
		tmux('kill-session', '-t', session);
		const code = await fileWith(join(folder, 'exit.txt'), /\d/, 'the exit code');
		expect(code.trim()).toBe('129');
		// No `write EIO`, no native assertion: only what the recording holds.
		expect(readFileSync(join(folder, 'stderr.txt'), 'utf8')).toMatch(/^Recorded \d+\.\d s of cast \(\d+ frames\) to run\.cast\.\n$/);
		const cast = readFileSync(join(folder, 'run.cast'), 'utf8');
		expect(cast.endsWith('\n')).toBe(true);
		for (const line of cast.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
		const metrics = readFileSync(join(folder, 'run.ndjson'), 'utf8');
		expect(metrics.endsWith('\n')).toBe(true);
		for (const line of metrics.trimEnd().split('\n')) expect(JSON.parse(line)).toHaveProperty('arrivalRate');
	});

	test.each([
		['FORCE_COLOR=0', 'env FORCE_COLOR=0 node', ''],
		['--no-color', 'node', ' --no-color'],
	])('%s: no colour on screen (bold, dim and reverse still mark what matters)', async (_name, runner, flag) => {
		tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', 'sh', '-c', `${runner} '${root}/dist/cli.js' tour${flag}; sleep 60`);
		await screenWith(/^ ID▲ /m, 'the dashboard');
		const painted = screen(true);
		expect(painted).not.toMatch(colourSgr);
		expect(painted).toContain('\u001B[7m');
	});

	test('the colour check can fail: the default run is in colour', async () => {
		tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', 'sh', '-c', `node '${root}/dist/cli.js' tour; sleep 60`);
		await screenWith(/^ ID▲ /m, 'the dashboard');
		expect(screen(true)).toMatch(colourSgr);
	});

	test('TERM=dumb: plain lines, no escape codes, keys work, q prints the summary and exits 0', async () => {
		tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', 'sh', '-c', `TERM=dumb node '${root}/dist/cli.js' tour; echo "EXIT=$?"; sleep 60`);
		const first = await screenWith(/^\[00:00:\d\d\/00:05:00 x1\] arrivals /m, 'the first status line');
		expect(first).toMatch(/^scaletop tour - A five-minute tour/m);
		expect(first).toContain('TERM=dumb: plain lines');
		expect(tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');
		tmux('send-keys', '-t', session, '+');
		await screenWith(/^\d\d:\d\d:\d\d desired \+1: from 2 to 3$/m, 'the desired change in the log');
		tmux('send-keys', '-t', session, 'q');
		const after = await screenWith(/EXIT=\d+/, 'the exit');
		expect(after).toContain('EXIT=0');
		expect(after).toMatch(/^ {2}requests \.+: \d+ arrived/m);
		// Nothing but plain text and newlines reached the terminal: no SGR, no box or block glyphs.
		expect(screen(true)).not.toContain('\u001B');
		expect(after).not.toMatch(/[─│█▁▂▃▄▅▆▇]/);
	});

	test('a live --record prints its Recorded line after the summary, and its header command names the run', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'scaletop-exits-'));
		tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', 'sh', '-c', `cd '${folder}' && node '${root}/dist/cli.js' tour --record demo.cast --speed 2; echo "EXIT=$?"; sleep 60`);
		await screenWith(/^ ID▲ /m, 'the dashboard');
		tmux('send-keys', '-t', session, 'q');
		const after = await screenWith(/EXIT=\d+/, 'the exit');
		expect(after).toContain('EXIT=0');
		expect(after).toMatch(/^Recorded \d+\.\d s of cast \(\d+ frames\) to demo\.cast\.$/m);
		const header = JSON.parse(readFileSync(join(folder, 'demo.cast'), 'utf8').split('\n')[0]!) as {command: string};
		expect(header.command).toBe('scaletop tour --record demo.cast --seed 7 --duration 5m --speed 2');
	});
});
