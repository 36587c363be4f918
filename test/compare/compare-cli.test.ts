/** `scaletop compare` through the built CLI (`npm test` builds first): two worker threads. */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
		expect(run(['compare', 'thrashing', 'steady', '--headless', '--speed', '10'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --speed applies to the live comparison (scaletop compare A B --speed …) and to recordings (--record F.cast), not to the headless table\n'});
		expect(run(['compare', 'thrashing', 'steady', '--speed', '5000'])).toEqual({status: 2, stdout: '', stderr: 'scaletop: --speed must be from 0.25 to 1200 for the live comparison (the range of its [ and ] keys), got 5000\n'});
	});

	test('--headless --record: the cast its header\'s command makes again byte for byte, and asciinema accepts it', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-compare-cli-'));
		try {
			const [first, again] = ['first.cast', 'again.cast'].map(name => path.join(folder, name));
			const recorded = run(['compare', 'tour', 'steady', '--headless', '--record', first, '--duration', '2m', '--fps', '1', '--cols', '100']);
			expect(recorded.stderr).toBe(`Recorded 60.0 s of cast (61 frames) to ${first}.\n`);
			expect(recorded.status).toBe(0);
			expect(recorded.stdout.split('\n')[0]).toBe('scaletop compare · A tour vs B steady — seed 7, 2m simulated');
			const {command} = JSON.parse(fs.readFileSync(first, 'utf8').split('\n')[0]!) as {command: string};
			expect(command).toBe(`scaletop compare tour steady --headless --record ${first} --seed 7 --duration 2m --speed 2 --fps 1 --cols 100 --rows 40 --no-color`);
			expect(run(command.replace(first, again).split(' ').slice(1)).status).toBe(0);
			expect(fs.readFileSync(again, 'utf8').replace(again, first)).toBe(fs.readFileSync(first, 'utf8'));
			// asciinema 2.x's cat reads /dev/tty: `script` gives it a pseudo-terminal.
			const hasTools = ['asciinema', 'script'].every(tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
			if (hasTools) {
				const cat = spawnSync('script', ['-qec', `asciinema cat '${first}'`, '/dev/null'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
				expect(cat.status).toBe(0);
				expect(cat.stdout).toContain('steady');
			}
		} finally {
			fs.rmSync(folder, {recursive: true, force: true});
		}
	}, 60_000);
});
