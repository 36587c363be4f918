/**
 * Whose data is where (issue 11, docs/stateful.md): the `users.active` users of the site, each
 * request from one of them uniformly, `users.writeShare` of the requests writing that user's
 * data. A fluid model over users (expected counts), O(instances) per tick, no random draw:
 *
 * - **Colocated database** (each web instance runs its own, the one-box WordPress cloned): an
 *   instance holds the data written through it. `usersHeld[k]` is the number of users whose
 *   *latest* write instance k holds. A read at k by a user who has written is inconsistent when k
 *   does not hold that user's latest write: of the reads k completes, the share
 *   (writers − usersHeld[k]) / active. Routing does not look at the user (no stickiness yet), so
 *   over N alike clones usersHeld[k] → writers / N and (N − 1) / N of the reads after a write are
 *   inconsistent; with routing shares p_k, 1 − Σ p_k².
 * - **Writes.** With X writes completed this tick, a user writes at least once with probability
 *   q = 1 − e^(−X / active) (Poisson), and then its latest write is at k with probability
 *   (writes completed at k) / X: usersHeld[k] ← usersHeld[k](1 − q) + active · q · writes_k / X.
 *   Reads are judged against where the data was at the start of the tick.
 * - **Lost data.** An instance that terminates takes its disk (and database) with it: the users
 *   whose latest write it held are `lostSessions`, and their reads are inconsistent everywhere
 *   until they write again. A stopped instance keeps its EBS volume (and its data); the scale-up
 *   story's new instance is launched from the stopped one's image, so it holds what the old held.
 * - **Dedicated database**: one copy of the data for every web instance; no read is inconsistent
 *   and no instance holds data (the reads are still counted).
 *
 * Requests are untouched (counts here are derived from completions): conservation is the data
 * plane's, unchanged.
 */
import type {SimState} from '../types.js';
import type {Working} from '../working.js';
import type {FleetView} from '../systems/fleet.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

/**
 * Count this tick's reads and writes and move users' data (tick step 4, after the route is
 * served). `completed`: the route's end-to-end completions this tick; with a colocated database
 * the per-instance completions (`dataPlane.web.completed`) are used instead.
 */
export function trackConsistency(s: Working, v: FleetView, completed: number, isColocated: boolean): void {
	const {active, writeShare} = s.config.users;
	const c = s.consistency as Mutable<SimState['consistency']>;
	const flow = s.flow;
	flow.reads = 0;
	flow.inconsistentReads = 0;
	flow.lostSessions = 0;
	const readShare = 1 - writeShare;
	if (active <= 0) {
		// No users modelled: every request reads, nothing is written.
		flow.reads = completed * readShare;
		c.reads += flow.reads;
		return;
	}

	const held = s.dataPlane.instances.usersHeld as number[];
	const done = s.dataPlane.web.completed;
	let writes = 0;
	let reads = 0;
	let inconsistent = 0;
	let lost = 0;
	if (isColocated) {
		const writers = c.writers;
		for (let k = 0; k < v.length; k++) {
			const state = v.list[k]!.ec2State;
			if ((state === 'shutting-down' || state === 'terminated') && held[k]! > 0) {
				lost += held[k]!;
				held[k] = 0;
			}

			const n = done[k]!;
			if (n === 0) continue;
			const r = n * readShare;
			reads += r;
			inconsistent += r * Math.max(0, writers - held[k]!) / active;
			writes += n * writeShare;
		}
	} else {
		reads = completed * readShare;
		writes = completed * writeShare;
	}

	c.reads += reads;
	c.readsAfterWrite += reads * c.writers / active;
	c.inconsistentReads += inconsistent;
	c.lostSessions += lost;
	c.writersLost += lost;
	flow.reads = reads;
	flow.inconsistentReads = inconsistent;
	flow.lostSessions = lost;
	if (writes <= 0) return;
	const q = -Math.expm1(-writes / active);
	const kept = 1 - q;
	if (isColocated) {
		const perWrite = active * q / writes;
		for (let k = 0; k < v.length; k++) {
			const n = done[k]!;
			held[k] = (held[k]! * kept) + (n > 0 ? perWrite * n * writeShare : 0);
		}
	}

	c.writersLost *= kept;
	c.writers = (c.writers * kept) + (active * q);
}

/** The scale-up story's new instance is launched from the old one's image: it holds the old one's data (the old one, stopped, serves no more). */
export function moveUsersHeld(s: Working, fromSlot: number, toSlot: number): void {
	const held = s.dataPlane.instances.usersHeld as number[];
	if (fromSlot < 0 || toSlot < 0) return;
	held[toSlot] = held[fromSlot]!;
	held[fromSlot] = 0;
}
