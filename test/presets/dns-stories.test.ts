/**
 * The DNS round-robin preset (issue 11, docs/dns.md) shows its point in its headless numbers:
 * the same fleet, load and kill as instance-killed, behind DNS (TTL 300 s) instead of an ELB —
 * errors for minutes against errors for one health-check detection window.
 */
import {expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {advance, createInitialState, selectLoadBalancer, selectSummary, type SimConfig} from '../../source/sim/index.js';

const minute = 60;

/** 5xx per simulated minute over the run, and the final summary. */
function errorsByMinute(name: string): {readonly perMinute: number[]; readonly config: SimConfig} {
	const loaded = loadPreset(name);
	if (!loaded.ok) throw new Error(loaded.message);
	const config = loaded.config;
	expect(runHeadless({config}).violations).toEqual([]);
	let s = createInitialState(config);
	const perMinute: number[] = [];
	let before = 0;
	while (s.clock.tick * config.tickSeconds < config.durationSeconds) {
		s = advance(s, minute / config.tickSeconds);
		const failed = selectSummary(s).requests.failed;
		perMinute.push(failed - before);
		before = failed;
	}

	return {perMinute, config};
}

test('dns-round-robin against instance-killed: the same arrivals and kill; behind DNS errors last minutes, behind the ELB one detection window', () => {
	const dns = errorsByMinute('dns-round-robin');
	const elb = errorsByMinute('instance-killed');
	if (process.env.DNS_LOG) console.log(JSON.stringify({dns: dns.perMinute, elb: elb.perMinute}));
	expect(dns.config.load).toEqual(elb.config.load);
	expect(dns.config.seed).toBe(elb.config.seed);
	const minutesWithErrors = (perMinute: number[]): number => perMinute.filter(n => n > 0).length;
	// Before the kill at minute 10: none on either side.
	expect(dns.perMinute.slice(0, 10).every(n => n === 0)).toBe(true);
	expect(elb.perMinute.slice(0, 10).every(n => n === 0)).toBe(true);
	// Behind the ELB: errors only within the two minutes after the kill (two failed checks 30 s apart).
	expect(elb.perMinute.slice(12).every(n => n === 0)).toBe(true);
	expect(minutesWithErrors(elb.perMinute)).toBeLessThanOrEqual(2);
	// Behind DNS: half the requests fail until the record goes (minutes 10–12), then a share that
	// falls over the TTL (5 minutes), then a trickle from the long caches to the end of the run.
	expect(dns.perMinute[10]).toBeGreaterThan(0.45 * 20 * minute);
	expect(dns.perMinute[11]).toBeGreaterThan(0.45 * 20 * minute);
	for (let m = 12; m < 17; m++) expect(dns.perMinute[m]).toBeLessThan(dns.perMinute[m - 1]!);
	expect(dns.perMinute.slice(17).every(n => n > 0)).toBe(true);
	expect(minutesWithErrors(dns.perMinute)).toBe(20);
	const total = (perMinute: number[]): number => perMinute.reduce((a, b) => a + b, 0);
	expect(total(dns.perMinute)).toBeGreaterThan(5 * total(elb.perMinute));
});

test('dns-round-robin: the replacement gets no request until its record is added, then less than its half while caches expire', () => {
	const loaded = loadPreset('dns-round-robin');
	if (!loaded.ok) throw new Error(loaded.message);
	let s = createInitialState(loaded.config);
	s = advance(s, 13 * minute);
	const routed = (id: string): number => s.dataPlane.instances.routedTotal[s.instanceOrder.indexOf(id)] ?? 0;
	expect(s.instances['i-0003']?.ec2State).toBe('running');
	expect(routed('i-0003')).toBe(0);
	s = advance(s, 5 * minute);
	expect(routed('i-0003')).toBeGreaterThan(0);
	// Five minutes after its record was added (TTL 300 s, 5 % of clients caching for 1 h): the
	// panel shows 1/2 × (0.95 + 0.05 × 300/3600) = 47.7 % for it; the dead i-0001, removed 6
	// minutes ago, keeps 1/2 × 0.05 × (1 − 360/3600) = 2.25 % (its long-caching clients); i-0002 the rest.
	const shares = Object.fromEntries((selectLoadBalancer(s).dns?.records ?? []).map(r => [r.instanceId, r.share]));
	expect(shares['i-0003']).toBeCloseTo(0.5 * (0.95 + (0.05 * 300 / 3600)), 3);
	expect(shares['i-0001']).toBeCloseTo(0.5 * 0.05 * (1 - (360 / 3600)), 3);
	expect(shares['i-0002']! + shares['i-0003']! + shares['i-0001']!).toBeCloseTo(1, 9);
	expect(shares['i-0002']).toBeGreaterThan(shares['i-0003']!);
	// The summary (and --json) say there is no ELB, and which records DNS holds.
	const {elb} = selectSummary(s);
	expect(elb.isPresent).toBe(false);
	expect(elb.dns).toEqual({ttlSeconds: 300, records: ['i-0002', 'i-0003']});
});
