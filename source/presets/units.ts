/**
 * Units of the preset format: durations (`90s`, `5m`, `1h`, `1h30m`, `250ms`) and rates
 * (`20/s`, `1200/m`, `72000/h`, or a plain number of requests per second). Pure functions plus
 * the zod schemas that validate and convert them, so every duration in a preset is read the
 * same way and every error says the same thing.
 */
import {z} from 'zod';

const durationUnitSeconds: Readonly<Record<string, number>> = {ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400};
const durationPattern = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const durationPart = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** What a duration looks like, for error messages. */
export const durationExpected = 'expected a duration like 90s, 5m or 1h';

/** What a rate looks like, for error messages. */
export const rateExpected = 'expected a rate like 20/s, 1200/m or a number per second';

/**
 * Parse a duration into seconds: `90s` → 90, `5m` → 300, `1h30m` → 5400, `250ms` → 0.25, and the
 * number 0 → 0. Returns undefined for anything else (plain numbers other than 0 are refused:
 * `timeout: 5000` is too easy to mean milliseconds).
 */
export function parseDurationSeconds(text: unknown): number | undefined {
	if (text === 0) return 0;
	if (typeof text !== 'string') return undefined;
	const trimmed = text.trim();
	if (trimmed === '0') return 0;
	if (!durationPattern.test(trimmed)) return undefined;
	let seconds = 0;
	for (const match of trimmed.matchAll(durationPart)) seconds += Number(match[1]) * durationUnitSeconds[match[2]];
	return seconds;
}

const rateUnitSeconds: Readonly<Record<string, number>> = {s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600};

/** Parse a rate into requests per second: `20/s` → 20, `1200/m` → 20, `36000/h` → 10, `7.5` → 7.5. */
export function parseRatePerSecond(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*([a-z]+))?\s*$/.exec(value);
	if (!match) return undefined;
	const per = match[2] === undefined ? 1 : rateUnitSeconds[match[2]];
	if (per === undefined) return undefined;
	return Number(match[1]) / per;
}

/** Format seconds as a preset duration: 90 → `1m30s`, 3600 → `1h`, 86400 → `24h`, 3 days → `3d`, 0.25 → `250ms`. */
export function formatDuration(totalSeconds: number): string {
	if (totalSeconds === 0) return '0s';
	if (totalSeconds < 1) return `${Math.round(totalSeconds * 1000)}ms`;
	let rest = Math.round(totalSeconds);
	// Days only for two days and more: a day-long preset reads better as 24h.
	const days = rest >= 172_800 ? Math.floor(rest / 86_400) : 0;
	rest -= days * 86_400;
	const hours = Math.floor(rest / 3600);
	rest -= hours * 3600;
	const minutes = Math.floor(rest / 60);
	const seconds = rest - minutes * 60;
	const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''];
	return parts.join('');
}

/** A duration in a preset (string with a unit, or 0), converted to seconds. */
export const durationSchema = z
	.union([z.string(), z.number()], {error: durationExpected})
	.transform((value, context) => {
		const seconds = parseDurationSeconds(value);
		if (seconds === undefined) {
			context.addIssue({code: 'custom', message: durationExpected, input: value});
			return z.NEVER;
		}

		return seconds;
	})
	.meta({description: 'A duration: 90s, 5m, 1h, 1h30m, 250ms (or 0).', examples: ['90s', '5m', '1h']});

/** A rate in a preset (`20/s`, `1200/m`, or a number per second), converted to requests per second. */
export const rateSchema = z
	.union([z.string(), z.number()], {error: rateExpected})
	.transform((value, context) => {
		const perSecond = parseRatePerSecond(value);
		if (perSecond === undefined) {
			context.addIssue({code: 'custom', message: rateExpected, input: value});
			return z.NEVER;
		}

		return perSecond;
	})
	.meta({description: 'A rate: 20/s, 1200/m, 72000/h, or a number of requests per second.', examples: ['20/s', '1200/m']});
