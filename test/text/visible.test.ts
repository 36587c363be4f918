import {expect, test} from 'vitest';
import {visibleDeep, visibleText} from '../../source/text/visible.js';

test('control characters are shown in caret notation, C1 and bidi overrides as \\u escapes; other text unchanged', () => {
	expect(visibleText('T\u001B]0;PWNED\u0007')).toBe('T^[]0;PWNED^G');
	expect(visibleText('\u001B[2J\u001B[5;5HXX\u001B[?1049l')).toBe('^[[2J^[[5;5HXX^[[?1049l');
	expect(visibleText('a\nb\tc\u0000d\u007F')).toBe('a^Jb^Ic^@d^?');
	expect(visibleText('CSI \u009B2J, bidi \u202Eevil\u202C \u2066x\u2069')).toBe('CSI \\u009B2J, bidi \\u202Eevil\\u202C \\u2066x\\u2069');
	expect(visibleText('Spike: 53 req/s · ×2.2 — CPU ▇▇ 90 % 日本')).toBe('Spike: 53 req/s · ×2.2 — CPU ▇▇ 90 % 日本');
	// Idempotent: what it shows has nothing left to show.
	const once = visibleText('\u001B\u009B\u202E\n');
	expect(visibleText(once)).toBe(once);
});

test('visibleDeep reaches every string, keys included, and leaves other values alone', () => {
	expect(visibleDeep({'ti\u001Btle': ['\u0007', 3, true, null, {x: '\u001B'}]})).toEqual({'ti^[tle': ['^G', 3, true, null, {x: '^['}]});
});
