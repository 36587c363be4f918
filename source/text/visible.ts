/**
 * Text that came from a preset is data, not terminal commands: its control characters are made
 * visible, so a title like "T\e]0;PWNED\a" cannot set the terminal's title and a caption cannot
 * switch off the alternate screen. C0 controls and DEL are shown in caret notation, as `cat -v`
 * does (ESC → ^[, BEL → ^G, newline → ^J, DEL → ^?); C1 controls and the bidirectional
 * overrides that reorder what is shown (Trojan Source) as \u009B, \u202E.
 *
 * The one function; it is applied where preset text enters the program (every key and string
 * of a parsed preset, see ../presets/parse-preset.ts) and where a preset problem is printed
 * (../presets/problems.ts formatProblem: messages that quote the file). Idempotent.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hidden = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `text` with every control character made visible. */
export function visibleText(text: string): string {
	return text.replace(hidden, character => {
		const code = character.codePointAt(0)!;
		if (code < 0x20) return `^${String.fromCodePoint(code + 0x40)}`;
		if (code === 0x7F) return '^?';
		return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
	});
}

/** `value` with every string in it (object keys included) made visible; other values as they are. */
export function visibleDeep(value: unknown): unknown {
	if (typeof value === 'string') return visibleText(value);
	if (Array.isArray(value)) return value.map(item => visibleDeep(item));
	if (value !== null && typeof value === 'object') {
		const result: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) result[visibleText(key)] = visibleDeep(item);
		return result;
	}

	return value;
}
