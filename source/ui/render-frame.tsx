/**
 * One full dashboard frame as a string, without a terminal: for the recorder and tests.
 * (Stub: the dashboard owner replaces it with renderToString(<Dashboard …/>).)
 */
import type {SimState} from '../sim/index.js';

export type FrameOptions = {readonly columns: number; readonly rows: number; readonly isColor: boolean};

export function renderFrame(state: SimState, options: FrameOptions): string {
	return `scaletop ${state.config.name} t=${state.clock.tick}`.slice(0, options.columns);
}
