/**
 * YAML text → a validated preset (its SimConfig), or every problem in it at once, each with
 * file:line:col, key path, expected vs found and a "did you mean". Pure: the caller reads the
 * files (./load-preset.ts) and passes a `readTrace` callback for a trace CSV. Never throws.
 *
 * YAML is read with the core schema (plus merge keys `<<`, and `!!float` taking any number as
 * `!!int` does), no custom tags and a small alias budget: a preset is data, and nothing in it
 * can run code or expand into a billion laughs. One document per file.
 */
import {isMap, isPair, isSeq, LineCounter, parseDocument, type ScalarTag} from 'yaml';
import {maxNestingDepth} from './limits.js';
import {advance, checkConfig, createInitialState, describeSeconds, type SimConfig} from '../sim/index.js';
import {checkPreset} from './check-preset.js';
import {describeFound, issuesToProblems, presetErrorMap} from './issues.js';
import {formatPath, makeLocator, type PresetProblem} from './problems.js';
import {presetSchema, type PresetDocument} from './schema.js';
import {toConfig} from './to-config.js';
import {insideFolder} from './trace.js';
import type {TraceFiles, TraceFormat} from './trace-files.js';
import {formatNouns, traceFromFiles, type TracePattern} from './trace-load.js';
import {applyOverrides, overrideNote, parseKeyPath, type Override} from './overrides.js';
import {visibleDeep, visibleText} from '../text/visible.js';

/** How to parse: the file name used in messages, and how to read a trace next to the preset. */
export type ParseOptions = {
	/** The path shown in messages (`presets/x.yaml`). */
	readonly file: string;
	/** Name used when the preset has no `name` (usually the file name without extension). */
	readonly fallbackName?: string;
	/** Reads a trace by its path relative to the preset's folder (a folder of logs for alb-log). */
	readonly readTrace?: (relativePath: string, format: TraceFormat) => TraceFiles;
	/** `--set KEY=VALUE` changes, applied to the document before it is validated. */
	readonly overrides?: readonly Override[];
};

/** A parse result: the run's config, or the problems. */
export type ParseResult =
	| {readonly ok: true; readonly config: SimConfig; readonly document: PresetDocument}
	| {readonly ok: false; readonly problems: readonly PresetProblem[]};

/** `!!float 10` as YAML 1.2 means it (the core schema resolves `!!float` only for `10.0`-like text). */
const explicitFloat: ScalarTag = {
	tag: 'tag:yaml.org,2002:float',
	resolve(text, onError) {
		const value = Number(text.replaceAll('_', ''));
		if (Number.isNaN(value) && !/^[-+]?\.nan$/i.test(text)) onError(`!!float needs a number, got "${text}"`);
		return value;
	},
};

const byPosition = (a: PresetProblem, b: PresetProblem) => a.line - b.line || a.column - b.column;

/** Parse and validate a preset. */
export function parsePreset(text: string, options: ParseOptions): ParseResult {
	const {file} = options;
	try {
		const result = parseUnsafe(text, options);
		const overrides = options.overrides ?? [];
		if (result.ok || overrides.length === 0) return result;
		// A problem that an override caused says which --set it was.
		return {ok: false, problems: result.problems.map(problem => (problem.file === file ? {...problem, message: problem.message + overrideNote(overrides, parseKeyPath(problem.path) ?? [])} : problem))};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {ok: false, problems: [{file, line: 1, column: 1, path: '', message: `could not read the preset: ${reason}`}]};
	}
}

function parseUnsafe(text: string, options: ParseOptions): ParseResult {
	const {file} = options;
	const lineCounter = new LineCounter();
	const document = parseDocument(text, {lineCounter, prettyErrors: false, schema: 'core', merge: true, uniqueKeys: true, customTags: [explicitFloat]});
	const syntax = [...document.errors, ...document.warnings].map(error => {
		const {line, col} = lineCounter.linePos(error.pos[0]);
		return {file, line, column: col, path: '', message: yamlMessage(error.code, error.message)};
	});
	if (syntax.length > 0) return {ok: false, problems: syntax.sort(byPosition)};
	const tooDeep = firstTooDeep(document.contents);
	if (tooDeep !== undefined) {
		const {line, col} = lineCounter.linePos(tooDeep);
		return {ok: false, problems: [{file, line, column: col, path: '', message: nestingMessage}]};
	}

	const notApplied = applyOverrides(document, options.overrides ?? []);
	if (notApplied.length > 0) {
		const locateEarly = makeLocator(document, lineCounter);
		return {ok: false, problems: notApplied.map(({override, message}) => ({file, ...locateEarly(override.path, 'key'), path: '', message: `--set ${override.text}: ${message}`}))};
	}

	let raw: unknown;
	try {
		// Preset text is data: every key and string with its control characters made visible.
		raw = visibleDeep(document.toJS({maxAliasCount: 100}));
	} catch {
		return {ok: false, problems: [{file, line: 1, column: 1, path: '', message: 'expected a small data file, got YAML aliases that expand to more than 100 copies'}]};
	}

	if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
		const found = raw === null || raw === undefined ? 'an empty file' : describeFound(raw);
		return {ok: false, problems: [{file, line: 1, column: 1, path: '', message: `expected a map of preset settings (name, title, duration, load, …), got ${found}`}]};
	}

	// Top-level `x-…` keys are the preset's own (as in Docker Compose): a place for YAML anchors
	// that merge keys (`<<: *base`) reuse; the program ignores them.
	raw = Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('x-')));

	const locate = makeLocator(document, lineCounter);
	const parsed = presetSchema.safeParse(raw, {error: presetErrorMap});
	if (!parsed.success) {
		// Report cross-field problems too, over the top-level parts that did validate.
		const problems = issuesToProblems(parsed.error.issues, raw, file, locate);
		const salvaged = checkPreset(salvage(raw as Record<string, unknown>)).map(finding => ({file, ...locate(finding.path, finding.anchor), path: formatPath(finding.path), message: finding.message}));
		return {ok: false, problems: [...problems, ...salvaged].sort(byPosition)};
	}

	const problems: PresetProblem[] = checkPreset(parsed.data).map(finding => ({file, ...locate(finding.path, finding.anchor), path: formatPath(finding.path), message: finding.message}));
	let trace: TracePattern | undefined;
	const load = parsed.data.load;
	if (problems.length === 0 && load && !('closed' in load) && load.pattern === 'trace') {
		const relative = insideFolder(load.file) ?? load.file;
		const traceFile = file.replace(/[^/\\]*$/, '') + relative;
		const read = options.readTrace?.(relative, load.format) ?? {ok: false, message: 'cannot be read'};
		if (!read.ok && read.file === undefined) {
			problems.push({file, ...locate(['load', 'file'], 'value'), path: 'load.file', message: `expected ${formatNouns[load.format]} inside the preset's folder, got "${load.file}" (${traceFile} ${read.message})`});
		} else if (read.ok) {
			const result = traceFromFiles(read, load);
			if ('pattern' in result) trace = result.pattern;
			else problems.push(...result.problems.map(problem => ({file: problem.file, line: problem.line, column: problem.column, path: '', message: problem.message})));
		} else {
			problems.push({file: read.file ?? traceFile, line: 0, column: 0, path: '', message: read.message});
		}
	}

	if (problems.length > 0) return {ok: false, problems: problems.sort(byPosition)};
	const config = toConfig(parsed.data, visibleText(options.fallbackName ?? 'custom'), trace);
	// Safety net: anything the simulation itself refuses is a problem of the preset, not a crash.
	const refused = checkConfig(config).map(message => ({file, line: 1, column: 1, path: '', message: message.replace(/\.$/, '')}));
	if (refused.length > 0) return {ok: false, problems: refused};
	const missing = checkTargets(parsed.data, config).map(finding => ({file, ...locate(finding.path, 'value'), path: formatPath(finding.path), message: finding.message}));
	if (missing.length > 0) return {ok: false, problems: missing};
	return {ok: true, config, document: parsed.data};
}

/**
 * Timeline entries that name an instance (`target: i-0003`) must name one that exists by then:
 * the ids are given out in launch order, so a short dry run of the preset up to the last such
 * entry tells (only presets with such targets pay for it).
 */
function checkTargets(document: PresetDocument, config: SimConfig): Array<{path: Array<string | number>; message: string}> {
	const named = (document.timeline ?? []).flatMap((entry, index) => {
		const target = 'target' in entry ? entry.target : undefined;
		return typeof target === 'string' && /^i-/.test(target) ? [{index, target, tick: Math.round(entry.at / config.tickSeconds)}] : [];
	}).sort((a, b) => a.tick - b.tick);
	const findings: Array<{path: Array<string | number>; message: string}> = [];
	let state = createInitialState(config);
	for (const {index, target, tick} of named) {
		// Up to and including the entry's tick: an instance launched at that very tick counts.
		if (tick + 1 > state.clock.tick) state = advance(state, tick + 1 - state.clock.tick);
		if (state.instances[target] === undefined) {
			const ids = state.instanceOrder.slice(0, 6);
			const more = state.instanceOrder.length > ids.length ? ', …' : '';
			findings.push({path: ['timeline', index, 'target'], message: `expected an instance that exists by then (${ids.join(', ')}${more}), got "${target}": no instance ${target} has been launched by ${describeSeconds(tick * config.tickSeconds)}`});
		}
	}

	return findings;
}

/**
 * The parts of a document that validate on their own (the rest left out), so cross-field
 * checks (max ≥ min, the timeline inside the duration) run beside the schema's problems: each
 * top-level part, and within a map that does not validate, each of its keys that does.
 */
function salvage(raw: Record<string, unknown>): PresetDocument {
	const parts: Record<string, unknown> = {};
	for (const [key, schema] of Object.entries(presetSchema.shape)) {
		if (!Object.hasOwn(raw, key)) continue;
		const result = schema.safeParse(raw[key]);
		if (result.success) {
			parts[key] = result.data;
			continue;
		}

		const inner = objectShape(schema);
		const value = raw[key];
		if (!inner || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
		const kept: Record<string, unknown> = {};
		for (const [innerKey, innerSchema] of Object.entries(inner)) {
			if (!Object.hasOwn(value, innerKey)) continue;
			const innerResult = innerSchema.safeParse((value as Record<string, unknown>)[innerKey]);
			if (innerResult.success) kept[innerKey] = innerResult.data;
		}

		parts[key] = kept;
	}

	return parts as PresetDocument;
}

/** The shape of a zod object schema, looking through optional/nullable/union-with-a-literal wrappers. */
function objectShape(schema: unknown): Record<string, {safeParse: (value: unknown) => {success: boolean; data?: unknown}}> | undefined {
	const definition = (schema as {def?: {type?: string; innerType?: unknown; options?: unknown[]; shape?: Record<string, never>}}).def;
	if (!definition) return undefined;
	if (definition.type === 'object') return definition.shape;
	if (definition.type === 'optional' || definition.type === 'nullable' || definition.type === 'default') return objectShape(definition.innerType);
	if (definition.type === 'union') return definition.options?.map(option => objectShape(option)).find(shape => shape !== undefined);
	return undefined;
}

const nestingMessage = `expected maps and lists nested at most ${maxNestingDepth} deep (scaletop's limit; the preset format is five deep), got deeper ones here`;

/**
 * The offset of the first map or list nested deeper than `maxNestingDepth`, if any. Iterative:
 * the document may be nested deeper than the call stack allows.
 */
function firstTooDeep(root: unknown): number | undefined {
	const stack: Array<{node: unknown; depth: number}> = [{node: root, depth: 1}];
	while (stack.length > 0) {
		const {node, depth} = stack.pop()!;
		if (!isMap(node) && !isSeq(node)) continue;
		if (depth > maxNestingDepth) return node.range?.[0] ?? 0;
		for (const item of node.items as unknown[]) {
			if (isPair(item)) stack.push({node: item.key, depth: depth + 1}, {node: item.value, depth: depth + 1});
			else stack.push({node: item, depth: depth + 1});
		}
	}

	return undefined;
}

function yamlMessage(code: string, message: string): string {
	// The YAML library itself runs out of stack on very deep nesting (about 800 levels).
	if (code === 'RESOURCE_EXHAUSTION') return nestingMessage;
	if (code === 'MULTIPLE_DOCS') return 'expected one preset per file, got a second YAML document here (after ---): put each preset in a file of its own';
	if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear once in a map';
	if (code === 'TAG_RESOLVE_FAILED' || code === 'BAD_TAG') return `YAML tags are not allowed in a preset (presets are data): ${message}`;
	return `YAML syntax error: ${message.split('\n')[0]}`;
}
