/**
 * The busiest targets of a run, and the rest summed: a summary of a 1,000-instance fleet names
 * the few that took the most requests, not every one of them (issue 14 item 15).
 */

/** How many targets a summary names; the rest are summed. */
export const maxTargetsShown = 10;

/** The targets named (in launch order) and what the others add up to. */
export type BusiestTargets = {
	readonly shown: ReadonlyArray<readonly [id: string, requests: number]>;
	readonly others: {readonly targets: number; readonly requests: number};
};

/**
 * The `maxTargetsShown` targets that took the most requests (ties: the earlier launched), kept
 * in launch order; `routed` is in launch order. With that many or fewer, all of them.
 */
export function busiestTargets(routed: Readonly<Record<string, number>>, limit = maxTargetsShown): BusiestTargets {
	const entries = Object.entries(routed);
	if (entries.length <= limit) return {shown: entries, others: {targets: 0, requests: 0}};
	const chosen = new Set(entries.map((entry, index) => ({count: entry[1], index})).sort((a, b) => b.count - a.count || a.index - b.index).slice(0, limit).map(({index}) => index));
	const shown = entries.filter((_, index) => chosen.has(index));
	const rest = entries.filter((_, index) => !chosen.has(index));
	return {shown, others: {targets: rest.length, requests: rest.reduce((sum, [, count]) => sum + count, 0)}};
}
