/**
 * Semantic colours and glyphs. Components and view-models name a *tone* (ok, warn, alarm …);
 * the theme turns it into SGR escape codes. Two modes:
 *
 * - `color`: 16-colour ANSI (green ok, yellow warn, red alarm, cyan accent, dim grey).
 * - `mono`:  no colour at all, only bold / normal / dim / inverse, as htop's Monochromatic
 *            scheme does; used when `NO_COLOR` is set (no-color.org allows bold and dim).
 *
 * We write the escape codes ourselves instead of using Ink's `color` props: Ink colours go
 * through chalk, which ignores NO_COLOR and drops colour when stdout is not a TTY, while the
 * recorder needs the same bytes whatever its own stdout is.
 */

import {textWidth} from './text-width.js';

/** What a piece of text means, not how it looks. */
export type Tone = 'normal' | 'title' | 'ok' | 'warn' | 'alarm' | 'dim' | 'accent' | 'new' | 'key';

/**
 * A piece of a line: plain text and its tone. A gauge (a CPU bar) keeps its look on a selected
 * row: under reverse video a full bar would look empty and an empty one full.
 */
export type Segment = {readonly text: string; readonly tone?: Tone; readonly isGauge?: boolean};

/** A rendered line is a list of segments; the renderer fits it to a width and paints it. */
export type Line = readonly Segment[];

export type ThemeMode = 'color' | 'mono';

/** `unicode`: block and box glyphs; `ascii`: plain ASCII for fonts and consoles without them (`--ascii`). */
export type Charset = 'unicode' | 'ascii';

export type Theme = {
	readonly mode: ThemeMode;
	readonly charset: Charset;
	/** `text` wrapped in the escape codes for `tone` (unchanged for `normal`). */
	readonly paint: (tone: Tone, text: string) => string;
	/** `text` shown as part of the selected row (reverse video in both modes). */
	readonly select: (text: string) => string;
};

const esc = (open: string, close: string) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;

const colorStyles: Readonly<Record<Tone, ((text: string) => string) | undefined>> = {
	normal: undefined,
	title: esc('1', '22'),
	ok: esc('32', '39'),
	warn: esc('33', '39'),
	alarm: (text) => esc('1', '22')(esc('31', '39')(text)),
	dim: esc('90', '39'),
	accent: esc('36', '39'),
	new: esc('96', '39'),
	key: (text) => esc('1', '22')(esc('36', '39')(text)),
};

const monoStyles: Readonly<Record<Tone, ((text: string) => string) | undefined>> = {
	normal: undefined,
	title: esc('1', '22'),
	ok: undefined,
	warn: esc('1', '22'),
	alarm: esc('1', '22'),
	dim: esc('2', '22'),
	accent: undefined,
	new: esc('1', '22'),
	key: esc('1', '22'),
};

/** The theme for a mode (and a character set: Unicode unless asked for ASCII). */
export function makeTheme(mode: ThemeMode, charset: Charset = 'unicode'): Theme {
	const styles = mode === 'color' ? colorStyles : monoStyles;
	return {
		mode,
		charset,
		paint: (tone, text) => (text === '' ? text : styles[tone]?.(text) ?? text),
		select: esc('7', '27'),
	};
}

/**
 * Colour unless asked for none. The flags win (`--color`, `--no-color` — `noColor` is the same as
 * `color: false` — as no-color.org allows);
 * then the environment: `NO_COLOR` set to any non-empty value (no-color.org) or `FORCE_COLOR=0`
 * (chalk's and Node's convention) turn it off, `FORCE_COLOR=1…3` on, and — for the terminal in
 * front of us, not for a recording played elsewhere — `TERM=dumb` off. Takes the environment
 * as an argument: only the runners read `process.env`.
 */
export function isColorWanted(env: Readonly<Record<string, string | undefined>>, options: {readonly color?: boolean; readonly noColor?: boolean; readonly isForTerminal?: boolean} = {}): boolean {
	if (options.noColor) return false;
	if (options.color !== undefined) return options.color;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	const force = env['FORCE_COLOR'];
	if (force === '0' || force === 'false') return false;
	if (force !== undefined && force !== '') return true;
	return !(options.isForTerminal ?? true) || !isDumbTerminal(env);
}

/** `TERM=dumb` (Emacs' shell, some CI logs): no cursor addressing, no colour, no box glyphs. */
export function isDumbTerminal(env: Readonly<Record<string, string | undefined>>): boolean {
	return env['TERM'] === 'dumb';
}

/** Glyphs by meaning. Block elements and box drawing are one column wide in every terminal font. */
export const glyphs = {
	/** Sparkline levels, lowest to highest (index 0 = no value). */
	spark: [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
	/** Eighths of a bar cell, for CPU bars. */
	barEighths: ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'],
	barFull: '█',
	barEmpty: '·',
	rule: '─',
	separator: '│',
	running: '▶',
	paused: '❚❚',
	sortAscending: '▲',
	sortDescending: '▼',
	/** Row markers in the instance table (visible without colour). */
	isNew: '+',
	isDying: '-',
	isUnhealthy: '!',
} as const;

/**
 * One ASCII character for each non-ASCII one the dashboard draws (glyphs, and the arrows, dashes
 * and Greek letters of captions and activity messages), so every column keeps its width. The
 * sparkline's eight levels stay distinct: `.:-=+*%#`.
 */
const asciiFor: Readonly<Record<string, string>> = {
	'▁': '.', '▂': ':', '▃': '-', '▄': '=', '▅': '+', '▆': '*', '▇': '%', '█': '#',
	'▏': '|', '▎': '|', '▍': '|', '▌': '|', '▋': '|', '▊': '|', '▉': '|',
	'·': '.', '─': '-', '│': '|', '▶': '>', '▸': '>', '┌': '+', '┐': '+', '└': '+', '┘': '+', '├': '+', '┤': '+', '┬': '+', '┴': '+', '┼': '+', '❚': '|', '▲': '^', '▼': 'v',
	'×': 'x', '→': '>', '←': '<', '↑': '^', '↓': 'v', '»': '>', '«': '<', '…': '~', '≈': '~',
	'—': '-', '–': '-', '−': '-', '≥': '>', '≤': '<', '‘': "'", '’': "'", '“': '"', '”': '"',
	'µ': 'u', 'μ': 'u', 'λ': 'L', 'ρ': 'p', 'Σ': 'S', '²': '2', '₀': '0', '√': 'v', '§': 'S', '°': 'o',
};

// eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
const nonAscii = /[^\u0000-\u007F]/;

/** `text` with every non-ASCII character replaced by ASCII of the same width (`?` when unknown). */
export function toAscii(text: string): string {
	if (!nonAscii.test(text)) return text;
	let out = '';
	// An unknown character becomes one `?` per column it took, so the columns after it stay put.
	for (const char of text) out += char.codePointAt(0)! < 0x80 ? char : (asciiFor[char] ?? '?'.repeat(textWidth(char)));
	return out;
}
