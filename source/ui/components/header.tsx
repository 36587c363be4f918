/** The header: the run's identity, the clock, speed (and lag), running or paused, seed, cost, Chaos Monkey. */
import {glyphs, type Line, type Segment, type Tone} from '../theme.js';
import type {HeaderVm} from '../view-models/to-header.js';
import {lineWidth, seg} from '../paint.js';
import {linesPanel} from './lines.js';

type Item = {readonly segments: Line; readonly priority: number};

const item = (priority: number, ...segments: Segment[]): Item => ({segments, priority});

/**
 * The header's items, in screen order, each with a priority: when the line is too narrow the
 * lowest priorities go first (the clock, speed and paused/running always stay). Past the
 * preset's end the duration gives way to `ended · free run`: the clock goes on, as a sandbox.
 */
export function headerLine(vm: HeaderVm, width: number): Line {
	const stateTone: Tone = vm.isPaused ? 'warn' : 'ok';
	const items: Item[] = [
		...(vm.label ? [item(11, seg(vm.label, 'key'))] : []),
		item(3, seg('scaletop', 'title')),
		item(9, seg(vm.presetName, 'accent')),
		item(1, seg(vm.title, 'dim')),
		item(10, seg(vm.clock, 'title'), vm.isEnded ? seg(' ended · free run', 'warn') : seg(`/${vm.duration}`, 'dim')),
		item(10, seg(vm.speed, 'accent'), ...(vm.lag ? [seg(` ${vm.lag}`, 'warn')] : [])),
		item(10, seg(vm.isPaused ? `${glyphs.paused} PAUSED` : `${glyphs.running} running`, stateTone)),
		item(4, seg(vm.seed, 'dim')),
		item(8, seg(vm.cost), seg(` ${vm.runRate}`, 'dim')),
		item(5, seg(vm.isChaosOn ? 'chaos ON' : 'chaos off', vm.isChaosOn ? 'alarm' : 'dim')),
	];
	const widthOf = (list: readonly Item[]) => list.reduce((sum, i) => sum + lineWidth(i.segments), 0) + 2 * (list.length - 1);
	const kept = [...items];
	while (kept.length > 1 && widthOf(kept) > width) {
		let lowest = 0;
		for (let i = 1; i < kept.length; i++) if (kept[i].priority < kept[lowest].priority) lowest = i;
		kept.splice(lowest, 1);
	}
	return kept.flatMap((it, i) => (i === 0 ? it.segments : [seg('  '), ...it.segments]));
}

/** The header row. */
export const Header = linesPanel<HeaderVm>('Header', (vm, box) => ({lines: [headerLine(vm, box.width)]}));
