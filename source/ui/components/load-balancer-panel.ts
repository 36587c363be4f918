import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import {fit, fitRight} from '../view-models/format.js';
import type {LoadBalancerPanelVm} from '../view-models/to-load-balancer-panel.js';

/** The panel's lines: kind and algorithm, health and surge queue, then one line per target. */
export function loadBalancerPanelLines(vm: LoadBalancerPanelVm, width: number): Line[] {
	const lines: Line[] = [titleLine('ELB', width, [seg(vm.kind), seg(' · ', 'dim'), seg(vm.algorithm, 'accent')])];
	lines.push([seg(vm.healthy, vm.healthTone), seg(` · ${vm.crossZone}`, 'dim'), ...(vm.surgeQueue ? [seg(` · ${vm.surgeQueue}`, 'warn')] : [])]);
	const zoneWidth = width >= 50 ? 11 : 0;
	for (const t of vm.targets) {
		lines.push([
			seg(`${fit(t.id, 7)} `),
			...(zoneWidth > 0 ? [seg(fit(t.zone, zoneWidth), 'dim')] : []),
			seg(fit(t.state, 12), t.tone),
			seg(fitRight(t.rate, 9)),
			seg(fitRight(t.total, 9), 'dim'),
		]);
	}
	if (vm.targets.length === 0) lines.push([seg('no registered targets', 'dim')]);
	return lines;
}
