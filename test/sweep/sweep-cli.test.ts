/**
 * `scaletop sweep` end to end, through the built CLI (`npm test` builds first): worker
 * threads, --plan run by a shell as a batch engine would, --merge, and the errors.
 */
import {execFile, spawnSync} from 'node:child_process';
import {promisify} from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';

const cli = path.resolve('dist/cli.js');

function run(args: readonly string[], options: {readonly cwd?: string} = {}) {
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1'}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const grid = ['thrashing', '--set', 'autoScaling.policies[0].alarm.threshold=70,80', '--set', 'autoScaling.policies[1].alarm.threshold=40,50', '--seeds', '1-2', '--duration', '6m'];

describe('scaletop sweep (built)', () => {
	test('the same results with 1 and 2 worker threads, and nothing on stderr when it is not a terminal', () => {
		const one = run(['sweep', ...grid, '--threads', '1', '--json']);
		const two = run(['sweep', ...grid, '--threads', '2', '--json']);
		expect(one.status).toBe(0);
		expect(two.status).toBe(0);
		expect(one.stderr).toBe('');
		expect(two.stderr).toBe('');
		expect(two.stdout).toBe(one.stdout);
		const {runs} = JSON.parse(one.stdout) as {runs: Array<{settings: Record<string, unknown>; seed: number}>};
		expect(runs.map(entry => [entry.settings['autoScaling.policies[0].alarm.threshold'], entry.settings['autoScaling.policies[1].alarm.threshold'], entry.seed])).toEqual([
			[70, 40, 1], [70, 40, 2], [70, 50, 1], [70, 50, 2], [80, 40, 1], [80, 40, 2], [80, 50, 1], [80, 50, 2],
		]);
		const table = run(['sweep', ...grid, '--threads', '2']);
		expect(table.stdout.split('\n')[0]).toBe('scaletop sweep · thrashing — 4 combinations × 2 seeds (1-2) = 8 runs, 6m simulated each');
	});

	test('--plan lines run by a shell, then --merge, give the in-process sweep exactly', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-plan-'));
		// `scaletop` on PATH, as `npm link` would put it.
		fs.mkdirSync(path.join(folder, 'bin'));
		fs.writeFileSync(path.join(folder, 'bin', 'scaletop'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, {mode: 0o755});
		const plan = run(['sweep', ...grid, '--plan']);
		expect(plan.status).toBe(0);
		const lines = plan.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(8);
		expect(lines[0]).toBe('scaletop thrashing --headless --json --seed 1 --set \'autoScaling.policies[0].alarm.threshold=70\' --set \'autoScaling.policies[1].alarm.threshold=40\' --duration 6m');
		// All at once, as a batch engine runs them; each line's output in its own file, named
		// by its number so that the shell's sorted glob order (1, 10, 2 …) is not the sweep's.
		const files = lines.map((_, index) => path.join(folder, `${index + 1}.json`));
		const env = {...process.env, PATH: `${path.join(folder, 'bin')}:${process.env['PATH']}`};
		await Promise.all(lines.map(async (line, index) => promisify(execFile)('/bin/sh', ['-c', `${line} > '${files[index]}'`], {env})));
		files.reverse();
		for (const output of ['--json', undefined]) {
			const extra = output ? [output] : [];
			const merged = run(['sweep', '--merge', ...files, ...extra]);
			expect(merged.stderr).toBe('');
			expect(merged.status).toBe(0);
			const inProcess = run(['sweep', ...grid, ...extra]);
			expect({status: inProcess.status, stderr: inProcess.stderr}).toEqual({status: 0, stderr: ''});
			expect(merged.stdout).toBe(inProcess.stdout);
		}
	}, 180_000);

	test('a bad value is located in the preset and names the --set; nothing runs, nothing on stdout', () => {
		const result = run(['sweep', 'thrashing', '--set', 'autoScaling.defaultCooldown=60s,soon,later']);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe([
			'presets/thrashing.yaml:19:3 autoScaling.defaultCooldown: expected a duration like 90s, 5m or 1h, got "later" (--set autoScaling.defaultCooldown=later)',
			'presets/thrashing.yaml:19:3 autoScaling.defaultCooldown: expected a duration like 90s, 5m or 1h, got "soon" (--set autoScaling.defaultCooldown=soon)',
			'',
		].join('\n'));
	});

	test('--help', () => {
		const result = run(['sweep', '--help']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('$ scaletop sweep PRESET --set KEY=V1,V2 [--set KEY=V1,V2 …] [--seeds 1-20] [options]');
	});
});
