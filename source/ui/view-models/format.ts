/**
 * Pure formatting helpers shared by the view-models: numbers with units, clocks, sparklines,
 * bars, and fitting text to a column width. Widths are display columns (../text-width.ts,
 * string-width): preset text may hold CJK or emoji, two columns each.
 */
import {glyphs} from '../theme.js';
import {padStartToWidth, padToWidth, textWidth} from '../text-width.js';

/** `text` cut or right-padded with spaces to exactly `width` columns (an ellipsis marks a cut). */
export function fit(text: string, width: number): string {
	return padToWidth(text, width);
}

/**
 * A name in `width` columns like `fit`, but a ` high` / ` low` ending (how target-tracking
 * alarms are shown, see `alarmDisplayName`) survives the cut: `track-cpu-for-th… high`.
 */
export function fitName(text: string, width: number): string {
	const suffix = / (?:high|low)$/.exec(text)?.[0] ?? '';
	if (textWidth(text) <= width || suffix === '' || width < suffix.length + 2) return fit(text, width);
	return fit(text.slice(0, -suffix.length), width - suffix.length) + suffix;
}

/** `text` left-padded to `width` (numbers), cut like `fit` when too long. */
export function fitRight(text: string, width: number): string {
	return padStartToWidth(text, width);
}

/** Seconds as `HH:MM:SS` (hours grow past 99 when they must). */
export function formatClock(totalSeconds: number): string {
	const s = Math.max(0, Math.floor(totalSeconds));
	const hours = Math.floor(s / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	const seconds = s % 60;
	return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** A short duration: `45s`, `12m05s`, `3h07m`, `2d04h`. */
export function formatDuration(totalSeconds: number): string {
	const s = Math.max(0, Math.floor(totalSeconds));
	if (s < 60) return `${s}s`;
	if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
	if (s < 86_400) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
	return `${Math.floor(s / 86_400)}d${String(Math.floor((s % 86_400) / 3600)).padStart(2, '0')}h`;
}

/** A rate or count with sensible precision: `0`, `4.25`, `29.8`, `1234`, `12.3k`, `1.2M`. */
export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) return '—';
	const a = Math.abs(value);
	if (a === 0) return '0';
	if (a < 10) return trimZeros(value.toFixed(2));
	if (a < 100) return trimZeros(value.toFixed(1));
	if (a < 10_000) return value.toFixed(0);
	if (a < 1_000_000) return `${trimZeros((value / 1000).toFixed(a < 100_000 ? 1 : 0))}k`;
	return `${trimZeros((value / 1_000_000).toFixed(1))}M`;
}

function trimZeros(text: string): string {
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Milliseconds: `0.8ms`, `45ms`, `1.25s`, `60s`. */
export function formatMs(ms: number): string {
	if (!Number.isFinite(ms)) return '—';
	if (ms < 1000) return `${formatNumber(ms)}ms`;
	return `${formatNumber(ms / 1000)}s`;
}

/** US dollars: `$0.0123` below a dollar, `$12.35` above, `$1,234` from a thousand. */
export function formatUsd(usd: number): string {
	if (usd < 1) return `$${usd.toFixed(4)}`;
	if (usd < 1000) return `$${usd.toFixed(2)}`;
	return `$${Math.round(usd).toLocaleString('en-US')}`;
}

/** A whole count with thousands separators. */
export function formatCount(value: number): string {
	return Math.round(value).toLocaleString('en-US');
}

/** The speed multiplier as shown in the header: `×0.25`, `×1`, `×3`, `×600` (two decimals at most below 100). */
export function formatSpeed(speed: number): string {
	const shown = speed >= 100 ? Math.round(speed) : Math.round(speed * 100) / 100;
	return `×${trimZeros(String(shown))}`;
}

/**
 * `values` fitted to `width` points: as they are when they fit, else averaged over equal
 * buckets (the whole history stays on screen, as CloudWatch's graphs show a day at 5-minute
 * points). The newest bucket may hold fewer values.
 */
export function downsample(values: readonly number[], width: number): readonly number[] {
	if (width <= 0) return [];
	if (values.length <= width) return values;
	const per = values.length / width;
	const out: number[] = [];
	for (let i = 0; i < width; i++) {
		const from = Math.floor(i * per);
		const to = Math.max(from + 1, Math.floor((i + 1) * per));
		let sum = 0;
		for (let k = from; k < to; k++) sum += values[k];
		out.push(sum / (to - from));
	}

	return out;
}

/** The largest of `values` (0 for none). */
export function maxOf(values: readonly number[]): number {
	let max = 0;
	for (const v of values) if (v > max) max = v;
	return max;
}

/**
 * A sparkline of `values` in `width` cells, scaled from 0 to `max` (default: the largest value;
 * a flat zero series is blank). Longer histories are downsampled to fit ({@link downsample});
 * shorter ones are left-padded with blanks so time runs right.
 */
export function sparkline(values: readonly number[], width: number, max = maxOf(downsample(values, width))): string {
	if (width <= 0) return '';
	const shown = downsample(values, width);
	const levels = glyphs.spark.length - 1;
	let out = ' '.repeat(width - shown.length);
	for (const v of shown) {
		out += max <= 0 || v <= 0 ? glyphs.spark[1] : glyphs.spark[1 + Math.round((Math.min(v, max) / max) * (levels - 1))];
	}

	return out;
}

/** A horizontal bar for a 0–100 % value in `width` cells, with eighth-cell precision. */
export function bar(percent: number, width: number): string {
	if (width <= 0) return '';
	const p = Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 0));
	const eighths = Math.round((p / 100) * width * 8);
	const full = Math.floor(eighths / 8);
	const part = glyphs.barEighths[eighths % 8];
	const body = glyphs.barFull.repeat(full) + part;
	return body + glyphs.barEmpty.repeat(width - body.length);
}

/** What a series counts. */
export type SeriesUnit = 'rate' | 'ms' | 'percent' | 'count' | 'usd';

/** A value of a series in its unit, short: `120/s`, `1.25s`, `85%`, `6`, `$0.41`. */
export function formatInUnit(unit: SeriesUnit, value: number): string {
	switch (unit) {
		case 'rate': return `${formatNumber(value)}/s`;
		case 'ms': return formatMs(value);
		case 'percent': return `${Math.round(value)}%`;
		case 'count': return formatNumber(value);
		case 'usd': return formatUsd(value);
	}
}
