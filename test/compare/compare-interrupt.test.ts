/**
 * Ctrl-C (SIGINT) and SIGTERM during `scaletop compare A B --headless` (the built CLI, two
 * threads): as a one-preset headless run, the table so far (both sides stopped at the same
 * moment), one sentence on stderr, exit code 130 / 143.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test, vi} from 'vitest';

const cli = path.resolve('dist/cli.js');

/** CPU seconds a process has used (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid: number): number | undefined {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return undefined;
	}
}

/**
 * Start a comparison of a week, and send `signal` once it is simulating: after 1.5 s of CPU
 * (start-up takes well under one, however loaded the machine), or 4 s without /proc.
 */
async function interrupted(signal: 'SIGINT' | 'SIGTERM') {
	const child = spawn(process.execPath, [cli, 'compare', 'thrashing', 'steady', '--headless', '--duration', '7d'], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1'}});
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
	const started = Date.now();
	await vi.waitFor(() => {
		const used = cpuSeconds(child.pid!);
		expect(used === undefined ? Date.now() - started > 4000 : used >= 1.5).toBe(true);
	}, {timeout: 60_000, interval: 50});
	expect(stdout).toBe('');
	child.kill(signal);
	return {status: await exited, stdout, stderr};
}

describe('scaletop compare A B --headless, stopped', () => {
	test('Ctrl-C: the table so far, both sides at the same moment, a sentence, exit 130', async () => {
		const {status, stdout, stderr} = await interrupted('SIGINT');
		expect(status).toBe(130);
		const heading = /^scaletop compare · A thrashing vs B steady — seed 13, (\d+h) of 7d simulated \(stopped early\)$/.exec(stdout.split('\n')[0]!);
		expect(heading, stdout).not.toBeNull();
		expect(stderr).toBe(`scaletop: stopped at ${heading![1]} of 7d simulated.\n`);
		// One clock: the same arrivals on both sides so far.
		expect(stdout).toMatch(/^requests arrived +([\d,]+) +\1 +0$/m);
		expect(stdout).toMatch(/^cost +\$[\d.]+ +\$[\d.]+ /m);
	}, 90_000);

	test('SIGTERM: the same, with exit code 143', async () => {
		const {status, stdout, stderr} = await interrupted('SIGTERM');
		expect(status).toBe(143);
		expect(stdout).toMatch(/^scaletop compare · A thrashing vs B steady — seed 13, \d+h of 7d simulated \(stopped early\)\n/);
		expect(stderr).toMatch(/^scaletop: stopped at \d+h of 7d simulated\.\n$/);
	}, 90_000);
});
