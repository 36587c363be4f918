/** `scaletop compare` through the built CLI (`npm test` builds first): two worker threads. */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, test} from 'vitest';

const cli = path.resolve('dist/cli.js');
const run = (args: readonly string[]) => {
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1'}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
};

describe('scaletop compare (built)', () => {
	test('--json: each side equals that preset run alone with A\'s seed', () => {
		const both = run(['compare', 'thrashing', 'steady', '--headless', '--json', '--duration', '10m']);
		expect(both.stderr).toBe('');
		expect(both.status).toBe(0);
		const {a, b} = JSON.parse(both.stdout) as {a: unknown; b: unknown};
		expect(a).toEqual(JSON.parse(run(['thrashing', '--headless', '--json', '--duration', '10m']).stdout));
		expect(b).toEqual(JSON.parse(run(['steady', '--headless', '--json', '--seed', '13', '--duration', '10m']).stdout));
	});

	test('the table, and errors as one sentence with exit code 2', () => {
		const table = run(['compare', 'thrashing', 'steady', '--headless', '--duration', '5m', '--seed', '4']);
		expect(table.status).toBe(0);
		expect(table.stdout.split('\n')[0]).toBe('scaletop compare · A thrashing vs B steady — seed 4, 5m simulated');
		expect(table.stdout).toMatch(/^cost +\$[\d.]+ +\$[\d.]+ +[+−]?\$[\d.]+ .*$/m);
		expect(run(['compare', 'thrashing'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: compare takes two presets (scaletop compare A B --headless), got 1: thrashing\n'});
		expect(run(['compare', 'thrashing', 'nosuch', '--headless'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: unknown preset "nosuch" (scaletop --list-presets lists the built-in presets; a file path works too)\n'});
		expect(run(['compare', 'a', 'b', '--json'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --json needs --headless (scaletop compare A B --headless --json)\n'});
	});

	test('live: without a terminal it says what it needs (exit 2); live-only flags are refused with --headless', () => {
		expect(run(['compare', 'thrashing', 'steady'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: the live dashboard needs a terminal (stdin and stdout must be TTYs); use --headless to run a preset without one.\n'});
		expect(run(['compare', 'thrashing', 'steady', '--headless', '--speed', '10'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --speed applies to the live comparison (scaletop compare A B --speed …), not to --headless\n'});
		expect(run(['compare', 'thrashing', 'steady', '--speed', '5000'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --speed must be from 0.25 to 1200 for the live comparison (the range of its [ and ] keys), got 5000\n'});
	});
});
