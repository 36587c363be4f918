import type {BenchLine} from './types.js';

/** Stub: this area's owner replaces it with real measurements. */
export async function bench(): Promise<BenchLine[]> {
	return [];
}
