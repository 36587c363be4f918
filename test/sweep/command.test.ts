import {describe, expect, test} from 'vitest';
import {sweepCommand} from '../../source/sweep/command.js';
import {makeProgress, progressLine} from '../../source/sweep/progress.js';

/** Run `scaletop sweep ARGS` in this process, capturing its output. */
async function sweep(args: readonly string[]) {
	let stdout = '';
	let stderr = '';
	const status = await sweepCommand(args, {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: (text: string) => (stderr += text)}});
	return {status, stdout, stderr};
}

describe('scaletop sweep: flags', () => {
	test('usage errors are one sentence with exit code 2', async () => {
		const cases: Array<[string[], string]> = [
			[[], 'scaletop: sweep needs a preset (scaletop sweep PRESET --set KEY=V1,V2 …; scaletop sweep --help)\n'],
			[['thrashing', '--seds', '1'], 'scaletop: sweep has no flag --seds, did you mean --seeds? (scaletop sweep --help lists its flags)\n'],
			[['thrashing', '--json', '--csv'], 'scaletop: --json and --csv are two outputs; choose one\n'],
			[['thrashing', '--seeds', '1-3', '--seeds', '4'], 'scaletop: --seeds is given 2 times; give it once\n'],
			[['thrashing', '--set', 'load.rate=1/s', '--set', 'load.rate=2/s'], 'scaletop: --set load.rate is given twice; list its values in one flag (--set load.rate=V1,V2)\n'],
			[['thrashing', '--set', 'seed=1,2'], 'scaletop: --set seed=… : a sweep takes its seeds from --seeds (like --seeds 1-20)\n'],
			[['thrashing', '--threads', '0'], 'scaletop: --threads must be a whole number from 1 to 256, got "0"\n'],
			[['--merge', 'no-such.json'], 'scaletop: cannot read no-such.json: no such file\n'],
			[['--merge', 'x.json', '--seeds', '1'], 'scaletop: --seeds does not apply to --merge (the runs are done; it reads their JSON files)\n'],
			[['nosuch'], 'scaletop: unknown preset "nosuch" (scaletop --list-presets lists the built-in presets; a file path works too)\n'],
		];
		for (const [args, stderr] of cases) {
			const result = await sweep(args);
			expect({args, status: result.status, stdout: result.stdout, stderr: result.stderr}).toEqual({args, status: 2, stdout: '', stderr});
		}
	});

	test('--threads 1 runs in this process and prints the table on stdout only', async () => {
		const result = await sweep(['thrashing', '--set', 'autoScaling.policies[0].alarm.threshold=70,80', '--duration', '3m', '--threads', '1']);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout.split('\n').slice(0, 2)).toEqual(['scaletop sweep · thrashing — 2 combinations × 1 seed (13) = 2 runs, 3m simulated each', '  threshold = autoScaling.policies[0].alarm.threshold']);
	});
});

describe('the progress bar', () => {
	test('its text: done of total, elapsed and an estimate of what is left', () => {
		expect(progressLine(15, 60, 4000, 80)).toBe(`sweep ${'█'.repeat(8)}${'░'.repeat(22)} 15/60 runs · 0:04 elapsed · ~0:12 left`);
		expect(progressLine(15, 60, 4000, 50)).toBe(`sweep ${'█'.repeat(1)}${'░'.repeat(4)} 15/60 runs · 0:04 elapsed · ~0:12 left`);
		expect(progressLine(60, 60, 61_000, 80, 'ascii')).toBe(`sweep ${'#'.repeat(30)} 60/60 runs · 1:01 elapsed`);
	});

	test('drawn on a terminal only, and erased at the end', () => {
		let time = 0;
		const written: string[] = [];
		const bar = makeProgress({isTTY: true, columns: 80, write: (text: string) => written.push(text)}, 4, () => time);
		time = 50;
		bar.update(1);
		time = 200;
		bar.update(2);
		bar.update(4);
		bar.end();
		expect(written.map(text => text.replace(/^\r/, '').replace(/\u001B\[K$/, ''))).toEqual([
			`sweep ${'░'.repeat(30)} 0/4 runs · 0:00 elapsed`,
			`sweep ${'█'.repeat(15)}${'░'.repeat(15)} 2/4 runs · 0:00 elapsed · ~0:00 left`,
			`sweep ${'█'.repeat(30)} 4/4 runs · 0:00 elapsed`,
			'',
		]);
		const quiet: string[] = [];
		const off = makeProgress({isTTY: false, write: (text: string) => quiet.push(text)}, 4, () => 0);
		off.update(2);
		off.end();
		expect(quiet).toEqual([]);
	});
});
