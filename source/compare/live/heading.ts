/** The live comparison's header line: the two presets and whether they see the same traffic. Pure. */
import {seg} from '../../ui/paint.js';
import type {Line} from '../../ui/theme.js';

/** What the header line says. */
export type CompareHeadingVm = {
	readonly nameA: string;
	readonly nameB: string;
	/** The load note (../load-difference.ts). */
	readonly note: string;
	readonly isSameArrivals: boolean;
};

/** The header line. */
export function compareHeaderLine(vm: CompareHeadingVm): Line {
	return [
		seg('compare', 'title'), seg('  '), seg('A', 'key'), seg(' '), seg(vm.nameA, 'accent'), seg(' vs '), seg('B', 'key'), seg(' '), seg(vm.nameB, 'accent'), seg('  '),
		seg(vm.isSameArrivals ? vm.note : `≠ ${vm.note}`, vm.isSameArrivals ? 'dim' : 'warn'),
	];
}

