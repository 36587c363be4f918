/**
 * The `command` of a cast's header: the scaletop command line that makes the same cast again.
 * Headless, it reproduces it byte for byte; live, it starts the same run recorded the same way
 * (the keys pressed are the user's). Every flag that shapes the cast is on it — `--record` and
 * its file, `--cast-format`, `--ascii`, `--no-color`, each `--set` — and nothing else.
 */
import type {CastFormat} from './cast-writer.js';

/** What a cast was made from. */
export type CastCommandParts = {
	/** The preset as the user named it (a built-in name or a path). */
	readonly reference: string;
	/** The words after `scaletop` when they are not just the preset (`compare A B`). Default `[reference]`. */
	readonly words?: readonly string[];
	readonly mode: 'live' | 'headless';
	readonly recordPath: string;
	readonly seed: number;
	/** Left out of the command when undefined (a comparison of two presets of their own lengths). */
	readonly durationSeconds?: number;
	/** Headless: always given (the speed used); live: only when `--speed` was. */
	readonly speed?: number;
	/** Headless: the frame rate, width and height used. Live: the frame rate when `--fps` was given (a live cast has the terminal's size). */
	readonly fps?: number;
	readonly columns?: number;
	readonly rows?: number;
	readonly castFormat?: CastFormat;
	readonly isAscii?: boolean;
	readonly isColor?: boolean;
	/** `--set KEY=VALUE`, in order. */
	readonly sets?: readonly string[];
};

/** A word for a POSIX shell: as it is when it is safe, else single-quoted. */
export function shellWord(word: string): string {
	return /^[\w./:=@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", String.raw`'\''`)}'`;
}

/** `--duration` as a person writes it: `1h`, `30m`, else seconds (`90s`). */
export function durationFlag(seconds: number): string {
	if (seconds % 3600 === 0) return `${seconds / 3600}h`;
	return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** The command line that reproduces the cast. */
export function castCommand(parts: CastCommandParts): string {
	const words = ['scaletop', ...(parts.words ?? [parts.reference])];
	if (parts.mode === 'headless') words.push('--headless');
	words.push('--record', parts.recordPath, '--seed', String(parts.seed));
	if (parts.durationSeconds !== undefined) words.push('--duration', durationFlag(parts.durationSeconds));
	const numbers = [['speed', parts.speed], ['fps', parts.fps], ['cols', parts.columns], ['rows', parts.rows]] as const;
	for (const [name, value] of numbers) if (value !== undefined) words.push(`--${name}`, String(value));
	if (parts.castFormat !== undefined && parts.castFormat !== 'v2') words.push('--cast-format', parts.castFormat);
	if (parts.isAscii) words.push('--ascii');
	if (parts.isColor === false) words.push('--no-color');
	for (const set of parts.sets ?? []) words.push('--set', set);
	return words.map(shellWord).join(' ');
}
