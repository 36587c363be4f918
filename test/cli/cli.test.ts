/**
 * End-to-end tests of the built CLI (`node dist/cli.js`; `npm test` builds first).
 */
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test, vi} from 'vitest';
import {builtInPresetNames} from '../../source/presets/load-preset.js';

const cli = path.resolve('dist/cli.js');

function run(args: readonly string[]) {
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1'}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const temporary = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-cli-'));

describe('scaletop (built)', () => {
	test('dist/cli.js exists (npm test builds before testing)', () => {
		expect(fs.existsSync(cli)).toBe(true);
	});

	test('--help shows the usage and exits 0', () => {
		const {status, stdout} = run(['--help']);
		expect(status).toBe(0);
		expect(stdout).toContain('$ scaletop PRESET --headless [--json]');
		expect(stdout).toContain('--metrics FILE');
		expect(stdout).toContain('Exit codes: 0 success, 1 the run failed (an invariant broke, or a file could not be\n  written), 2 bad usage or a bad preset, 130/143 interrupted (Ctrl-C / SIGTERM),\n  129 the terminal went away.');
	});

	test.each([
		[['--help', '--headless']],
		[['thrashing', '--help']],
		[['tour', '--seed', '1', '--seed', '2', '-h']],
	])('--help is honoured anywhere: %j prints the usage and runs nothing', args => {
		const {status, stdout, stderr} = run(args);
		expect(status).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toContain('$ scaletop PRESET --headless [--json]');
		expect(stdout).not.toContain('seed 7 · simulated');
	});

	test('scaletop ab --help prints ab\'s options and runs no benchmark', () => {
		const {status, stdout, stderr} = run(['ab', '-n', '1000', '--help']);
		expect(status).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toMatch(/^Usage: scaletop ab \[options\]$/m);
		expect(stdout).toMatch(/^ {4}-n requests {5}Number of requests to perform/m);
		expect(stdout).toMatch(/^ {4}-c concurrency {2}Number of multiple requests to make at a time/m);
		expect(stdout).not.toContain('Requests per second');
	});

	test('--version is honoured anywhere', () => {
		const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as {version: string}).version;
		for (const args of [['ab', '-n', '5', '--version'], ['steady', '--headless', '--version']]) expect(run(args)).toEqual({status: 0, stdout: `${version}\n`, stderr: ''});
	});

	test('--version prints the package version', () => {
		const {status, stdout} = run(['--version']);
		expect(status).toBe(0);
		expect(stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
	});

	test('--list-presets lists every built-in preset with its duration and title, the default first', () => {
		const {status, stdout} = run(['--list-presets']);
		expect(status).toBe(0);
		const lines = stdout.trim().split('\n');
		expect(lines).toHaveLength(builtInPresetNames().length);
		expect(lines[0]).toMatch(/^tour +5m {2}A five-minute tour.*\(default\)$/);
		expect(stdout).toMatch(/^thrashing +1h {2}Thrashing: no cooldown and tight thresholds$/m);
		expect(stdout).toMatch(/^daily-traffic +24h {2}/m);
	});

	test('PRESET --headless --json prints the JSON summary of design.md §2, with the seed in use', () => {
		const {status, stdout, stderr} = run(['tour', '--headless', '--json', '--seed', '99', '--duration', '90s']);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const summary = JSON.parse(stdout) as Record<string, unknown>;
		expect(Object.keys(summary)).toEqual(expect.arrayContaining(['preset', 'seed', 'simulatedSeconds', 'requests', 'errors', 'latencyMs', 'throughputPerSecond', 'instances', 'scalingActivities', 'cost', 'alarms', 'elb']));
		expect(summary).toMatchObject({preset: 'tour', seed: 99, simulatedSeconds: 90});
		expect(Object.keys(summary['requests'] as object)).toEqual(expect.arrayContaining(['arrived', 'completed', 'failed', 'inFlight']));
		expect(Object.keys(summary['latencyMs'] as object)).toEqual(expect.arrayContaining(['mean', 'p50', 'p90', 'p95', 'p99', 'max']));
		expect(Object.keys(summary['cost'] as object)).toEqual(expect.arrayContaining(['totalUsd', 'instanceHours', 'fixedPeakFleetUsd']));
		expect(run(['tour', '--headless', '--json', '--seed', '99', '--duration', '90s']).stdout).toBe(stdout);
	});

	test('PRESET --headless prints the readable summary with the seed', () => {
		const {status, stdout} = run(['elb-two-instances', '--headless', '--duration', '2m']);
		expect(status).toBe(0);
		expect(stdout.split('\n').slice(0, 2)).toEqual(['scaletop · elb-two-instances — Two instances behind a load balancer share the load', 'seed 3 · simulated 2m']);
		expect(stdout).toMatch(/^ {2}latency \(ms\) \.+: mean=/m);
	});

	test('a bad preset: exit 2, one line per problem with file:line:col, no stack trace', () => {
		const {status, stdout, stderr} = run(['test/fixtures/presets/invalid/max-below-min.yaml', '--headless']);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe('test/fixtures/presets/invalid/max-below-min.yaml:6:8 autoScaling.max: must be ≥ min (2), got 1\n');
	});

	test('a bad preset with several problems reports them all at once', () => {
		const {status, stderr} = run(['test/fixtures/presets/invalid/many-problems.yaml', '--headless']);
		expect(status).toBe(2);
		expect(stderr.trim().split('\n')).toHaveLength(4);
		expect(stderr).not.toMatch(/\n\s+at /);
	});

	test('an unknown flag: one sentence with a did-you-mean, exit 2', () => {
		const {status, stderr} = run(['tour', '--hedless']);
		expect(status).toBe(2);
		expect(stderr).toBe('scaletop: unknown flag --hedless, did you mean --headless? (scaletop --help lists the flags)\n');
	});

	test('an unknown preset name suggests the closest built-in', () => {
		const {status, stderr} = run(['thrashng', '--headless']);
		expect(status).toBe(2);
		expect(stderr).toBe('scaletop: unknown preset "thrashng", did you mean "thrashing"? (scaletop --list-presets lists the built-in presets; a file path works too)\n');
	});

	test.each([
		[['tour', '--headless', '--seed', 'abc'], 'scaletop: --seed must be a whole number from 0 to 4294967295, got "abc"\n'],
		[['tour', '--headless', '--duration', '30 minutes'], 'scaletop: --duration must be a duration like 90s, 30m or 1h, got "30 minutes"\n'],
		[['tour', '--json'], 'scaletop: --json needs --headless (scaletop PRESET --headless --json)\n'],
		[['tour', 'steady', '--headless'], 'scaletop: expected at most one preset, got 2: tour steady\n'],
		[['tour', '--headless', '--cols', '80'], 'scaletop: --cols applies to --record FILE.cast\n'],
		[['tour', '--headless', '-n', '5'], 'scaletop: -n applies to scaletop ab (scaletop ab -n N -c C)\n'],
		[['ab', '-n', '5', '--headless'], 'scaletop: --headless does not apply to scaletop ab (its options: -n, -c, --type, --instances, --app, --algorithm, --seed)\n'],
		[['tour', '--headless', '--seed', '1', '--seed', '2'], 'scaletop: --seed is given twice ("1" and "2"): give it once\n'],
		[['ab', '-n', '10', '-n', '20'], 'scaletop: -n is given twice ("10" and "20"): give it once\n'],
		[['ab', '-k', '-n', '10'], 'scaletop: -k (HTTP keep-alive) is not supported: the simulated clients have no connections to keep; leave it out\n'],
		[['ab', '-t', '10'], 'scaletop: -t (a time limit) is not supported: give the number of requests with -n instead\n'],
		[['ab', '--seed', '-1'], 'scaletop: --seed must be a whole number from 0 to 4294967295, got "-1"\n'],
		[['ab', '--seed', '99999999999999999999'], 'scaletop: --seed must be a whole number from 0 to 4294967295, got "99999999999999999999"\n'],
		[['tour', '--headless', '--record', 'x.cast', '--cols', '79'], 'scaletop: --cols must be a whole number from 80 to 1000, got "79"\n'],
		[['tour', '--headless', '--duration', '100000h'], 'scaletop: --duration must be at most 30d, got "100000h"\n'],
		[['tour', '--headless', '--record', 'x.cast', '--speed', '0.0001'], 'scaletop: --speed 0.0001 makes this 5m run a cast of 34d17h20m; a cast lasts 1s to 1h, so --speed must be from 0.084 to 300 here\n'],
		[['tour', '--headless', '--metrics', 'x.ndjson', '--interval', '1ms'], 'scaletop: --interval must be a whole number of this preset\'s ticks (1s each), got 1ms\n'],
		[['tour', '--headless', '--fps', '5'], 'scaletop: --fps applies to --record FILE.cast\n'],
		[['tour', '--speed', '100000'], 'scaletop: --speed must be from 0.25 to 1200 for the live dashboard (the range of its [ and ] keys), got 100000; a headless run goes as fast as it can\n'],
		[['tour', '--headless', '--speed', '10'], 'scaletop: --speed applies to live runs and recordings; a headless run always goes as fast as it can\n'],
		[['tour', '--headless', '--ascii'], 'scaletop: --ascii applies to the live dashboard and recordings; a headless summary is plain text already\n'],
	])('bad usage %j is one sentence and exit 2', (args, message) => {
		const {status, stderr} = run(args);
		expect(status).toBe(2);
		expect(stderr).toBe(message);
	});

	test('the live dashboard without a terminal points to --headless (exit 2)', () => {
		const {status, stderr} = run(['tour']);
		expect(status).toBe(2);
		expect(stderr).toContain('--headless');
		expect(stderr.trim().split('\n')).toHaveLength(1);
	});

	test('--metrics writes one NDJSON line per interval of simulated time', () => {
		const file = path.join(temporary(), 'tour.ndjson');
		const {status} = run(['tour', '--headless', '--metrics', file, '--interval', '30s', '--duration', '5m']);
		expect(status).toBe(0);
		const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map(text => JSON.parse(text) as {t: number});
		expect(lines.map(line => line.t)).toEqual([30, 60, 90, 120, 150, 180, 210, 240, 270, 300]);
		expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['t', 'arrivalRate', 'completedRate', 'cpuAvg', 'latencyP50', 'latencyP99', 'inService', 'pending', 'desired', 'healthy', 'errors', 'costUsd']));
	});

	test('a run killed part-way leaves a metrics file of whole JSON lines', async () => {
		const file = path.join(temporary(), 'long.ndjson');
		const child = spawn(process.execPath, [cli, 'daily-traffic', '--headless', '--metrics', file, '--interval', '5m', '--duration', '30d'], {stdio: 'ignore'});
		try {
			await vi.waitFor(() => {
				expect(fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').length > 20).toBe(true);
			}, {timeout: 20_000, interval: 50});
		} finally {
			child.kill('SIGKILL');
		}

		await new Promise(resolve => child.once('exit', resolve));
		const text = fs.readFileSync(file, 'utf8');
		expect(text.endsWith('\n')).toBe(true);
		const times = text.trim().split('\n').map(line => (JSON.parse(line) as {t: number}).t);
		expect(times.slice(0, 3)).toEqual([300, 600, 900]);
	});

	test('Ctrl-C during a headless run: the summary so far, a sentence, exit 130, and whole metrics lines', async () => {
		const file = path.join(temporary(), 'interrupted.ndjson');
		const child = spawn(process.execPath, [cli, 'daily-traffic', '--headless', '--metrics', file, '--duration', '30d'], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Uint8Array) => {
			stdout += String(chunk);
		});
		child.stderr.on('data', (chunk: Uint8Array) => {
			stderr += String(chunk);
		});
		const exited = new Promise<number | null>(resolve => {
			child.once('exit', resolve);
		});
		await vi.waitFor(() => {
			expect(fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').length > 5).toBe(true);
		}, {timeout: 20_000, interval: 50});
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(stdout).toMatch(/^seed 5 · simulated \S+ of 30d \(stopped early\)$/m);
		expect(stderr).toMatch(new RegExp(`^scaletop: stopped at \\S+ of 30d simulated; ${file.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')} holds every line up to then\\.\n$`));
		for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
	});

	test('scaletop ab prints ApacheBench\'s report', () => {
		const {status, stdout, stderr} = run(['ab', '-n', '200', '-c', '5', '--seed', '9']);
		expect(status).toBe(0);
		expect(stderr).toContain('Simulated with seed 9 (--seed 9 repeats this run)\n');
		expect(stdout).toContain('Concurrency Level:      5');
		expect(stdout).toContain('Complete requests:      200');
		expect(stdout).toMatch(/^Requests per second: +[\d.]+ \[#\/sec\] \(mean\)$/m);
		expect(stdout).toContain('Percentage of the requests served within a certain time (ms)');
	});

	test('scaletop ab takes attached values, as ab does (-n100 -c10)', () => {
		const {status, stdout} = run(['ab', '-n100', '-c10']);
		expect(status).toBe(0);
		expect(stdout).toContain('Concurrency Level:      10');
		expect(stdout).toContain('Complete requests:      100');
	});

	test('scaletop ab with bad options is one sentence and exit 2', () => {
		const {status, stderr} = run(['ab', '-n', '10', '-c', '100']);
		expect(status).toBe(2);
		expect(stderr.trim().split('\n')).toHaveLength(1);
	});

	test('--headless --record writes a cast, and refuses to overwrite it without --force', () => {
		const file = path.join(temporary(), 'tour.cast');
		const first = run(['tour', '--headless', '--record', file, '--duration', '60s', '--speed', '30', '--fps', '2', '--cols', '100', '--rows', '30']);
		expect(first.status).toBe(0);
		const header = JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]) as {version: number; width: number; height: number};
		expect(header).toMatchObject({version: 2, width: 100, height: 30});
		const again = run(['tour', '--headless', '--record', file, '--duration', '60s']);
		expect(again.status).toBe(2);
		expect(again.stderr).toContain('already exists');
		expect(run(['tour', '--headless', '--record', file, '--duration', '60s', '--speed', '30', '--fps', '2', '--force']).status).toBe(0);
	});
});
