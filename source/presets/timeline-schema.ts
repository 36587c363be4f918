/**
 * The timeline part of the preset schema: entries at absolute times (`at: 5m`) that either do
 * one of the dashboard's actions (`action: spike`), show a caption, or set a marker.
 *
 * Every key of the dashboard has an action here: spike (`s`), load (`l`/`L`), kill (`k`/`x`),
 * az-outage (`z`), hang (`H`), scale-up (`u`), set-desired / nudge-desired (`+`/`-`), algorithm
 * (`a`), stickiness, chaos-monkey (`c`), pause (`p`), plus stop, spot-interruption and slow-network.
 */
import {z} from 'zod';
import {dbInstanceClassNames, instanceTypeNames, maxAppInstances} from '../sim/index.js';
import {durationSchema, rateSchema} from './units.js';
import {groupSizeSchema} from './policy-schema.js';

const at = durationSchema.describe('When the entry happens, from the start of the run (5m, 1h30m).');

/** Which instance: an id (i-0003), or a rule the simulation resolves (random, oldest, newest). */
export const targetSchema = z
	.string({error: 'expected random, oldest, newest or an instance id like i-0003'})
	.regex(/^(?:random|oldest|newest|i-[\da-f]+)$/, {error: 'expected random, oldest, newest or an instance id like i-0003'})
	.describe('random, oldest, newest, or an instance id such as i-0003.');

const positive = (what: string) => z.number({error: `expected ${what}`}).positive({error: `expected ${what}`});

const entry = <T extends string, S extends z.ZodRawShape>(action: T, shape: S) => z.strictObject({at, action: z.literal(action), ...shape});

/** Timeline actions, discriminated by `action`. */
export const timelineActionSchema = z.discriminatedUnion('action', [
	entry('spike', {factor: positive('a positive factor').default(5), for: durationSchema.default(60)}),
	entry('load', {rate: rateSchema.optional(), factor: positive('a positive factor').optional()}),
	entry('kill', {target: targetSchema.default('random')}),
	entry('stop', {target: targetSchema.default('random')}),
	entry('hang', {target: targetSchema.default('random')}),
	entry('spot-interruption', {target: targetSchema.default('random')}),
	entry('scale-up', {target: targetSchema.default('oldest'), instanceType: z.enum(instanceTypeNames as [string, ...string[]]).optional()}),
	entry('az-outage', {zone: z.string().optional(), for: durationSchema.default(300)}),
	entry('slow-network', {extraLatencyMs: positive('a positive number of milliseconds').default(200), for: durationSchema.default(300)}),
	entry('set-desired', {desired: groupSizeSchema}),
	entry('nudge-desired', {delta: z.number().int()}),
	entry('algorithm', {algorithm: z.enum(['round-robin', 'least-outstanding-requests', 'weighted']).optional()}),
	entry('stickiness', {enabled: z.boolean().optional().describe('Sticky sessions on (true) or off (false); left out: toggle.')}),
	entry('chaos-monkey', {enabled: z.boolean().optional(), interval: durationSchema.optional()}),
	entry('pause', {}),
	entry('modify-database', {instanceClass: z.enum(dbInstanceClassNames as [string, ...string[]]).describe('The new DB instance class (ModifyDBInstance, applied immediately).')}),
	entry('split-database', {instanceClass: z.enum(dbInstanceClassNames as [string, ...string[]]).optional().describe('The class of the database\'s own instance (default: tiers.database.instanceClass, db.t3.micro).')}),
	entry('split-app', {instanceType: z.enum(instanceTypeNames as [string, ...string[]]).optional().describe('The app instances\' type (default: tiers.app.instanceType, c5.large).'), count: z.number().int().min(1).max(maxAppInstances).optional().describe('How many (default: tiers.app.count, 2).')}),
	entry('add-replica', {}),
	entry('remove-replica', {}),
	entry('kill-replica', {}),
	entry('dns-add-record', {target: targetSchema.describe('The instance whose A record is added: an id, or oldest, newest or random among the running instances without one.')}),
	entry('dns-remove-record', {target: targetSchema.describe('The A record removed: an instance id (even of one gone from the list), or oldest, newest or random among the records.')}),
	entry('fail-database-primary', {shard: z.number().int().min(1, {error: 'expected a shard number from 1'}).optional().describe('Which shard\'s primary fails, from 1 (default 1).')}),
	entry('add-shard', {}),
	entry('cache', {enabled: z.boolean().describe('Turn the cache in front of the database on (true) or off (false).')}),
	entry('cdn', {staticShare: z.number().min(0).max(1).describe('Share of the arriving requests the CDN answers at the edge from now, 0–1 (0: none).')}),
]);

/** A caption: shown on the dashboard's caption line (and in recordings) until the next one. */
export const captionEntrySchema = z.strictObject({at, caption: z.string().describe('What the viewer is seeing now.')});

/** A marker: a named point of the story (asciicast marker). */
export const markerEntrySchema = z.strictObject({at, marker: z.string().min(1)});

/** One timeline entry. Branch order matters to the error reporter: caption, marker, action. */
export const timelineEntrySchema = z.union([captionEntrySchema, markerEntrySchema, timelineActionSchema]);

/** The names of every timeline action (for messages and docs). */
export const timelineActionNames: readonly string[] = timelineActionSchema.options.map(option => option.shape.action.value);

export type TimelineEntryInput = z.output<typeof timelineEntrySchema>;
