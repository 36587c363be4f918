/**
 * Scaling policies and CloudWatch alarms in the preset schema (AWS's names: simple, step,
 * target-tracking, scheduled; ChangeInCapacity, ExactCapacity, PercentChangeInCapacity).
 * Unset fields take CloudWatch's / Auto Scaling's defaults when converted to a SimConfig.
 */
import {z} from 'zod';
import {formatLimit, maxGroupSize} from './limits.js';

/** A size of the Auto Scaling group (min, max, desired): a whole number up to scaletop's limit. */
export const groupSizeSchema = z.number().int().nonnegative().max(maxGroupSize, {error: `expected at most ${formatLimit(maxGroupSize)} instances in the group (scaletop's limit, docs/presets.md)`});
import {durationSchema} from './units.js';

/** A CloudWatch alarm. `period` 60s (detailed) or 300s (basic); M of N with `datapointsToAlarm`. */
export const alarmSchema = z.strictObject({
	name: z.string().min(1).optional().describe('Alarm name; default <policy>-alarm.'),
	metric: z.enum(['CPUUtilization', 'RequestCount', 'Latency', 'HealthyHostCount', 'HTTPCode_ELB_5XX', 'RequestCountPerTarget', 'HTTPCode_Target_5XX_Count', 'DatabaseConnections', 'ReplicaLag', 'ReadIOPS', 'WriteIOPS']).default('CPUUtilization'),
	namespace: z.enum(['AWS/EC2', 'AWS/ELB', 'AWS/ApplicationELB', 'AWS/RDS']).optional().describe('The metric\'s namespace; default its own (CPUUtilization: AWS/EC2, the group\'s; AWS/RDS for the database\'s primary).'),
	dimensions: z.strictObject({DBInstanceIdentifier: z.string().min(1)}).optional().describe('AWS/RDS metrics: the DB instance (scaletop-db, the primary; the default).'),
	statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']).default('Average'),
	comparison: z.enum(['>', '>=', '<', '<=']),
	threshold: z.number(),
	period: durationSchema.default(60),
	evaluationPeriods: z.number().int().positive().default(1),
	datapointsToAlarm: z.number().int().positive().optional().describe('M of N; default N.'),
	treatMissingData: z.enum(['missing', 'notBreaching', 'breaching', 'ignore']).default('missing'),
});

const adjustmentType = z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']);
const name = z.string().min(1);

/** Simple scaling: one alarm, one adjustment, then a cooldown. */
export const simplePolicySchema = z.strictObject({
	name,
	type: z.literal('simple'),
	alarm: alarmSchema,
	adjustment: z.strictObject({type: adjustmentType.default('ChangeInCapacity'), value: z.number().int()}),
	cooldown: durationSchema.optional().describe("Default: the group's defaultCooldown."),
	minAdjustmentMagnitude: z.number().int().positive().optional(),
});

/** Step scaling: step adjustments relative to the alarm threshold. */
export const stepPolicySchema = z.strictObject({
	name,
	type: z.literal('step'),
	alarm: alarmSchema,
	adjustmentType: adjustmentType.default('ChangeInCapacity'),
	steps: z.array(z.strictObject({lower: z.number().optional(), upper: z.number().optional(), adjustment: z.number().int()})).min(1),
	estimatedInstanceWarmup: durationSchema.optional(),
	minAdjustmentMagnitude: z.number().int().positive().optional(),
});

/** Target tracking: keep a metric near a target; Auto Scaling owns the two alarms. */
export const targetTrackingPolicySchema = z.strictObject({
	name,
	type: z.literal('target-tracking'),
	metric: z.enum(['CPUUtilization', 'RequestCountPerTarget']).default('CPUUtilization'),
	target: z.number().positive(),
	disableScaleIn: z.boolean().default(false),
	estimatedInstanceWarmup: durationSchema.optional(),
});

/** A scheduled action: at a time (optionally repeating), set desired and/or min/max. */
export const scheduledPolicySchema = z.strictObject({
	name,
	type: z.literal('scheduled'),
	at: durationSchema,
	every: durationSchema.optional().describe('Repeat interval, e.g. 24h; default: once.'),
	desired: groupSizeSchema.optional(),
	min: groupSizeSchema.optional(),
	max: groupSizeSchema.optional(),
});

/** Any scaling policy, by `type`. */
export const policySchema = z.discriminatedUnion('type', [simplePolicySchema, stepPolicySchema, targetTrackingPolicySchema, scheduledPolicySchema]);

export type PolicyInput = z.output<typeof policySchema>;
export type AlarmInput = z.output<typeof alarmSchema>;
