/**
 * The command line's vocabulary, pure: the flags, the help text, unknown-flag detection with a
 * "did you mean", and parsing of flag values into one-sentence errors. `cli.tsx` uses these.
 */
import {didYouMean} from '../text/did-you-mean.js';
import {parseDurationSeconds} from '../presets/units.js';

/** Every long flag (kebab-case) the command line knows. */
export const knownFlags = [
	'headless', 'json', 'metrics', 'interval', 'seed', 'duration', 'speed', 'record', 'cols', 'rows', 'fps', 'force', 'cast-format',
	'ascii', 'list-presets', 'help', 'version', 'requests', 'concurrency', 'type', 'instances', 'app', 'algorithm', 'set',
] as const;

/** Short flags: -n and -c (ab's), -h (help). */
export const knownShortFlags = ['n', 'c', 'h'] as const;

/** The `--help` text. */
export const helpText = `
  top for a simulated AWS fleet: EC2 behind an ELB, an Auto Scaling group driven by CloudWatch
  alarms, and a load generator.

  Usage
    $ scaletop [PRESET]                      live dashboard (default preset: tour)
    $ scaletop PRESET --headless [--json]    run to the end without a UI, print a summary
    $ scaletop PRESET --record FILE.cast     record an asciicast screencast (live, or --headless)
    $ scaletop --list-presets                names, titles and durations of the built-in presets
    $ scaletop ab -n N -c C [options]        an ApacheBench run against the simulated fleet
    $ scaletop compare A B --headless [--json]   two presets on the same traffic, side by side
    $ scaletop sweep PRESET --set KEY=V1,V2 [--seeds 1-20]   every combination × seed, one row each

  PRESET is a built-in name (see --list-presets) or the path of a YAML preset file.

  Options
    --headless             run as fast as possible without a UI and print a readable summary
    --json                 with --headless: print the summary as one JSON object instead
    --metrics FILE         write one JSON line per simulated interval (NDJSON), in any mode
    --interval DURATION    metrics interval in simulated time (default 1m)
    --seed N               the seed (default: the preset's); the seed in use is always shown
    --duration DURATION    run length, like 90s, 30m or 1h (default: the preset's)
    --speed X              simulated seconds per real second (live) or per cast second (--record)
    --record FILE.cast     record an asciicast; --cols N, --rows N its size (default 120x36),
                           --fps N its frame rate (default 10), --force to overwrite,
                           --cast-format v2|v3 (default v2)
    --set KEY=VALUE        change one setting of the preset by its key path, as if written in
                           the file (--set autoScaling.defaultCooldown=120s); repeatable
    --ascii                draw with ASCII only (no block or box glyphs), for fonts and
                           consoles without them; live dashboard and recordings
    --list-presets         list the built-in presets
    --help, --version

  ab options
    -n N                   requests to perform          -c C    concurrent clients
    --type T               instance type (t2.micro)     --instances K   instances behind the ELB (1)
    --app PROFILE          wordpress, static, api, batch   --algorithm A   routing algorithm

  Exit codes: 0 success, 1 the run failed (an invariant broke), 2 bad usage or a bad preset.

  Examples
    $ scaletop thrashing --headless
    $ scaletop daily-traffic --headless --json --metrics day.ndjson
    $ scaletop ab -n 1000 -c 10
`;

/** A one-sentence usage error for the first unknown flag in `argv`, or undefined. */
export function findUnknownFlag(argv: readonly string[]): string | undefined {
	for (const token of argv) {
		if (token === '--') break;
		if (token.startsWith('--')) {
			const name = token.slice(2).split('=')[0];
			const bare = name.startsWith('no-') ? name.slice(3) : name;
			const kebab = bare.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
			if ((knownFlags as readonly string[]).includes(kebab)) continue;
			const suggestion = didYouMean(kebab, knownFlags);
			return `unknown flag --${name}${suggestion ? `, did you mean --${suggestion}?` : ''} (scaletop --help lists the flags)`;
		}

		if (/^-[a-z]/i.test(token)) {
			const letters = token.slice(1).split('=')[0];
			const unknown = [...letters].find(letter => !(knownShortFlags as readonly string[]).includes(letter));
			if (unknown) return `unknown flag -${unknown} (scaletop --help lists the flags)`;
		}
	}

	return undefined;
}

/** A parsed flag value or the sentence saying why not. */
export type Parsed<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string};

const bad = (message: string): Parsed<never> => ({ok: false, message});

/** `--seed`: a whole number from 0 to 4294967295. */
export function parseSeed(text: string): Parsed<number> {
	const value = Number(text);
	if (!/^\d+$/.test(text.trim()) || value > 4_294_967_295) return bad(`--seed must be a whole number from 0 to 4294967295, got "${text}"`);
	return {ok: true, value};
}

/** `--duration`, `--interval`: a positive duration like 90s, 30m, 1h. */
export function parseDurationFlag(flag: string, text: string): Parsed<number> {
	const seconds = parseDurationSeconds(text);
	if (seconds === undefined || seconds <= 0) return bad(`--${flag} must be a duration like 90s, 30m or 1h, got "${text}"`);
	return {ok: true, value: seconds};
}

/** A positive number flag (`--speed`). */
export function parsePositive(flag: string, text: string): Parsed<number> {
	const value = Number(text);
	if (text.trim() === '' || !Number.isFinite(value) || value <= 0) return bad(`--${flag} must be a positive number, got "${text}"`);
	return {ok: true, value};
}

/** A whole-number flag within [min, max] (`--cols`, `--rows`, `--fps`). */
export function parseWhole(flag: string, text: string, min: number, max: number): Parsed<number> {
	const value = Number(text);
	if (!/^\d+$/.test(text.trim()) || value < min || value > max) return bad(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
	return {ok: true, value};
}
