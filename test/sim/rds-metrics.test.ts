/**
 * The database's CloudWatch metrics (issue 10, "CloudWatch per tier"): AWS/RDS CPUUtilization,
 * DatabaseConnections, ReplicaLag, ReadIOPS / WriteIOPS of the primary, usable in an alarm of a
 * preset, with located errors for a metric in the wrong namespace or without a database.
 */
import {describe, expect, it} from 'vitest';
import {parsePreset} from '../../source/presets/parse-preset.js';
import {formatProblem} from '../../source/presets/problems.js';
import {advance, createInitialState, selectMetricsLine, type SimConfig} from '../../source/sim/index.js';
import {ringValues} from '../../source/sim/systems/ring.js';
import type {SimState} from '../../source/sim/types.js';

/** One big web server (8 vCPUs: at most 54 %) before a db.t3.micro (2 vCPUs, 12 queries of 1 ms: 166 req/s); 60 req/s, then 200 from 10 min. */
const preset = (alarm: string, database = 'tiers: { database: { placement: dedicated, instanceClass: db.t3.micro, timeout: 600s } }') => `
duration: 20m
${database}
app: { profile: wordpress }
autoScaling:
  launchTemplate: { instanceType: c5.2xlarge }
  min: 1
  max: 3
  desired: 1
  zones: [us-east-1a]
  policies:
    - name: db-busy
      type: simple
      alarm: ${alarm}
      adjustment: { value: 1 }
load: { pattern: steps, steps: [ { at: 0s, rate: 60/s }, { at: 10m, rate: 200/s } ] }
`;

const dbCpuAlarm = '{ metric: CPUUtilization, namespace: AWS/RDS, dimensions: { DBInstanceIdentifier: scaletop-db }, comparison: ">", threshold: 80, period: 60s, evaluationPeriods: 3 }';

function configOf(text: string): SimConfig {
	const result = parsePreset(text, {file: 'p.yaml'});
	if (!result.ok) throw new Error(result.problems.map(problem => formatProblem(problem)).join('\n'));
	return result.config;
}

const problems = (text: string): string[] => {
	const result = parsePreset(text, {file: 'p.yaml'});
	return result.ok ? [] : result.problems.map(problem => formatProblem(problem));
};

/** The alarm's state at the end of each minute. */
function minuteByMinute(config: SimConfig, minutes: number): {states: string[]; final: SimState} {
	let s = createInitialState(config);
	const states: string[] = [];
	for (let m = 0; m < minutes; m++) {
		s = advance(s, 60);
		states.push(s.alarms['db-busy-alarm']!.state);
	}

	return {states, final: s};
}

describe('AWS/RDS metrics', () => {
	it('an alarm on the database CPU stays OK at 36 % and fires after 3 one-minute periods above 80 % once the database saturates', () => {
		const {states, final} = minuteByMinute(configOf(preset(dbCpuAlarm)), 16);
		// Minutes 1–2: not 3 periods yet. 3–10: the database at ~36 %. From 10 min: ~100 %; 3 breaching datapoints (minutes 11, 12, 13) by the end of minute 13.
		expect(states.slice(0, 2)).toEqual(['INSUFFICIENT_DATA', 'INSUFFICIENT_DATA']);
		expect(states.slice(2, 12).every(state => state === 'OK')).toBe(true);
		expect(states[12]).toBe('ALARM');
		const cpu = ringValues(final.cloudwatch['AWS/RDS:CPUUtilization']!);
		expect(cpu[5]).toBeGreaterThan(30);
		expect(cpu[5]).toBeLessThan(42);
		expect(cpu[12]).toBeGreaterThan(99);
		// The group's own CPU (AWS/EC2) stays low: the alarm watched the database, not the web servers.
		expect(Math.max(...ringValues(final.cloudwatch.CPUUtilization!))).toBeLessThan(60);
		// It scaled the web tier (the wrong tier): an instance was added.
		expect(final.autoScaling!.desired).toBeGreaterThan(1);
	});

	it('the same alarm on the group\'s CPUUtilization (AWS/EC2) never fires', () => {
		const {states} = minuteByMinute(configOf(preset('{ metric: CPUUtilization, comparison: ">", threshold: 80, period: 60s, evaluationPeriods: 3 }')), 16);
		expect(states).not.toContain('ALARM');
	});

	it('DatabaseConnections, ReadIOPS and WriteIOPS follow the load; ReplicaLag is missing without a replica', () => {
		const {final} = minuteByMinute(configOf(preset(dbCpuAlarm)), 8);
		const reads = ringValues(final.cloudwatch.ReadIOPS!);
		const writes = ringValues(final.cloudwatch.WriteIOPS!);
		// 60 req/s × 10 reads and × 2 writes, within Poisson noise over a minute (±1 %).
		expect(reads[6]! / 600).toBeCloseTo(1, 1);
		expect(writes[6]! / 120).toBeCloseTo(1, 1);
		// Connections: the requests the primary holds, L = λW at 36 % of two vCPUs ≈ 0.8.
		const connections = ringValues(final.cloudwatch.DatabaseConnections!);
		expect(connections[6]).toBeGreaterThan(0.4);
		expect(connections[6]).toBeLessThan(1.5);
		expect(ringValues(final.cloudwatch.ReplicaLag!).every(v => v === -1)).toBe(true);
		const line = selectMetricsLine(final);
		expect(line.database).toBeDefined();
		expect(line.database!.replicaLagSeconds).toBe(0);
	});

	it('with a replica, reads spread: the primary executes half of them; ReplicaLag is published', () => {
		const {final} = minuteByMinute(configOf(preset(dbCpuAlarm, 'tiers: { database: { placement: dedicated, instanceClass: db.t3.micro, replicas: 1 } }')), 5);
		expect(ringValues(final.cloudwatch.ReadIOPS!)[3]! / 300).toBeCloseTo(1, 1);
		expect(ringValues(final.cloudwatch.ReplicaLag!)[3]).toBeGreaterThanOrEqual(0);
	});

	it('a colocated database publishes no AWS/RDS metric and adds nothing to the metrics line', () => {
		const config = configOf(preset('{ metric: CPUUtilization, comparison: ">", threshold: 80 }', ''));
		const s = advance(createInitialState(config), 120);
		expect(s.cloudwatch['AWS/RDS:CPUUtilization']).toBeUndefined();
		expect(s.cloudwatch.DatabaseConnections).toBeUndefined();
		expect(selectMetricsLine(s).database).toBeUndefined();
	});

	it('bad alarms are one located sentence each', () => {
		expect(problems(preset('{ metric: DatabaseConnections, namespace: AWS/EC2, comparison: ">", threshold: 80 }'))).toEqual([
			'p.yaml:14:56 autoScaling.policies[0].alarm.namespace: DatabaseConnections is published in AWS/RDS, got AWS/EC2',
		]);
		expect(problems(preset('{ metric: ReplicaLag, comparison: ">", threshold: 80 }', ''))).toEqual([
			'p.yaml:14:24 autoScaling.policies[0].alarm.metric: ReplicaLag (AWS/RDS) needs a database of its own: tiers.database.placement: dedicated, or a split-database in the timeline',
		]);
		expect(problems(preset('{ metric: CPUUtilization, namespace: AWS/RDS, dimensions: { DBInstanceIdentifier: mydb }, comparison: ">", threshold: 80 }'))[0]).toContain('alarm.dimensions.DBInstanceIdentifier: expected scaletop-db (the primary');
		expect(problems(preset('{ metric: FreeableMemory, comparison: ">", threshold: 80 }'))[0]).toMatch(/^p\.yaml:14:\d+ autoScaling\.policies\[0\]\.alarm\.metric: /);
	});
});
