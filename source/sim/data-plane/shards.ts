/**
 * Shards (docs/tiers.md, "Shards"): primaries, each owning a contiguous range of the users.
 * A request belongs to one user, so it goes to the one shard that owns that user: its writes to
 * that shard's primary only, its reads to that shard's nodes. How many of the requests a shard
 * gets is the share of the requests its users make.
 *
 * **The users' activity.** User ids run 1 … U (`users.active`). With `userSkew` s the first
 * fraction x of them make F(x) = x^(1 − s) of the requests: s = 0 every user alike (a shard's
 * share is its range's size), s = 0.5 the first 10 % of the users make 32 % of the requests,
 * s = 1 every request comes from user 1. A shard owning users a … b gets
 * F(b / U) − F((a − 1) / U). (F(0) = 0 for every s, so at s = 1 the shard holding user 1 has all.)
 */
import type {UserRange} from '../config.js';

/** Share of the requests made by the first fraction `x` (0–1) of the users. */
export function requestShareBelow(x: number, userSkew: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	return x ** (1 - userSkew);
}

/** Share of the requests made by users `range.firstUser` … `range.lastUser` of `users` (1 for the only shard). */
export function shareOfRange(range: UserRange, users: number, userSkew: number, isOnly: boolean): number {
	if (isOnly || users <= 0) return isOnly ? 1 : 0;
	return requestShareBelow(range.lastUser / users, userSkew) - requestShareBelow((range.firstUser - 1) / users, userSkew);
}

/** `count` equal contiguous ranges of users 1 … `users` (users 1–1000, 1001–2000 … for 10,000 over 10). */
export function evenRanges(users: number, count: number): UserRange[] {
	return Array.from({length: count}, (_, k) => ({firstUser: Math.floor(k * users / count) + 1, lastUser: Math.floor((k + 1) * users / count)}));
}

/**
 * What is wrong with `ranges` as a partition of users 1 … `users`: the index of the range at
 * fault and one sentence; undefined when they cover every user once, in order.
 */
export function rangeProblem(ranges: readonly UserRange[], users: number): {readonly index: number; readonly message: string} | undefined {
	let next = 1;
	for (const [index, range] of ranges.entries()) {
		const label = `shard ${index + 1} (users ${range.firstUser}-${range.lastUser})`;
		if (!(Number.isInteger(range.firstUser) && Number.isInteger(range.lastUser) && range.firstUser >= 1 && range.firstUser <= range.lastUser)) return {index, message: `${label} must run from a user id ≥ 1 to a later one`};
		if (range.firstUser > next) return {index, message: `${label} leaves users ${next}-${range.firstUser - 1} without a shard`};
		if (range.firstUser < next) return {index, message: `${label} overlaps the range before it (expected it to start at user ${next})`};
		next = range.lastUser + 1;
	}

	const index = ranges.length - 1;
	if (next - 1 < users) return {index, message: `the ranges end at user ${next - 1}, so users ${next}-${users} of users.active (${users}) have no shard`};
	if (next - 1 > users) return {index, message: `the ranges run to user ${next - 1}, past users.active (${users})`};
	return undefined;
}

/**
 * Deal `count` whole requests over shards with `shares` (summing to 1): a systematic split at
 * offset `u` (0–1), so each shard gets within one request of `count × share` and the mean is
 * exact. `out[j]` receives shard j's requests.
 */
export function dealByShare(count: number, shares: readonly number[], u: number, out: number[]): void {
	let cumulative = 0;
	let before = 0;
	for (let j = 0; j < shares.length; j++) {
		cumulative += shares[j]!;
		const upTo = j === shares.length - 1 ? count : Math.min(count, Math.floor((cumulative * count) + u));
		out[j] = Math.max(0, upTo - before);
		before = Math.max(before, upTo);
	}
}

/**
 * Where `add-shard` splits a range: the last user of its lower half by user count (users
 * 1-5000 → 1-2500 and 2501-5000), as a range split of the key space is done; with skewed users
 * the lower half keeps more of the requests. -1 when the range has a single user.
 */
export function splitPoint(range: UserRange): number {
	if (range.lastUser <= range.firstUser) return -1;
	return Math.floor((range.firstUser + range.lastUser - 1) / 2);
}
