/**
 * `npm start` getting one SIGTERM (a process manager, `timeout`, a CI runner stopping a job)
 * ends the run, terminal restored (issue 14 item 3). npm passes the signal to the shell that
 * runs its script, and only to it; a shell (dash) does not pass it on to a command it waits
 * for, so the start script `exec`s node: the signal then reaches scaletop itself. Run through
 * real npm, with package.json's start script minus its build step (the build is done).
 */
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, test} from 'vitest';

const root = path.resolve('.');
const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts['start']!;
const build = 'npm run build --silent && ';
const hasNpm = spawnSync('npm', ['--version']).status === 0;
const started: number[] = [];

/** Pids of `pid` and every process under it. */
function tree(pid: number): number[] {
	const children = spawnSync('pgrep', ['-P', String(pid)], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean).map(Number);
	return [pid, ...children.flatMap(tree)];
}

const isAlive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/^State:\s*Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));

afterEach(() => {
	// Whatever this test started and the signal did not end.
	for (const pid of started.splice(0)) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {}
	}
});

test.skipIf(!hasNpm || !fs.existsSync('/proc/self/status') || !fs.existsSync(path.join(root, 'dist/cli.js')))('one SIGTERM to `npm start` ends scaletop: it prints the run so far and exits 143, nothing left running', async () => {
	expect(start.startsWith(build)).toBe(true);
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-npm-start-'));
	fs.symlinkSync(path.join(root, 'dist'), path.join(folder, 'dist'));
	fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({name: 'scaletop-start-test', private: true, scripts: {start: start.slice(build.length)}}));
	// A headless run of 30 simulated days: minutes of work, so it is still running when the signal comes.
	const metrics = path.join(folder, 'metrics.ndjson');
	const npm = spawn('npm', ['start', '--silent', '--', 'tour', '--headless', '--duration', '30d', '--metrics', metrics], {cwd: folder, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	npm.stdout.on('data', (chunk: Uint8Array) => {
		stdout += String(chunk);
	});
	npm.stderr.on('data', (chunk: Uint8Array) => {
		stderr += String(chunk);
	});
	// 'close': npm has exited and every process holding its output (scaletop) has closed it.
	const closed = new Promise<string>(resolve => {
		npm.on('close', (code, signal) => {
			resolve(String(code ?? signal));
		});
	});
	// Wait until the run is under way: its first metrics line is written.
	const isRunning = () => fs.existsSync(metrics) && fs.readFileSync(metrics, 'utf8').includes('\n');
	const deadline = Date.now() + 20_000;
	while (!isRunning() && Date.now() < deadline) {
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}

	const pids = tree(npm.pid!);
	started.push(...pids);
	expect(isRunning(), `scaletop never started under npm: ${stderr}`).toBe(true);
	npm.kill('SIGTERM');
	const timeout = new Promise<string>(resolve => {
		setTimeout(() => {
			resolve('still running 15 s after the SIGTERM');
		}, 15_000);
	});
	// npm ends as its script did: exit 143, or by the same signal (a shell reports 143 either way).
	expect(['143', 'SIGTERM']).toContain(await Promise.race([closed, timeout]));
	expect(pids.filter(isAlive)).toEqual([]);
	expect(stdout).toMatch(/^seed 7 · simulated .+ of 30d \(stopped early\)$/m);
	expect(stderr).toMatch(/^scaletop: stopped at .+ of 30d simulated; .+metrics.ndjson holds every line up to then\.$/m);
}, 40_000);
