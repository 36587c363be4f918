/**
 * ApacheBench 2.3's report, line for line (layout and wording from support/ab.c; see
 * shared/reference/peers.md §D.1), with ab's own arithmetic:
 * requests per second = done / time taken; time per request = concurrency × time taken × 1000
 * / done; across all concurrent requests = time taken × 1000 / done.
 */
import type {AbColumn, AbResult} from './run.js';

const label = (name: string): string => `${name}:`.padEnd(24);

function row(name: string, c: AbColumn): string {
	return `${`${name}:`.padEnd(12)}${String(c.min).padStart(5)} ${String(c.mean).padStart(4)} ${c.sd.toFixed(1).padStart(5)} ${String(c.median).padStart(6)} ${String(c.max).padStart(7)}`;
}

/** ab's reliability warning for one column, or undefined. */
function warning(what: string, c: AbColumn): string | undefined {
	const gap = Math.abs(c.mean - c.median);
	if (gap > 2 * c.sd) return `ERROR: The median and mean for the ${what} are more than twice the standard\n        deviation apart. These results are NOT reliable.`;
	if (gap > c.sd) return `WARNING: The median and mean for the ${what} are not within a normal deviation\n        These results are probably not that reliable.`;
	return undefined;
}

/** The banner and the "Benchmarking" line ab prints on stdout before the report. */
export function formatAbBanner(result: AbResult): string {
	const small = result.options.requests <= 150;
	return [
		'This is ApacheBench, Version 2.3 <$Revision: 1913912 $>',
		'Copyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/',
		'Licensed to The Apache Software Foundation, http://www.apache.org/',
		'',
		`Benchmarking ${result.hostname} (be patient)${small ? '.....done' : ''}`,
	].join('\n');
}

/** ab's progress lines (stderr): every 10 % (at least 100 requests) when more than 150 requests. */
export function formatAbProgress(result: AbResult): string[] {
	const n = result.options.requests;
	if (n <= 150) return [];
	const every = Math.max(100, Math.floor(n / 10));
	const lines: string[] = [];
	for (let k = every; k <= result.completed; k += every) lines.push(`Completed ${k} requests`);
	lines.push(`Finished ${result.completed} requests`);
	return lines;
}

/** The full stdout of `ab`: banner, then the report. */
export function formatAbReport(result: AbResult): string {
	const o = result.options;
	const t = result.timeTakenSeconds;
	const done = result.completed;
	const lines = [
		formatAbBanner(result),
		'',
		'',
		`${label('Server Software')}${result.serverSoftware}`,
		`${label('Server Hostname')}${result.hostname}`,
		`${label('Server Port')}${result.port}`,
		'',
		`${label('Document Path')}${result.documentPath}`,
		`${label('Document Length')}${result.documentLengthBytes} bytes`,
		'',
		`${label('Concurrency Level')}${o.concurrency}`,
		`${label('Time taken for tests')}${t.toFixed(3)} seconds`,
		`${label('Complete requests')}${done}`,
		`${label('Failed requests')}${result.failed}`,
	];
	if (result.failed > 0) lines.push(`   (Connect: 0, Receive: 0, Length: ${result.failedLength}, Exceptions: 0)`);
	if (result.non2xx > 0) lines.push(`${label('Non-2xx responses')}${result.non2xx}`);
	lines.push(
		`${label('Total transferred')}${result.totalTransferredBytes} bytes`,
		`${label('HTML transferred')}${result.htmlTransferredBytes} bytes`,
		`${label('Requests per second')}${(t > 0 ? done / t : 0).toFixed(2)} [#/sec] (mean)`,
		`${label('Time per request')}${(done > 0 ? (o.concurrency * t * 1000) / done : 0).toFixed(3)} [ms] (mean)`,
		`${label('Time per request')}${(done > 0 ? (t * 1000) / done : 0).toFixed(3)} [ms] (mean, across all concurrent requests)`,
		`${label('Transfer rate')}${(t > 0 ? result.totalTransferredBytes / 1024 / t : 0).toFixed(2)} [Kbytes/sec] received`,
		'',
		'Connection Times (ms)',
		'              min  mean[+/-sd] median   max',
		row('Connect', result.connect),
		row('Processing', result.processing),
		row('Waiting', result.waiting),
		row('Total', result.total),
	);
	for (const [what, c] of [['initial connection time', result.connect], ['processing time', result.processing], ['waiting time', result.waiting], ['total time', result.total]] as const) {
		const w = warning(what, c);
		if (w) lines.push(w);
	}

	if (done > 1) {
		lines.push('', 'Percentage of the requests served within a certain time (ms)');
		for (const p of result.percentiles) {
			lines.push(p.percent >= 100 ? ` 100%  ${String(p.ms).padStart(5)} (longest request)` : `  ${p.percent}%  ${String(p.ms).padStart(5)}`);
		}
	}

	return `${lines.join('\n')}\n`;
}
