import React, {type ReactElement} from 'react';
import {renderToString} from 'ink';
import {render} from 'ink-testing-library';
import {plain} from './render-text.js';
import {ThemeContext} from '../../../source/ui/components/theme-context.js';
import {makeTheme, type Theme} from '../../../source/ui/theme.js';

/**
 * A component rendered by Ink with a theme: what a user reads (no colours, no trailing spaces)
 * and the raw frame. Through ink-testing-library (whose terminal is 100 columns wide), or, for a
 * wider terminal, Ink's renderToString at `columns`.
 */
export function renderPanel(element: ReactElement, theme: Theme = makeTheme('color'), columns = 100): {readonly text: string; readonly raw: string} {
	const tree = <ThemeContext.Provider value={theme}>{element}</ThemeContext.Provider>;
	if (columns > 100) {
		const raw = renderToString(tree, {columns});
		return {text: plain(raw), raw};
	}

	const instance = render(tree);
	const raw = instance.lastFrame() ?? '';
	instance.unmount();
	return {text: plain(raw), raw};
}
