/**
 * The load balancer panel: kind and routing algorithm, healthy of registered targets,
 * cross-zone and the surge queue, then one line per target — id, zone, its state in the load
 * balancer's own words, requests routed to it per second and in total, and with users modelled
 * the users whose session or data it holds (the `?` overlay names these columns). With DNS
 * round-robin: the TTL, the records (and removed addresses clients still hold), each with its
 * clients' share, its EC2 state, and the requests sent to it.
 */
import type {Line} from '../theme.js';
import {seg, titleLine} from '../paint.js';
import type {PanelBox} from '../layout.js';
import {fit, fitRight} from '../view-models/format.js';
import type {LoadBalancerPanelVm} from '../view-models/to-load-balancer-panel.js';
import {fitRows, linesPanel, type PanelContent} from './lines.js';

/** The panel's lines for its box. */
export function loadBalancerPanelLines(vm: LoadBalancerPanelVm, box: PanelBox): PanelContent {
	const {width} = box;
	if (vm.isPresent === false) {
		// No load balancer in this run (instances reached directly): nothing to route, nothing billed.
		return {lines: [titleLine('ELB', width, [seg(vm.kind, 'dim')]), [seg(vm.algorithm, 'dim')]]};
	}

	const head: Line[] = [
		titleLine(vm.title ?? 'ELB', width, [seg(vm.kind), seg(' · ', 'dim'), seg(vm.algorithm, 'accent')]),
		[seg(vm.healthy, vm.healthTone), seg(` · ${vm.crossZone}`, 'dim'), ...(vm.sticky ? [seg(' · ', 'dim'), seg(vm.sticky, 'accent')] : []), ...(vm.surgeQueue ? [seg(` · ${vm.surgeQueue}`, 'warn')] : [])],
	];
	const hasUsers = vm.targets.some(t => t.users !== '');
	const zoneWidth = width >= (hasUsers ? 57 : 50) ? 11 : 0;
	const usersWidth = hasUsers && width >= 46 ? 7 : 0;
	// DNS round-robin: the share of clients holding each address instead of the zone.
	const targets: Line[] = vm.targets.map(t => t.share !== undefined ? [
		seg(`${fit(t.id, 7)} `),
		seg(fitRight(t.share, 6)),
		seg(' '),
		seg(fit(t.state, width >= 56 ? 18 : 12), t.tone),
		seg(fitRight(t.rate, 9)),
		seg(fitRight(t.total, 9), 'dim'),
	] : [
		seg(`${fit(t.id, 7)} `),
		...(zoneWidth > 0 ? [seg(fit(t.zone, zoneWidth), 'dim')] : []),
		seg(fit(t.state, 12), t.tone),
		seg(fitRight(t.rate, 9)),
		seg(fitRight(t.total, 9), 'dim'),
		...(usersWidth > 0 ? [seg(fitRight(t.users, usersWidth))] : []),
	]);
	if (targets.length === 0) targets.push([seg('no registered targets', 'dim')]);
	return {lines: [...head, ...fitRows(targets, box.height - head.length, 'more targets')]};
}

/** The load balancer panel. */
export const LoadBalancerPanel = linesPanel<LoadBalancerPanelVm>('LoadBalancerPanel', loadBalancerPanelLines);
