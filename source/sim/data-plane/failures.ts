/**
 * The failure causes (one list for the whole sim): why a request failed and the status code
 * its client saw. See `FailureCause` in ../types.ts for what each means.
 */
import type {FailureCause} from '../types.js';

/** Every failure cause, in a fixed order. */
export const failureCauseNames: readonly FailureCause[] = ['backend-down', 'app-starting', 'hung', 'timeout', 'backlog-full', 'surge-queue-full', 'no-healthy-targets', 'database-timeout', 'database-refused'];

/** The status code a cause answers with (500: the target answered it; the others: the ELB did). */
export function statusOf(cause: FailureCause): '500' | '502' | '503' | '504' {
	if (cause === 'database-timeout' || cause === 'database-refused') return '500';
	if (cause === 'backend-down' || cause === 'app-starting') return '502';
	if (cause === 'hung' || cause === 'timeout') return '504';
	return '503';
}

/** A tick's failures, by cause (reused). */
export type FailureCounts = Record<FailureCause, number>;

/** No failures. */
export function noFailures(): FailureCounts {
	return {'backend-down': 0, 'app-starting': 0, hung: 0, timeout: 0, 'backlog-full': 0, 'surge-queue-full': 0, 'no-healthy-targets': 0, 'database-timeout': 0, 'database-refused': 0};
}
