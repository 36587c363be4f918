/**
 * The `cache-and-cdn` preset (issue 10), run headless, shows its point in its numbers: the
 * database's load falls by the cache's hit ratio, the CDN takes its share off the fleet, and
 * what each costs (docs/tiers.md "Cache", "CDN").
 */
import {expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {cdnUsdPerRequest, cacheNodeTypes, instanceTypes} from '../../source/sim/catalog.js';
import type {MetricsLine} from '../../source/sim/index.js';
import {ringValues} from '../../source/sim/systems/ring.js';

const between = (lines: readonly MetricsLine[], fromSeconds: number, toSeconds: number) => lines.filter(line => line.t > fromSeconds && line.t <= toSeconds);
const average = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

test('cache-and-cdn: the cache cuts the database\'s load to a third, the CDN takes 60 % of the requests off the fleet, and each has its bill', () => {
	const loaded = loadPreset('cache-and-cdn');
	if (!loaded.ok) throw new Error(loaded.message);
	const lines: MetricsLine[] = [];
	const {summary, state, violations} = runHeadless({config: loaded.config, intervalSeconds: 60, onMetrics: line => lines.push(line)});
	expect(violations).toEqual([]);
	expect(summary.requests.failed).toBe(0);
	// Before the cache: the database is the bottleneck, about 96 % busy (12 queries of 1 ms at 160 req/s on 2 vCPUs).
	const noCache = between(lines, 2 * 60, 10 * 60);
	expect(noCache.every(line => line.bottleneck === 'database')).toBe(true);
	const databaseBefore = average(noCache.map(line => line.tierCpu.database ?? 0));
	expect(databaseBefore).toBeGreaterThan(88);
	// With the cache (0.8 of the 10 reads answered): 4 queries instead of 12, a third of the load; the web tier is the busiest.
	const cached = between(lines, 11 * 60, 20 * 60);
	const databaseAfter = average(cached.map(line => line.tierCpu.database ?? 0));
	expect(databaseAfter / databaseBefore).toBeGreaterThan(0.25);
	expect(databaseAfter / databaseBefore).toBeLessThan(0.42);
	expect(cached.every(line => line.bottleneck === 'web' && line.cacheHitRate === 80)).toBe(true);
	expect(average(cached.map(line => line.latencyP99))).toBeLessThan(0.5 * average(noCache.map(line => line.latencyP99)));
	expect(summary.tiers.cache?.hitRate).toBe(80);
	// The CDN from 20 min: the load balancer's RequestCount falls to 40 % of the arrivals, web CPU with it, and the group scales in.
	const requestCount = ringValues(state.cloudwatch['RequestCount']!, 45);
	const arrivalsPerMinute = 160 * 60;
	expect(average(requestCount.slice(2, 19)) / arrivalsPerMinute).toBeCloseTo(1, 1);
	expect(average(requestCount.slice(22, 45)) / arrivalsPerMinute).toBeCloseTo(0.4, 1);
	const webBefore = average(cached.map(line => line.cpuAvg));
	const webAfter = average(between(lines, 22 * 60, 33 * 60).map(line => line.cpuAvg));
	expect(webAfter / webBefore).toBeGreaterThan(0.3);
	expect(webAfter / webBefore).toBeLessThan(0.5);
	expect(summary.instances.final).toBe(2);
	const cdn = summary.tiers.cdn!;
	expect(cdn.requests! / summary.requests.arrived).toBeCloseTo(0.6 * 25 / 45, 2);
	// The bills: one cache node-hour ($0.017); CloudFront's per request and GB, about $1.19/h for 96 req/s — more than the two c5.large it saved.
	expect(summary.tiers.cache?.costUsd).toBe(cacheNodeTypes['cache.t3.micro']!.priceUsdPerHour);
	expect(cdn.costUsd).toBeCloseTo(cdn.requests! * cdnUsdPerRequest, 6);
	const cdnPerHour = cdn.costUsd / (25 / 60);
	expect(cdnPerHour).toBeGreaterThan(1.1);
	expect(cdnPerHour).toBeLessThan(1.3);
	expect(cdnPerHour).toBeGreaterThan(2 * instanceTypes['c5.large']!.priceUsdPerHour);
	expect(summary.cost.totalUsd).toBeGreaterThan(cdn.costUsd + summary.tiers.cache!.costUsd + summary.tiers.web.costUsd);
});
