import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {parseCast} from './helpers/replay.js';

const script = fileURLToPath(new URL('helpers/record-until-signal.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/recorder/index.js', import.meta.url));

let folder: string;
beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scaletop-sig-'));
});
afterEach(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

/** Start a recording in a child process, send `signal` once it is under way, return how it ended. */
async function recordAndSignal(signal: 'SIGINT' | 'SIGTERM' | 'SIGKILL', file: string): Promise<{code: number | null; stderr: string; signal: string | null}> {
	const child = spawn(process.execPath, [script, file], {stdio: ['ignore', 'pipe', 'pipe']});
	let stderr = '';
	child.stderr.on('data', (chunk: Uint8Array) => {
		stderr += String(chunk);
	});
	let isSignalled = false;
	child.stdout.on('data', (chunk: Uint8Array) => {
		if (!isSignalled && String(chunk).includes('recording')) {
			isSignalled = true;
			child.kill(signal);
		}
	});
	const [code, killedBy] = await new Promise<[number | null, string | null]>(resolve => {
		child.on('close', (exitCode, signalName) => {
			resolve([exitCode, signalName]);
		});
	});
	if (!isSignalled) throw new Error(`the recording ended before it could be interrupted (exit ${code}): ${stderr}`);
	return {code, stderr, signal: killedBy};
}

describe('a headless recording stopped by a signal (built dist/)', () => {
	it('needs the build', () => {
		expect(fs.existsSync(built), 'dist/recorder is missing: run `npm run build` (npm test does) before this test').toBe(true);
	});

	for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
		it(`${signal}: exits ${exitCode} with one sentence, and every line of the partial cast parses`, async () => {
			const file = path.join(folder, `${signal}.cast`);
			const {code, stderr} = await recordAndSignal(signal, file);
			expect(code).toBe(exitCode);
			expect(stderr).toMatch(new RegExp(`^Recording stopped by ${signal}: .+ holds a valid cast of the first \\d+\\.\\d s\\.\\n$`));
			const text = fs.readFileSync(file, 'utf8');
			const cast = parseCast(text);
			expect(cast.header['version']).toBe(2);
			expect(cast.events.length).toBeGreaterThan(20);
			expect(cast.events.at(-1)!.data).toContain('\u001B[?25h');
			expect(cast.events.at(-1)!.timeSeconds).toBeLessThan(7 * 86_400 / 30);
		});
	}

	it('SIGKILL (a crash the process cannot catch): every line written so far is whole and parses', async () => {
		const file = path.join(folder, 'killed.cast');
		const {signal} = await recordAndSignal('SIGKILL', file);
		expect(signal).toBe('SIGKILL');
		const cast = parseCast(fs.readFileSync(file, 'utf8'));
		expect(cast.header['version']).toBe(2);
		expect(cast.events.length).toBeGreaterThan(20);
	});
});
