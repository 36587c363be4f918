/**
 * "Did you mean" for misspelled keys and values: the closest candidate by edit distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours),
 * compared case-insensitively.
 */

/** Edit distance between two strings (adjacent transpositions count as one edit). */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({length: rows}, (_, i) => Array.from({length: cols}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	}

	return d[a.length][b.length];
}

/**
 * The candidate closest to `input`, or undefined when none is close enough (at most a third of
 * the word's letters wrong, at least one allowed; a case-only difference always matches).
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
	const needle = input.toLowerCase();
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		const distance = editDistance(needle, candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}

	if (best === undefined) return undefined;
	const allowed = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
	return bestDistance <= allowed ? best : undefined;
}
