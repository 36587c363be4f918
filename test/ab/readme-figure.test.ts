import fs from 'node:fs';
import {expect, test} from 'vitest';
import {checkAbOptions, formatAbReport, runAb} from '../../source/ab/index.js';

/** Requests per second of `scaletop ab -n 1000 -c 10 --seed S`, as the report prints it. */
function requestsPerSecond(seed: number): string {
	const checked = checkAbOptions({n: '1000', c: '10', seed: String(seed)});
	if (!checked.ok) throw new Error(checked.message);
	return /Requests per second:\s+([\d.]+)/.exec(formatAbReport(runAb(checked.options)))![1]!;
}

test('the README\'s ab figure is what scaletop ab prints: the default seed, and the range over seeds 1–8', () => {
	const figures = [1, 2, 3, 4, 5, 6, 7, 8].map(seed => requestsPerSecond(seed));
	const sorted = figures.map(Number).toSorted((a, b) => a - b);
	const line = fs.readFileSync('README.md', 'utf8').split('\n').find(text => text.startsWith('scaletop ab -n 1000 -c 10 '));
	expect(line).toContain(`# one t2.micro running WordPress: ${figures[0]} req/s (seeds 1–8: ${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)})`);
});
