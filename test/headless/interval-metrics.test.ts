import {expect, test} from 'vitest';
import {intervalMetricsLine} from '../../source/headless/interval-metrics.js';
import {advance, createInitialState, makeConfig, selectMetricsLine, selectSummary} from '../../source/sim/index.js';

test('a metrics line reports rates and error counts over its whole interval, the rest as of its end', () => {
	const config = makeConfig({durationSeconds: 600, seed: 3, load: {kind: 'open', arrivals: 'poisson', pattern: 'constant', ratePerSecond: 40}});
	const start = advance(createInitialState(config), 60);
	const end = advance(start, 120);
	const before = selectSummary(start);
	const after = selectSummary(end);
	const line = intervalMetricsLine(end, after, before);
	expect(line.t).toBe(180);
	expect(line.arrivalRate).toBeCloseTo((after.requests.arrived - before.requests.arrived) / 120, 3);
	expect(line.completedRate).toBeCloseTo((after.requests.completed - before.requests.completed) / 120, 3);
	expect(line.arrivalRate).toBeGreaterThan(36);
	expect(line.arrivalRate).toBeLessThan(44);
	expect(line.errors['503']).toBeCloseTo(after.errors['503'] - before.errors['503'], 3);
	const {arrivalRate: _a, completedRate: _c, errors: _e, ...atEnd} = selectMetricsLine(end);
	expect(line).toMatchObject(atEnd);
});
