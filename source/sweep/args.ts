/**
 * Flags of the subcommands `scaletop sweep` and `scaletop compare`: each has its own small
 * set, read with node's `parseArgs` (strict), so a flag that does not apply is an error that
 * names the subcommand's flags instead of being ignored. A flag given twice is refused unless
 * it may repeat (`--set`). Pure.
 */
import {parseArgs} from 'node:util';
import {didYouMean} from '../text/did-you-mean.js';

/** A flag of a subcommand. */
export type FlagSpec = {readonly type: 'boolean' | 'string'; readonly multiple?: boolean};

/** The flags read: name → value (string, boolean, or the list for repeatable flags). */
export type ReadFlags = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** Flags and positionals, or the sentence saying what is wrong. */
export type ReadArgs = {readonly ok: true; readonly flags: ReadFlags; readonly positionals: string[]} | {readonly ok: false; readonly message: string};

const kebab = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/** Read `args` against `spec` (names in camelCase; on the command line in kebab-case). */
export function readArgs(command: string, args: readonly string[], spec: Readonly<Record<string, FlagSpec>>): ReadArgs {
	const options = Object.fromEntries(Object.entries(spec).map(([name, flag]) => [kebab(name), {type: flag.type, multiple: flag.multiple ?? false}]));
	const names = Object.keys(options);
	try {
		const {values, positionals, tokens} = parseArgs({args: [...args], options, allowPositionals: true, strict: true, tokens: true});
		const counts = new Map<string, number>();
		for (const token of tokens) if (token.kind === 'option') counts.set(token.name, (counts.get(token.name) ?? 0) + 1);
		for (const [name, count] of counts) {
			if (count > 1 && !options[name]!.multiple) return {ok: false, message: `--${name} is given ${count} times; give it once`};
		}

		const flags = Object.fromEntries(Object.entries(spec).map(([name]) => [name, values[kebab(name)] as string | boolean | string[] | undefined]));
		return {ok: true, flags, positionals};
	} catch (error) {
		const code = (error as {code?: string}).code;
		const message = error instanceof Error ? error.message : String(error);
		const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
			const suggestion = didYouMean(option.replace(/^-+/, ''), names);
			return {ok: false, message: `${command} has no flag ${option}${suggestion ? `, did you mean --${suggestion}?` : ''} (scaletop ${command} --help lists its flags)`};
		}

		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			return {ok: false, message: message.includes('argument missing') ? `${option} needs a value` : `${option} takes no value`};
		}

		return {ok: false, message: `scaletop ${command}: ${message}`};
	}
}
