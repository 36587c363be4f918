import {expect, test} from 'vitest';
import {checkInvariants, runHeadless} from '../../source/headless/run-headless.js';
import {createInitialState, makeConfig, selectSummary, type MetricsLine} from '../../source/sim/index.js';

const config = makeConfig({name: 'small', durationSeconds: 600, seed: 5});

test('runs to the end and emits one metrics line per interval, in simulated time', () => {
	const lines: MetricsLine[] = [];
	const result = runHeadless({config, intervalSeconds: 60, onMetrics: line => lines.push(line)});
	expect(result.isComplete).toBe(true);
	expect(result.violations).toEqual([]);
	expect(result.summary.simulatedSeconds).toBe(600);
	expect(lines.map(line => line.t)).toEqual([60, 120, 180, 240, 300, 360, 420, 480, 540, 600]);
	expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['t', 'arrivalRate', 'completedRate', 'cpuAvg', 'latencyP50', 'latencyP99', 'inService', 'pending', 'desired', 'healthy', 'errors', 'costUsd']));
});

test('the same config and seed give the same JSON summary, byte for byte', () => {
	const a = JSON.stringify(runHeadless({config}).summary);
	const b = JSON.stringify(runHeadless({config}).summary);
	expect(a).toBe(b);
	expect(JSON.stringify(runHeadless({config: {...config, seed: 6}}).summary)).not.toBe(a);
});

test('a run can be stopped between intervals and says it is incomplete', () => {
	let calls = 0;
	const result = runHeadless({config, shouldStop: () => ++calls > 3});
	expect(result.isComplete).toBe(false);
	expect(result.summary.simulatedSeconds).toBe(180);
});

test('the invariant check catches lost requests, falling cost and desired outside [min, max]', () => {
	const state = createInitialState(config);
	const sound = selectSummary(state);
	expect(checkInvariants(state, sound, 0)).toEqual([]);
	const broken = {...sound, requests: {arrived: 10, completed: 5, failed: 0, inFlight: 0}};
	expect(checkInvariants(state, broken, 0)[0]).toBe('at 0 s requests are not conserved: 10 arrived but 5 completed + 0 failed + 0 in flight');
	expect(checkInvariants(state, sound, 1)).toEqual([`at 0 s the total cost went down from 1 to ${sound.cost.totalUsd}`]);
});
