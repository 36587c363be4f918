/**
 * Handlers for DNS round-robin's record set (data-plane/dns.ts, docs/dns.md): add an instance's A
 * record, remove one. Only these change the records — nothing adds a new instance by itself and
 * nothing removes a dead one. Refused in the log (never thrown) when the run has no DNS, the
 * target is unknown, or the change would leave the name without an address.
 */
import type {SimAction} from '../actions.js';
import type {Working} from '../working.js';
import {logAction, refuseAction} from '../systems/activity.js';
import {drawPick} from '../systems/draw.js';
import {resolveTarget} from '../systems/faults.js';
import {currentRecords, setRecords} from '../data-plane/dns.js';
import {describeSeconds} from '../describe-action.js';

type Action<T extends SimAction['type']> = Extract<SimAction, {type: T}>;

const isRule = (target: string): boolean => target === 'random' || target === 'oldest' || target === 'newest';

/** How long until every client has the new set: the TTL, and the long-caching clients' lifetime. */
function propagation(s: Working): string {
	const dns = s.config.loadBalancer.dns!;
	const long = Math.max(dns.ttlSeconds, dns.longCacheSeconds);
	const longShare = Math.round(dns.longCacheShare * 100);
	return longShare > 0 && long > dns.ttlSeconds
		? `clients switch as their cached answers expire: ${100 - longShare}% within the TTL (${describeSeconds(dns.ttlSeconds)}), the rest within ${describeSeconds(long)}`
		: `clients switch as their cached answers expire, within the TTL (${describeSeconds(dns.ttlSeconds)})`;
}

/** `dns/record-added`: an A record for a running or pending instance (an id, or `oldest`/`newest`/`random` among those without one). */
export function handleDnsRecordAdded(s: Working, a: Action<'dns/record-added'>): void {
	if (!s.dns) {
		refuseAction(s, a, 'this run has no DNS round-robin (loadBalancer.kind is not dns)');
		return;
	}

	const records = currentRecords(s.dns);
	const r = resolveTarget(s, a.target, i => !records.includes(i.id), 'running instance without a DNS record');
	if ('error' in r) {
		const has = !isRule(a.target) && records.includes(a.target);
		refuseAction(s, a, has ? `${a.target} already has a record` : r.error.charAt(0).toLowerCase() + r.error.slice(1).replace(/\.$/, ''));
		return;
	}

	setRecords(s, [...records, r.id]);
	logAction(s, 'user', a, `${a.target === r.id ? '' : `${r.id} `}added, ${records.length + 1} records; ${propagation(s)}`);
}

/** `dns/record-removed`: delete a record (an id, even of an instance gone from the list, or `oldest`/`newest`/`random` among the records). */
export function handleDnsRecordRemoved(s: Working, a: Action<'dns/record-removed'>): void {
	if (!s.dns) {
		refuseAction(s, a, 'this run has no DNS round-robin (loadBalancer.kind is not dns)');
		return;
	}

	const records = currentRecords(s.dns);
	const id = a.target === 'random' ? drawPick(s, records) : a.target === 'oldest' ? records[0] : a.target === 'newest' ? records.at(-1) : a.target;
	if (id === undefined || !records.includes(id)) {
		refuseAction(s, a, `${a.target} has no DNS record (records: ${records.join(', ')})`);
		return;
	}

	if (records.length === 1) {
		refuseAction(s, a, `${id} is the last record: the name would have no address`);
		return;
	}

	setRecords(s, records.filter(r => r !== id));
	logAction(s, 'user', a, `${a.target === id ? '' : `${id} `}removed, ${records.length - 1} left; ${propagation(s)}`);
}
