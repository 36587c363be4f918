/**
 * A live `--speed` is bounded by the dashboard's range (design.md §1b): `steady --speed 1e9`
 * used to freeze the dashboard at 00:00:00 with every key and signal ignored. The check comes
 * before the terminal is touched, so it is seen without one.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, test} from 'vitest';

const cli = path.resolve('dist/cli.js');
const run = (args: readonly string[]) => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

describe('live --speed', () => {
	test.each(['1e9', '100000', '1201', '0.2'])('--speed %s is refused with one sentence and exit 2', (speed) => {
		const {status, stderr, stdout} = run(['steady', '--speed', speed]);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe(`scaletop: --speed must be from 0.25 to 1200 for the live dashboard (the range of its [ and ] keys), got ${Number(speed)}; a headless run goes as fast as it can\n`);
	});

	test('the ends of the range are accepted (then the missing terminal is the problem)', () => {
		for (const speed of ['0.25', '1200']) {
			const {status, stderr} = run(['steady', '--speed', speed]);
			expect(status).toBe(2);
			expect(stderr).toContain('needs a terminal');
		}
	});
});
