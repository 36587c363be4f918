/**
 * `--set KEY=VALUE`: a change to one setting of a preset, by the preset's own key path
 * (`autoScaling.defaultCooldown`, `autoScaling.policies[0].alarm.threshold`, `load.rate`).
 * Overrides are applied to the parsed YAML document before it is validated, so a bad value or
 * a misspelled key gets the same located message as in the file, followed by the `--set`
 * that caused it. Pure.
 */
import {isMap, isScalar, isSeq, parse, type Document} from 'yaml';
import {formatPath, type PathSegment} from './problems.js';

/** One override: the path in the document, its value (already read as YAML), and how it was typed. */
export type Override = {
	readonly path: readonly PathSegment[];
	readonly value: unknown;
	/** `KEY=VALUE` as the user wrote it (quoted in messages). */
	readonly text: string;
};

/** A `--set` whose value is a list of alternatives (sweep): `KEY=V1,V2,…`. */
export type SetFlag = {
	readonly key: string;
	readonly path: readonly PathSegment[];
	/** Each alternative as typed (`300s`), in the order given. */
	readonly values: readonly string[];
};

/** A parsed flag or the sentence saying why not. */
export type SetParsed<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string};

const segmentPattern = /^[A-Za-z$_][\w$-]*$/;

/** `autoScaling.policies[0].alarm` → ['autoScaling', 'policies', 0, 'alarm'], or undefined when malformed. */
export function parseKeyPath(key: string): PathSegment[] | undefined {
	const path: PathSegment[] = [];
	for (const part of key.split('.')) {
		const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
		if (!match || !segmentPattern.test(match[1]!)) return undefined;
		path.push(match[1]!);
		for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
	}

	return path.length > 0 ? path : undefined;
}

/** Split `V1,V2,[a,b]` on the commas outside brackets and quotes. */
export function splitValues(text: string): string[] {
	const values: string[] = [];
	let depth = 0;
	let quote = '';
	let current = '';
	for (const char of text) {
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === '"' || char === '\'') {
			quote = char;
		} else if (char === '[' || char === '{') {
			depth++;
		} else if ((char === ']' || char === '}') && depth > 0) {
			depth--;
		} else if (char === ',' && depth === 0) {
			values.push(current);
			current = '';
			continue;
		}

		current += char;
	}

	values.push(current);
	return values.map(value => value.trim());
}

/** Parse one `--set KEY=V1,V2,…` flag (a headless run allows one value, a sweep several). */
export function parseSetFlag(text: string): SetParsed<SetFlag> {
	const equals = text.indexOf('=');
	const key = equals === -1 ? text : text.slice(0, equals).trim();
	if (equals === -1) return {ok: false, message: `--set expects KEY=VALUE (like autoScaling.defaultCooldown=120s), got "${text}"`};
	const path = parseKeyPath(key);
	if (!path) return {ok: false, message: `--set ${text}: expected a key path like autoScaling.policies[0].alarm.threshold, got "${key}"`};
	const values = splitValues(text.slice(equals + 1));
	const empty = values.findIndex(value => value === '');
	if (empty !== -1) return {ok: false, message: `--set ${text}: value ${empty + 1} is empty`};
	if (new Set(values).size !== values.length) return {ok: false, message: `--set ${text}: a value is given twice`};
	return {ok: true, value: {key, path, values}};
}

/** A value as typed → its YAML meaning (`300s` text, `80` a number, `true`, `[a, b]` a list). */
export function readValue(text: string): unknown {
	try {
		return parse(text, {schema: 'core', merge: false, customTags: []}) as unknown;
	} catch {
		return text;
	}
}

/** The override for `key` = `value` (one alternative of a flag). */
export function makeOverride(flag: Pick<SetFlag, 'key' | 'path'>, value: string): Override {
	return {path: flag.path, value: readValue(value), text: `${flag.key}=${value}`};
}

/**
 * Apply overrides to a parsed YAML document, in order. Returns a sentence per override that
 * cannot apply (a path through a value that is not a map or a list, an index past the end
 * of a list).
 */
export function applyOverrides(document: Document, overrides: readonly Override[]): {readonly override: Override; readonly message: string}[] {
	const refused: {override: Override; message: string}[] = [];
	for (const override of overrides) {
		const problem = pathProblem(document, override.path);
		if (problem) {
			refused.push({override, message: problem});
			continue;
		}

		document.setIn(override.path as PathSegment[], document.createNode(override.value));
	}

	return refused;
}

/** Why `path` cannot be set in `document`, or undefined when it can. */
function pathProblem(document: Document, path: readonly PathSegment[]): string | undefined {
	let node: unknown = document.contents;
	for (const [index, segment] of path.entries()) {
		if (node === null || node === undefined) return undefined;
		const here = formatPath(path.slice(0, index)) || 'the preset';
		if (typeof segment === 'number') {
			if (!isSeq(node)) return `${here} is not a list, so it has no [${segment}]`;
			if (segment >= node.items.length) return `${here} has ${node.items.length} ${node.items.length === 1 ? 'entry' : 'entries'}, so it has no [${segment}]`;
			node = node.items[segment];
		} else {
			if (isScalar(node) && index > 0) return `${here} is ${JSON.stringify(node.value)}, not a map, so it has no ${segment}`;
			if (!isMap(node)) return `${here} is not a map, so it has no ${segment}`;
			node = node.get(segment, true);
		}
	}

	return undefined;
}

/**
 * Whether a problem at `problemPath` concerns the override: one path holds the other, or both
 * are keys of the same map (`autoScaling.max: must be ≥ min` after `--set autoScaling.min=5`).
 */
export function concerns(override: Override, problemPath: readonly PathSegment[]): boolean {
	const own = override.path;
	if (problemPath.length === 0) return false;
	const common = own.findIndex((segment, index) => problemPath[index] !== segment);
	const shared = common === -1 ? own.length : common;
	if (shared === own.length || shared === problemPath.length) return true;
	return shared > 0 && shared === own.length - 1 && shared === problemPath.length - 1;
}

/** The note after a problem caused by overrides: ` (--set a=1, --set b=2)`. */
export function overrideNote(overrides: readonly Override[], problemPath: readonly PathSegment[]): string {
	const causes = overrides.filter(override => concerns(override, problemPath));
	return causes.length === 0 ? '' : ` (${causes.map(override => `--set ${override.text}`).join(', ')})`;
}

/** `--set` flags of a single run (one value each) → overrides, or the first problem. */
export function readOverrides(texts: readonly string[]): SetParsed<Override[]> {
	const overrides: Override[] = [];
	for (const text of texts) {
		const flag = parseSetFlag(text);
		if (!flag.ok) return flag;
		if (flag.value.values.length > 1) return {ok: false, message: `--set ${text}: a run takes one value per setting (scaletop sweep runs several: scaletop sweep PRESET --set ${text})`};
		if (overrides.some(override => formatPath(override.path) === formatPath(flag.value.path))) return {ok: false, message: `--set ${flag.value.key} is given twice`};
		overrides.push(makeOverride(flag.value, flag.value.values[0]!));
	}

	return {ok: true, value: overrides};
}

/** The summary as `--json` prints it: with `"settings": { KEY: VALUE }` after the seed when `--set` was given. */
export function withSettings<T extends {readonly seed: number}>(summary: T, texts: readonly string[] | undefined): T {
	if (!texts || texts.length === 0) return summary;
	const settings: Record<string, unknown> = {};
	for (const text of texts) {
		const equals = text.indexOf('=');
		settings[text.slice(0, equals).trim()] = readValue(text.slice(equals + 1).trim());
	}

	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(summary)) {
		result[key] = value;
		if (key === 'seed') result['settings'] = settings;
	}

	return result as T;
}
