/**
 * zod issues → preset problems: one sentence per problem, with what was expected, what was
 * found and, for misspelled keys and values, a "did you mean". Unions are resolved to the
 * branch the author meant (a timeline entry with `caption` is a caption, one with `closed` is
 * closed-loop load) so the message speaks about that branch only.
 */
import type {z} from 'zod';
import {didYouMean} from '../text/did-you-mean.js';
import {formatPath, type Locator, type PathSegment, type PresetProblem} from './problems.js';

/** Marks issues whose message zod would invent: we write those ourselves. */
export const defaultMessage = '\u0000default';
const keysPrefix = '\u0000keys:';

/** The per-parse error map: keeps schema-level messages, records allowed keys for unknown-key issues. */
export function presetErrorMap(issue: z.core.$ZodRawIssue): string {
	if (issue.code === 'unrecognized_keys') {
		const shape = (issue.inst as {_zod?: {def?: {shape?: Record<string, unknown>}}} | undefined)?._zod?.def?.shape ?? {};
		return keysPrefix + Object.keys(shape).filter(key => key !== '$schema').join(',');
	}

	return defaultMessage;
}

type Issue = z.core.$ZodIssue;

/** Describe a found value briefly: `"abc"`, `12`, `true`, `a list`, `a map`, `nothing`. */
export function describeFound(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a map';
	return String(value);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
	let value = root;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[segment as string];
	}

	return value;
}

const expectedNames: Readonly<Record<string, string>> = {object: 'a map', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false', int: 'a whole number'};

/** Which union branch the author meant, from the value's keys; undefined = no clear choice. */
function chooseBranch(path: readonly PathSegment[], value: unknown): number | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const has = (key: string) => Object.hasOwn(value, key);
	const parent = path.at(-2);
	if (parent === 'timeline') return has('caption') ? 0 : has('marker') ? 1 : has('action') ? 2 : -1;
	if (path.at(-1) === 'load') return has('closed') ? 1 : 0;
	if (path.at(-1) === 'autoScaling') return 0;
	return undefined;
}

/** Turn zod issues into problems located in the file. */
export function issuesToProblems(issues: readonly Issue[], root: unknown, file: string, locate: Locator): PresetProblem[] {
	const problems: PresetProblem[] = [];
	const add = (path: readonly PathSegment[], anchor: 'key' | 'value', message: string) => {
		problems.push({file, ...locate(path, anchor), path: formatPath(path), message});
	};

	const visit = (issue: Issue, base: readonly PathSegment[]) => {
		const path = [...base, ...(issue.path as PathSegment[])];
		const found = valueAt(root, path);
		const custom = issue.message !== defaultMessage && !issue.message.startsWith(keysPrefix);
		switch (issue.code) {
			case 'unrecognized_keys': {
				const allowed = issue.message.startsWith(keysPrefix) ? issue.message.slice(keysPrefix.length).split(',') : [];
				for (const key of issue.keys) add([...path, key], 'key', unknownKeyMessage(key, allowed));
				return;
			}

			case 'invalid_union': {
				if ('discriminator' in issue && issue.discriminator) {
					const options = ((issue as {options?: unknown[]}).options ?? []).map(String);
					add(path, found === undefined ? 'value' : 'value', found === undefined ? `missing (expected one of ${options.join(', ')})` : oneOfMessage(options, found));
					return;
				}

				const branch = chooseBranch(path, found);
				if (branch === -1) {
					const misspelled = Object.keys(found as object).find(key => key !== 'at' && didYouMean(key, ['action', 'caption', 'marker']));
					if (misspelled) add([...path, misspelled], 'key', unknownKeyMessage(misspelled, ['at', 'action', 'caption', 'marker']));
					else add(path, 'value', 'expected an entry with action, caption or marker');
					return;
				}

				if (branch !== undefined && issue.errors[branch]) {
					for (const inner of issue.errors[branch]) visit(inner, path);
					return;
				}

				const expected = custom ? issue.message : `expected ${unionExpectations(issue.errors)}`;
				add(path, 'value', found === undefined ? `missing (${expected})` : `${expected}, got ${describeFound(found)}${colonHint(found)}`);
				return;
			}

			default: {
				if (custom) {
					const got = Array.isArray(found) ? found.length.toLocaleString('en-US') : describeFound(found);
					add(path, 'value', found === undefined ? `missing (${issue.message})` : `${issue.message}, got ${got}`);
					return;
				}

				add(path, 'value', plainMessage(issue, found));
			}
		}
	};

	for (const issue of issues) visit(issue, []);
	return problems;
}

/** `at 6m` where a map was expected: probably `at: 6m` without its colon. */
function colonHint(found: unknown): string {
	const match = typeof found === 'string' ? /^([A-Za-z]\w*)\s+\S/.exec(found) : null;
	return match ? ` (is a ":" missing after "${match[1]}"?)` : '';
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
	const suggestion = didYouMean(key, allowed);
	if (suggestion) return `unknown key, did you mean "${suggestion}"?`;
	return allowed.length > 0 ? `unknown key (expected one of ${allowed.join(', ')})` : 'unknown key';
}

function oneOfMessage(options: readonly string[], found: unknown): string {
	const suggestion = typeof found === 'string' ? didYouMean(found, options) : undefined;
	const list = options.length === 1 ? `"${options[0]}"` : `one of ${options.join(', ')}`;
	return `expected ${list}, got ${describeFound(found)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

function unionExpectations(branches: readonly (readonly Issue[])[]): string {
	const parts = branches.map(branch => {
		const first = branch[0];
		if (first?.code === 'invalid_type') return expectedNames[first.expected] ?? first.expected;
		if (first?.code === 'invalid_value') return first.values.map(value => JSON.stringify(value)).join(' or ');
		return 'a valid value';
	});
	return [...new Set(parts)].join(' or ');
}

function plainMessage(issue: Issue, found: unknown): string {
	switch (issue.code) {
		case 'invalid_type': {
			const expected = expectedNames[issue.expected] ?? issue.expected;
			if (found === undefined) return `missing (expected ${expected})`;
			return `expected ${expected}, got ${describeFound(found)}${issue.expected === 'object' ? colonHint(found) : ''}`;
		}

		case 'invalid_value':
			return oneOfMessage(issue.values.map(String), found);
		case 'too_small':
			return issue.origin === 'array' ? `expected at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}, got ${(found as unknown[]).length}`
				: issue.origin === 'string' ? `expected non-empty text, got ${describeFound(found)}`
					: `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}, got ${describeFound(found)}`;
		case 'too_big':
			return issue.origin === 'array' ? `expected at most ${String(issue.maximum)} entries, got ${(found as unknown[]).length}` : `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, got ${describeFound(found)}`;
		case 'invalid_format':
			return `expected text matching ${issue.format}, got ${describeFound(found)}`;
		default:
			return `invalid value ${describeFound(found)}`;
	}
}
