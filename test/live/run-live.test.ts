import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = fileURLToPath(new URL('run-default.mjs', import.meta.url));
const isBuilt = existsSync(`${root}/dist/live/run-live.js`);

describe('runLive without a terminal', () => {
	test.skipIf(!isBuilt)('prints one sentence pointing to --headless and exits 2', () => {
		const result = spawnSync(process.execPath, [runner], {cwd: root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('scaletop: the live dashboard needs a terminal (stdin and stdout must be TTYs); use --headless to run a preset without one.\n');
	});
});
