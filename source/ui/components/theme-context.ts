/** The theme the panels paint with, given once by <Dashboard> (colour or the NO_COLOR look, Unicode or ASCII). */
import {createContext} from 'react';
import {makeTheme, type Theme} from '../theme.js';

export const ThemeContext = createContext<Theme>(makeTheme('color'));
