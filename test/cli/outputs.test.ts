/**
 * The built CLI's output files: nothing written is lost or half-written (issue 14 items 5 and
 * 19). A failed write is a failed run (exit 1, one sentence); an existing file needs --force;
 * --events writes the run's log as NDJSON; the JSON summary carries schemaVersion.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';

const cli = path.resolve('dist/cli.js');
const run = (args: readonly string[]) => {
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
};

const temporary = () => fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-out-'));
const ndjson = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line) as Record<string, unknown>);

describe('scaletop PRESET --headless with output files (built)', () => {
	test.skipIf(!fs.existsSync('/dev/full'))('--metrics /dev/full: the summary, then one sentence, exit 1', () => {
		const {status, stdout, stderr} = run(['tour', '--headless', '--metrics', '/dev/full']);
		expect(stdout).toContain('tour');
		expect(stderr).toBe('scaletop: --metrics /dev/full: writing failed after 0 complete lines (the disk is full); the file ends at its last complete line.\n');
		expect(status).toBe(1);
		expect(run(['tour', '--headless', '--events', '/dev/full'])).toMatchObject({status: 1, stderr: 'scaletop: --events /dev/full: writing failed after 0 complete lines (the disk is full); the file ends at its last complete line.\n'});
	});

	test('an existing metrics or events file is kept unless --force, as --record', () => {
		const folder = temporary();
		const file = path.join(folder, 'kept.ndjson');
		fs.writeFileSync(file, 'yesterday\n');
		for (const flag of ['--metrics', '--events', '--record']) {
			expect(run(['tour', '--headless', flag, file])).toEqual({status: 2, stdout: '', stderr: `scaletop: ${flag} ${file}: the file already exists (add --force to overwrite it).\n`});
			expect(fs.readFileSync(file, 'utf8')).toBe('yesterday\n');
		}

		expect(run(['tour', '--headless', '--metrics', file, '--force']).status).toBe(0);
		expect(ndjson(file).length).toBe(5);
		expect(run(['tour', '--headless', '--metrics', file, '--events', file])).toMatchObject({status: 2, stderr: `scaletop: --metrics and --events name the same file (${file}): give each its own\n`});
	});

	test('--events FILE: the run\'s story as {t, kind, text} lines, and --json carries schemaVersion', () => {
		const file = path.join(temporary(), 'tour-events.ndjson');
		const {status, stdout} = run(['tour', '--headless', '--json', '--events', file]);
		expect(status).toBe(0);
		const summary = JSON.parse(stdout) as Record<string, unknown>;
		expect(Object.keys(summary).slice(0, 3)).toEqual(['schemaVersion', 'preset', 'seed']);
		expect(summary['schemaVersion']).toBe(1);
		const lines = ndjson(file);
		expect(new Set(lines.map(line => line['kind']))).toEqual(new Set(['caption', 'action', 'activity', 'alarm', 'health']));
		expect(lines.some(line => line['kind'] === 'activity' && /^Launching a new EC2 instance: i-\w+$/.test(String(line['text'])))).toBe(true);
		expect(lines.every(line => typeof line['t'] === 'number' && typeof line['text'] === 'string')).toBe(true);
	});

	// A 8 KiB tmpfs in a user and mount namespace of its own: a disk that fills mid-run.
	const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=8k tmpfs "$d"'], {encoding: 'utf8'}).status === 0;
	test.skipIf(!canMount)(`a disk that fills mid-run: exit 1, one sentence, and the metrics file ends at its last complete line${canMount ? '' : ' (SKIPPED: unshare -rm cannot mount a tmpfs here)'}`, () => {
		const folder = temporary();
		// The tmpfs is full at the end, so the sentence goes to this test's pipe, not to a file on it.
		const file = `${folder}/m.ndjson`;
		const script = `mount -t tmpfs -o size=8k tmpfs '${folder}' && '${process.execPath}' '${cli}' thrashing --headless --metrics '${file}' --interval 30s >/dev/null; echo "EXIT=$?"; wc -l < '${file}'; cat '${file}'`;
		const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], {encoding: 'utf8'});
		const [exit, lineCount, ...lines] = result.stdout.split('\n');
		const content = lines.join('\n');
		expect(exit).toBe('EXIT=1');
		expect(result.stderr).toBe(`scaletop: --metrics ${file}: writing failed after ${lineCount} complete lines (the disk is full); the file ends at its last complete line.\n`);
		expect(Number(lineCount)).toBeGreaterThan(10);
		// Whole lines only: it ends with a newline and every line parses.
		expect(content.endsWith('\n')).toBe(true);
		expect(content.trimEnd().split('\n').map(line => (JSON.parse(line) as {t: number}).t).length).toBe(Number(lineCount));
	});
});

describe('scaletop PRESET --headless --record FILE: a cast file that appears during the run', () => {
	// The paths are checked before the run, the cast is opened after it: a file another process
	// creates meanwhile is kept, and said as every other error is. The --metrics pipe's reader
	// creates it as soon as scaletop opens the pipe, which is after the check.
	test.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)('is not overwritten: one sentence with the scaletop: prefix, exit 2', () => {
		const folder = temporary();
		const cast = path.join(folder, 'race.cast');
		const pipe = path.join(folder, 'metrics.pipe');
		const script = `mkfifo '${pipe}' || exit 9; { exec 3<'${pipe}'; printf theirs > '${cast}'; cat <&3 >/dev/null; } & '${process.execPath}' '${cli}' tour --headless --metrics '${pipe}' --record '${cast}'; echo "EXIT=$?"; wait`;
		const result = spawnSync('sh', ['-c', script], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
		expect(result.stdout).toBe('EXIT=2\n');
		expect(result.stderr).toBe(`scaletop: --record ${cast}: the file already exists (add --force to overwrite it).\n`);
		expect(fs.readFileSync(cast, 'utf8')).toBe('theirs');
	});
});
