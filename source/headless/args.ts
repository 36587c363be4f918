/**
 * The command line's vocabulary: one table of flags (which command each applies to, what
 * value it takes), the parser (meow, driven by that table, so `-n100`, `--seed=3` and `--` work
 * as in any CLI; every flag is repeatable for meow, and a scan of argv keeps each flag as typed),
 * and flag values read into one-sentence errors. Every error names the flag as it was typed
 * (`-n`, not `--requests`) and is a usage error (exit 2).
 *
 * `--help`/`-h` and `--version` win wherever they appear: `scaletop ab -n 5 --help` prints ab's
 * options, `scaletop thrashing --help` the main help.
 */
import meow from 'meow';
import {didYouMean} from '../text/did-you-mean.js';
import {parseDurationSeconds} from '../presets/units.js';

/** An error meant for the user: printed as is (one sentence), with its exit code (2: bad usage). */
export class UsageError extends Error {
	constructor(message: string, readonly exitCode = 2) {
		super(message);
	}
}

/** The commands: `run` is `scaletop [PRESET] …` (live, headless, record); the others are subcommands. */
export type CommandName = 'run' | 'ab';

/** The subcommands, by the word that starts them (`scaletop ab …`), and their one-line usage. */
export const subcommands: Readonly<Record<Exclude<CommandName, 'run'>, string>> = {
	ab: 'scaletop ab -n N -c C',
};

/** One flag of the command line. */
export type FlagSpec = {
	/** Long name, kebab-case (`cast-format`). */
	readonly name: string;
	/** One-letter short name (`n` for `-n`). */
	readonly short?: string;
	/** Takes a value (shown as this placeholder: `FILE`, `N`); absent = a boolean switch. */
	readonly value?: string;
	/** A boolean that also takes `--no-NAME`. */
	readonly isNegatable?: boolean;
	/** May be given more than once (values collected in order). */
	readonly isRepeatable?: boolean;
	/** The commands it applies to. */
	readonly commands: readonly CommandName[];
	/** Known but refused with this sentence (ab's `-k`, `-t`). */
	readonly unsupported?: string;
};

const run = ['run'] as const;
const both = ['run', 'ab'] as const;
const ab = ['ab'] as const;

/** Every flag. `help` and `version` apply everywhere. */
export const flagSpecs: readonly FlagSpec[] = [
	{name: 'help', short: 'h', commands: both},
	{name: 'version', commands: both},
	{name: 'headless', commands: run},
	{name: 'json', commands: run},
	{name: 'metrics', value: 'FILE', commands: run},
	{name: 'interval', value: 'DURATION', commands: run},
	{name: 'events', value: 'FILE', commands: run},
	{name: 'seed', value: 'N', commands: both},
	{name: 'duration', value: 'DURATION', commands: run},
	{name: 'speed', value: 'X', commands: run},
	{name: 'record', value: 'FILE.cast', commands: run},
	{name: 'cols', value: 'N', commands: run},
	{name: 'rows', value: 'N', commands: run},
	{name: 'fps', value: 'N', commands: run},
	{name: 'force', commands: run},
	{name: 'cast-format', value: 'v2|v3', commands: run},
	{name: 'ascii', commands: run},
	{name: 'color', isNegatable: true, commands: run},
	{name: 'list-presets', commands: run},
	{name: 'set', value: 'KEY=VALUE', isRepeatable: true, commands: run},
	{name: 'requests', short: 'n', value: 'N', commands: ab},
	{name: 'concurrency', short: 'c', value: 'C', commands: ab},
	{name: 'type', value: 'T', commands: ab},
	{name: 'instances', value: 'K', commands: ab},
	{name: 'app', value: 'PROFILE', commands: ab},
	{name: 'algorithm', value: 'A', commands: ab},
	{name: 'keepalive', short: 'k', commands: ab, unsupported: '-k (HTTP keep-alive) is not supported: the simulated clients have no connections to keep; leave it out'},
	{name: 'timelimit', short: 't', value: 'SECONDS', commands: ab, unsupported: '-t (a time limit) is not supported: give the number of requests with -n instead'},
];

const specByName = new Map(flagSpecs.map(spec => [spec.name, spec]));
const specByShort = new Map(flagSpecs.filter(spec => spec.short).map(spec => [spec.short!, spec]));

/** Flag values by long name: a string, true/false for a switch, a list for a repeatable flag. */
export type FlagValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** A parsed command line. `typed` holds each flag as the user typed it (`-n`, `--requests`). */
export type CommandLine =
	| {readonly kind: 'help'; readonly command: CommandName}
	| {readonly kind: 'version'}
	| {readonly kind: 'command'; readonly command: CommandName; readonly positionals: readonly string[]; readonly flags: FlagValues; readonly typed: Readonly<Record<string, string>>};

/** `--seed` or `-n`: how a flag is named in messages when it was not typed. */
export function flagLabel(name: string): string {
	const spec = specByName.get(name);
	return spec?.short && spec.commands.length === 1 && spec.commands[0] === 'ab' ? `-${spec.short}` : `--${name}`;
}

function helpHint(command: CommandName): string {
	return command === 'run' ? 'scaletop --help lists the flags' : `scaletop ${command} --help lists its options`;
}

function commandOf(positionals: readonly string[]): CommandName {
	const first = positionals[0];
	return first !== undefined && Object.hasOwn(subcommands, first) ? (first as CommandName) : 'run';
}

function optionsOf(command: CommandName): string {
	// Its own flags first, then those it shares with other commands.
	const own = flagSpecs.filter(spec => spec.commands.includes(command) && !spec.unsupported && spec.name !== 'help' && spec.name !== 'version');
	const ordered = [...own.filter(spec => spec.commands.length === 1), ...own.filter(spec => spec.commands.length > 1)];
	return ordered.map(spec => (spec.short ? `-${spec.short}` : `--${spec.name}`)).join(', ');
}

/** yargs-parser's (so meow's) negative number: a value, not a flag (`--seed -1`). */
const negativeNumber = /^-(\d+(\.\d+)?|\.\d+)$/;
/** What yargs-parser reads as a value attached to a one-letter flag (`-n100`); anything else is a group of flags. */
const attachedNumber = /^-?\d+(\.\d*)?(e-?\d+)?$/;

/** One flag as the user typed it: `raw` is `-n` or `--requests` (never with its value). */
type TypedFlag = {readonly raw: string; readonly spec: FlagSpec | undefined; readonly negated: boolean; readonly value: string | undefined; readonly inline: boolean};

/**
 * Walk `argv` the way meow (yargs-parser) reads it, keeping each flag as typed: what meow
 * cannot tell us (which spelling was used, how often, where a value went missing).
 */
function scanArgv(argv: readonly string[]): {flags: TypedFlag[]; positionals: string[]} {
	const flags: TypedFlag[] = [];
	const positionals: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--') {
			positionals.push(...argv.slice(index + 1));
			break;
		}

		if (!arg.startsWith('-') || arg === '-' || negativeNumber.test(arg)) {
			positionals.push(arg);
			continue;
		}

		let raw: string;
		let spec: FlagSpec | undefined;
		let negated = false;
		let value: string | undefined;
		if (arg.startsWith('--')) {
			const equals = arg.indexOf('=');
			const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
			raw = `--${name}`;
			value = equals < 0 ? undefined : arg.slice(equals + 1);
			spec = specByName.get(name);
			const positive = name.startsWith('no-') ? specByName.get(name.slice(3)) : undefined;
			if (!spec && positive?.isNegatable && value === undefined) {
				spec = positive;
				negated = true;
			}
		} else {
			raw = `-${arg[1]!}`;
			spec = specByShort.get(arg[1]!);
			const rest = arg.slice(2);
			value = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
			if (spec?.value && rest !== '' && !rest.startsWith('=') && !attachedNumber.test(rest)) {
				throw new UsageError(`${arg}: ${raw} takes a number attached (${raw}100) or its value apart (${raw} ${rest})`);
			}
		}

		const inline = value !== undefined;
		const next = argv[index + 1];
		// As yargs-parser: a flag's value is the next word unless that looks like a flag; a
		// switch swallows a following true/false (which we then refuse as a value).
		if (!inline && next !== undefined && (spec?.value ? !next.startsWith('-') || negativeNumber.test(next) : spec !== undefined && /^(true|false)$/.test(next))) {
			value = next;
			index++;
		}

		flags.push({raw, spec, negated, value, inline});
	}

	return {flags, positionals};
}

/** The one flag table as meow's flags: every flag may repeat for meow, so we see a repeat and name it. */
const meowFlags = Object.fromEntries(flagSpecs.map(spec => [camelCase(spec.name), {type: spec.value ? 'string' as const : 'boolean' as const, isMultiple: true, ...(spec.short ? {shortFlag: spec.short} : {})}]));

function camelCase(name: string): string {
	return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Parse `argv` (without `node` and the script) with meow, driven by the flag table. Throws a
 * UsageError for an unknown flag (with a did-you-mean), a flag given twice, a missing or
 * unwanted value, or a flag of another command — each named as typed.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
	const scanned = scanArgv(argv);
	const command = commandOf(scanned.positionals);
	// --help and --version first: they are honoured whatever else is on the line.
	if (scanned.flags.some(flag => flag.spec?.name === 'help')) return {kind: 'help', command};
	if (scanned.flags.some(flag => flag.spec?.name === 'version')) return {kind: 'version'};
	const expected: Record<string, Array<string | boolean>> = {};
	const typed: Record<string, string> = {};
	for (const flag of scanned.flags) {
		const {name, value} = checkFlag(flag, command);
		const spec = specByName.get(name)!;
		const previous = typed[name];
		if (previous !== undefined && !spec.isRepeatable) {
			const first = expected[name]![0];
			const values = typeof value === 'string' ? ` (${JSON.stringify(first)} and ${JSON.stringify(value)})` : '';
			if (previous === flag.raw) throw new UsageError(`${previous} is given twice${values}: give it once`);
			throw new UsageError(`${previous} and ${flag.raw} are the same flag, given twice${values}: give it once`);
		}

		typed[name] ??= flag.raw;
		(expected[name] ??= []).push(value);
	}

	// The values themselves are meow's. autoHelp/autoVersion are off: --help and --version are
	// honoured anywhere (above), which meow does only when they stand alone.
	// `pkg` is given so meow reads no package.json; it names the process `scaletop` from its bin.
	const parsed = meow({argv: [...argv], importMeta: import.meta, pkg: {name: 'scaletop', bin: {scaletop: 'dist/cli.js'}}, flags: meowFlags, autoHelp: false, autoVersion: false, allowUnknownFlags: true, booleanDefault: undefined});
	const flags: Record<string, string | boolean | string[]> = {};
	for (const [name, values] of Object.entries(expected)) {
		const read = parsed.flags[camelCase(name)] as Array<string | boolean> | undefined;
		// The scan and meow must agree on every word; if not, it is our bug, not the user's.
		if (!read || JSON.stringify(read) !== JSON.stringify(values)) throw new Error(`the flag parser disagrees about ${typed[name]}: ${JSON.stringify(read)} vs ${JSON.stringify(values)}`);
		flags[name] = specByName.get(name)!.isRepeatable ? (read as string[]) : read[0]!;
	}

	const input = parsed.input.map(String);
	if (JSON.stringify(input) !== JSON.stringify(scanned.positionals)) throw new Error(`the flag parser disagrees about the arguments: ${JSON.stringify(input)} vs ${JSON.stringify(scanned.positionals)}`);
	return {kind: 'command', command, positionals: command === 'run' ? input : input.slice(1), flags, typed};
}

/** A flag's long name and value, or the sentence saying what is wrong with it. */
function checkFlag(flag: TypedFlag, command: CommandName): {name: string; value: string | boolean} {
	const {raw, spec, value} = flag;
	if (!spec) {
		if (raw.startsWith('--')) {
			const suggestion = didYouMean(raw.slice(2), flagSpecs.filter(known => known.commands.includes(command)).map(known => known.name));
			throw new UsageError(`unknown flag ${raw}${suggestion ? `, did you mean --${suggestion}?` : ''} (${helpHint(command)})`);
		}

		throw new UsageError(`unknown flag ${raw} (${helpHint(command)})`);
	}

	if (spec.unsupported && spec.commands.includes(command)) throw new UsageError(spec.unsupported);
	if (!spec.commands.includes(command)) {
		if (command === 'run') {
			const owner = spec.commands[0] as Exclude<CommandName, 'run'>;
			throw new UsageError(`${raw} applies to scaletop ${owner} (${subcommands[owner]})`);
		}

		throw new UsageError(`${raw} does not apply to scaletop ${command} (its options: ${optionsOf(command)})`);
	}

	if (spec.value) {
		// `--seed=` too: an empty attached value is no value (meow would read the next word).
		if (value === undefined || (flag.inline && value === '')) throw new UsageError(`${raw} needs a value (${raw} ${spec.value})`);
		return {name: spec.name, value};
	}

	if (flag.negated) return {name: spec.name, value: false};
	if (value !== undefined) throw new UsageError(`${raw} takes no value, got ${flag.inline ? `${raw}=${value}` : `${raw} ${value}`}`);
	return {name: spec.name, value: true};
}

/** A parsed flag value or the sentence saying why not. */
export type Parsed<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string};

const bad = (message: string): Parsed<never> => ({ok: false, message});

/** The largest seed (a 32-bit unsigned integer). */
export const maxSeed = 4_294_967_295;

/** `--seed`: a whole number from 0 to 4294967295. `flag` is the flag as typed. */
export function parseSeed(text: string, flag = '--seed'): Parsed<number> {
	const value = Number(text);
	if (!/^\d+$/.test(text.trim()) || value > maxSeed) return bad(`${flag} must be a whole number from 0 to ${maxSeed}, got "${text}"`);
	return {ok: true, value};
}

/** `--duration`, `--interval`: a positive duration like 90s, 30m, 1h, at most `maxSeconds`. */
export function parseDurationFlag(flag: string, text: string, maxSeconds = Number.POSITIVE_INFINITY, maxText = ''): Parsed<number> {
	const label = flag.startsWith('-') ? flag : `--${flag}`;
	const seconds = parseDurationSeconds(text);
	if (seconds === undefined || seconds <= 0) return bad(`${label} must be a duration like 90s, 30m or 1h, got "${text}"`);
	if (seconds > maxSeconds) return bad(`${label} must be at most ${maxText}, got "${text}"`);
	return {ok: true, value: seconds};
}

/** A positive number flag (`--speed`). */
export function parsePositive(flag: string, text: string): Parsed<number> {
	const label = flag.startsWith('-') ? flag : `--${flag}`;
	const value = Number(text);
	if (text.trim() === '' || !Number.isFinite(value) || value <= 0) return bad(`${label} must be a positive number, got "${text}"`);
	return {ok: true, value};
}

/** A whole-number flag within [min, max] (`--cols`, `--rows`, `--fps`). */
export function parseWhole(flag: string, text: string, min: number, max: number): Parsed<number> {
	const label = flag.startsWith('-') ? flag : `--${flag}`;
	const value = Number(text);
	if (!/^\d+$/.test(text.trim()) || value < min || value > max) return bad(`${label} must be a whole number from ${min} to ${max}, got "${text}"`);
	return {ok: true, value};
}
