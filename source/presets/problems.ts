/**
 * Problems in a preset, and where they are: every problem carries the file, the line and
 * column (1-based, from the YAML node ranges), the key path (`autoScaling.policies[0].alarm`)
 * and one sentence saying what was expected and what was found.
 */
import {isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node} from 'yaml';
import {visibleText} from '../text/visible.js';

/** One problem in a preset file. */
export type PresetProblem = {
	readonly file: string;
	/** 1-based line and column of the offending key or value; line 0 for the file as a whole. */
	readonly line: number;
	readonly column: number;
	/** Key path in the document (`timeline[3].factor`), '' for the whole file. */
	readonly path: string;
	/** What was expected and what was found. */
	readonly message: string;
};

/** A path into the document, as zod reports it. */
export type PathSegment = string | number;

/** `autoScaling.policies[0].alarm` from ['autoScaling', 'policies', 0, 'alarm']. */
export function formatPath(path: readonly PathSegment[]): string {
	let text = '';
	for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
	return text;
}

/** The one-line form: `presets/x.yaml:12:5 autoScaling.max: must be ≥ min (2), got 1`. */
export function formatProblem(problem: PresetProblem): string {
	// Line 0: a problem of the whole file (a truncated gzip), with no line to point at.
	const where = problem.line === 0 ? `${problem.file}:` : `${problem.file}:${problem.line}:${problem.column}`;
	// The message may quote the file (a key, a value, the YAML library's excerpt): never raw.
	return visibleText(problem.path ? `${where} ${problem.path}: ${problem.message}` : `${where} ${problem.message}`);
}

/** The most problems printed for one preset; the rest are counted (a generated file can have thousands). */
export const maxProblemsShown = 50;

/** Every problem on a line of its own, at most `maxProblemsShown` of them and a count of the rest. */
export function formatProblems(problems: readonly PresetProblem[]): string {
	const lines = problems.slice(0, maxProblemsShown).map(formatProblem);
	const rest = problems.length - lines.length;
	if (rest > 0) lines.push(`… and ${rest.toLocaleString('en-US')} more problem${rest === 1 ? '' : 's'} in ${visibleText(problems[maxProblemsShown]!.file)}`);
	return lines.join('\n');
}

/** Where to point for a path: the key itself, or its value (or the nearest ancestor present). */
export type Anchor = 'key' | 'value';

/** Finds line and column of document paths. */
export type Locator = (path: readonly PathSegment[], anchor: Anchor) => {readonly line: number; readonly column: number};

/** A locator over a parsed YAML document. Paths that are not in the file point at their nearest ancestor. */
export function makeLocator(document: Document, lineCounter: LineCounter): Locator {
	const position = (offset: number) => {
		const {line, col} = lineCounter.linePos(offset);
		return {line, column: col};
	};

	return (path, anchor) => {
		let node: unknown = document.contents;
		let offset = rangeStart(node) ?? 0;
		for (const [index, segment] of path.entries()) {
			const isLast = index === path.length - 1;
			if (isMap(node)) {
				const pair = node.items.find(item => isPair(item) && keyText(item.key) === String(segment));
				if (!pair) break;
				const keyStart = rangeStart(pair.key);
				if (isLast && anchor === 'key' && keyStart !== undefined) return position(keyStart);
				node = pair.value;
				offset = rangeStart(node) ?? keyStart ?? offset;
			} else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
				node = node.items[segment];
				offset = rangeStart(node) ?? offset;
			} else {
				break;
			}
		}

		return position(offset);
	};
}

/** A key as the parsed preset holds it (control characters made visible), so paths find it. */
function keyText(key: unknown): string | undefined {
	if (isScalar(key)) return visibleText(String(key.value));
	return typeof key === 'string' ? visibleText(key) : undefined;
}

function rangeStart(node: unknown): number | undefined {
	const range = (node as Node | undefined)?.range;
	return range ? range[0] : undefined;
}
