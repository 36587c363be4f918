/** `scaletop ab`: option checks, the simulated run, and ApacheBench's report. */
import {describe, expect, it} from 'vitest';
import {checkAbOptions, formatAbProgress, formatAbReport, runAb, type AbOptions} from '../../source/ab/index.js';

function options(raw: Parameters<typeof checkAbOptions>[0]): AbOptions {
	const checked = checkAbOptions(raw);
	if (!checked.ok) throw new Error(checked.message);
	return checked.options;
}

function line(report: string, startsWith: string): string {
	return report.split('\n').find(l => l.startsWith(startsWith)) ?? '';
}

describe('checkAbOptions', () => {
	it('accepts ab-style numbers and strings, with defaults', () => {
		expect(checkAbOptions({n: '100', c: 10})).toEqual({ok: true, options: {requests: 100, concurrency: 10, instanceType: 't2.micro', instances: 1, app: 'wordpress', algorithm: 'round-robin', seed: 1}});
	});

	it.each([
		[{n: -5}, '-n must be at least 1 (requests), got -5.'],
		[{n: 10, c: 0}, '-c must be at least 1 (concurrent clients), got 0.'],
		[{n: 'many'}, '-n must be a whole number of requests, got "many".'],
		[{n: 2.5}, '-n must be a whole number of requests, got "2.5".'],
		[{n: 10, c: 20}, 'Cannot use concurrency level greater than total number of requests (-c 20 > -n 10).'],
		[{n: 10, type: 't2.mikro'}, 'Unknown instance type "t2.mikro" for --type; did you mean "t2.micro"?'],
		[{n: 10, type: 'z9.huge'}, expect.stringMatching(/^Unknown instance type "z9.huge" for --type; choose one of: t2.nano, /)],
		[{n: 10, app: 'wordpres'}, 'Unknown app profile "wordpres" for --app; did you mean "wordpress"?'],
		[{n: 10, algorithm: 'least-outstanding'}, 'Unknown routing algorithm "least-outstanding" for --algorithm; did you mean "least-outstanding-requests"?'],
		[{n: 10, instances: 0}, '--instances must be at least 1 (instances), got 0.'],
		[{n: 10, seed: 'x'}, '--seed must be a whole number from 0 to 4294967295, got "x"'],
	])('refuses %j with one sentence', (raw, message) => {
		expect(checkAbOptions(raw)).toEqual({ok: false, message});
	});
});

describe('runAb', () => {
	it('one t2.micro with wordpress saturates at about 29.8 req/s, whatever the concurrency', () => {
		for (const c of [1, 10, 50]) {
			const r = runAb(options({n: 20_000, c}));
			const rps = r.completed / r.timeTakenSeconds;
			expect(rps).toBeGreaterThan(29.2);
			expect(rps).toBeLessThan(30.3);
			expect(r.failed).toBe(0);
		}
	});

	it('two instances behind the ELB double the throughput; round-robin splits requests evenly', () => {
		const r = runAb(options({n: 10_000, c: 20, instances: 2}));
		expect(r.completed / r.timeTakenSeconds).toBeGreaterThan(58);
		expect(r.routed).toEqual([5000, 5000]);
	});

	it('is deterministic for a seed', () => {
		expect(runAb(options({n: 500, c: 5, seed: 9}))).toEqual(runAb(options({n: 500, c: 5, seed: 9})));
		expect(runAb(options({n: 500, c: 5, seed: 9})).timeTakenSeconds).not.toBe(runAb(options({n: 500, c: 5, seed: 10})).timeTakenSeconds);
	});

	it('an overwhelmed instance refuses with 503, which ab counts as non-2xx and length failures', () => {
		const r = runAb(options({n: 6000, c: 1500}));
		expect(r.errors['503']).toBeGreaterThan(0);
		expect(r.non2xx).toBe(r.errors['503'] + r.errors['504']);
		const report = formatAbReport(r);
		expect(line(report, 'Non-2xx responses:')).toBe(`Non-2xx responses:      ${r.non2xx}`);
		expect(report).toContain(`   (Connect: 0, Receive: 0, Length: ${r.non2xx}, Exceptions: 0)`);
	});
});

describe('formatAbReport', () => {
	const result = runAb(options({n: 1000, c: 10}));
	const report = formatAbReport(result);

	it('prints ab 2.3\'s lines with labels padded to column 24', () => {
		expect(report.startsWith('This is ApacheBench, Version 2.3')).toBe(true);
		expect(line(report, 'Concurrency Level:')).toBe('Concurrency Level:      10');
		expect(line(report, 'Complete requests:')).toBe('Complete requests:      1000');
		expect(line(report, 'Failed requests:')).toBe('Failed requests:        0');
		expect(line(report, 'Document Length:')).toBe('Document Length:        52314 bytes');
		expect(report).toContain('\nPercentage of the requests served within a certain time (ms)\n');
		expect(report).toContain('              min  mean[+/-sd] median   max\n');
	});

	it('uses ab\'s arithmetic: time per request = concurrency × time taken / completed', () => {
		const t = result.timeTakenSeconds;
		expect(line(report, 'Time taken for tests:')).toBe(`Time taken for tests:   ${t.toFixed(3)} seconds`);
		expect(line(report, 'Requests per second:')).toBe(`Requests per second:    ${(1000 / t).toFixed(2)} [#/sec] (mean)`);
		const perRequest = report.split('\n').filter(l => l.startsWith('Time per request:'));
		expect(perRequest).toEqual([
			`Time per request:       ${(10 * t * 1000 / 1000).toFixed(3)} [ms] (mean)`,
			`Time per request:       ${(t * 1000 / 1000).toFixed(3)} [ms] (mean, across all concurrent requests)`,
		]);
		// A saturated single server: the first line is ≈ c × S = 10 × 33.6 ms.
		expect(10 * t).toBeGreaterThan(320);
		expect(10 * t).toBeLessThan(355);
	});

	it('prints the percentile table in ab\'s format, non-decreasing, ending with the longest request', () => {
		const rows = report.split('\n').filter(l => /^ {1,2}\d+% /.test(l));
		expect(rows.map(r => r.trim().split(/\s+/)[0])).toEqual(['50%', '66%', '75%', '80%', '90%', '95%', '98%', '99%', '100%']);
		const values = rows.map(r => Number(r.trim().split(/\s+/)[1]));
		for (let k = 1; k < values.length; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]!);
		expect(rows.at(-1)).toBe(` 100%  ${String(result.total.max).padStart(5)} (longest request)`);
		expect(rows[0]).toBe(`  50%  ${String(result.percentiles[0]!.ms).padStart(5)}`);
	});

	it('formats connection-time rows like ab (%5d %4d %5.1f %6d %7d)', () => {
		const c = result.total;
		expect(line(report, 'Total:')).toBe(`Total:      ${String(c.min).padStart(5)} ${String(c.mean).padStart(4)} ${c.sd.toFixed(1).padStart(5)} ${String(c.median).padStart(6)} ${String(c.max).padStart(7)}`);
		expect(c.mean).toBeGreaterThan(300);
		expect(c.mean).toBeLessThan(370);
	});

	it('reports progress like ab: every 10 % when more than 150 requests', () => {
		expect(formatAbProgress(result)).toEqual([...Array.from({length: 10}, (_, k) => `Completed ${(k + 1) * 100} requests`), 'Finished 1000 requests']);
		expect(formatAbProgress(runAb(options({n: 100, c: 1})))).toEqual([]);
	});
});
