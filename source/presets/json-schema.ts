/**
 * The preset schema as JSON Schema (draft-07, which yaml-language-server and most editors
 * read), generated from the one zod schema. `npm run schema` writes it to
 * schema/preset.schema.json; a test checks the checked-in file is up to date.
 */
import {z} from 'zod';
import {presetSchema} from './schema.js';
import {durationSchema, rateSchema} from './units.js';

const durationJson = {
	description: 'A duration: 90s, 5m, 1h, 1h30m, 250ms (or 0).',
	anyOf: [{type: 'string', pattern: '^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+$|^0$'}, {const: 0}],
	examples: ['90s', '5m', '1h'],
};

const rateJson = {
	description: 'A rate: 20/s, 1200/m, 72000/h, or a number of requests per second.',
	anyOf: [{type: 'string', pattern: '^\\s*\\d+(?:\\.\\d+)?\\s*(?:/\\s*(?:s|sec|second|m|min|minute|h|hour))?\\s*$'}, {type: 'number', minimum: 0}],
	examples: ['20/s', '1200/m'],
};

/** The JSON Schema of a preset file, as pretty-printed text ending in a newline. */
export function presetJsonSchemaText(): string {
	const schema = z.toJSONSchema(presetSchema, {
		io: 'input',
		target: 'draft-7',
		unrepresentable: 'any',
		override(context) {
			// By definition, not identity: `.describe()` makes a copy that shares the definition.
			const definition = (schema: unknown) => (schema as {_zod: {def: unknown}})._zod.def;
			const found = definition(context.zodSchema);
			const replacement = found === definition(durationSchema) ? durationJson : found === definition(rateSchema) ? rateJson : undefined;
			if (!replacement) return;
			const json = context.jsonSchema as Record<string, unknown>;
			const own = json['description'];
			for (const key of Object.keys(json)) delete json[key];
			Object.assign(json, replacement, typeof own === 'string' && own !== '' ? {description: own} : {});
		},
	});
	exactlyOneOfRateOrFactor(schema);
	// Top-level x-… keys are the preset's own (anchors for merge keys); the loader ignores them.
	const withExtensions = {...schema, patternProperties: {'^x-': {}}};
	return `${JSON.stringify(withExtensions, null, '\t')}\n`;
}

type JsonObject = Record<string, unknown>;

/** A timeline `load` entry takes exactly one of rate and factor (the loader's check-preset says the same). */
function exactlyOneOfRateOrFactor(node: unknown): void {
	if (node === null || typeof node !== 'object') return;
	if (Array.isArray(node)) {
		for (const item of node) exactlyOneOfRateOrFactor(item);
		return;
	}

	const object = node as JsonObject;
	const properties = object['properties'] as JsonObject | undefined;
	const action = properties?.['action'] as JsonObject | undefined;
	if (action?.['const'] === 'load' && properties && 'rate' in properties && 'factor' in properties) {
		object['oneOf'] = [{properties: {rate: {}}, required: ['rate']}, {properties: {factor: {}}, required: ['factor']}];
	}

	for (const value of Object.values(object)) exactlyOneOfRateOrFactor(value);
}
