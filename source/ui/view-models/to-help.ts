/**
 * The `?` overlay's content: every key from the one key table (../keymap.ts), then what the
 * instance table's row markers and columns and the load balancer panel's columns mean. Plain
 * rows of text cells; the overlay draws each section as a bordered table.
 */
import {keySections, keyTable} from '../keymap.js';

/** One bordered table of the overlay. */
export type HelpSectionVm = {
	readonly title: string;
	/** Column headings, left to right; every row has a cell for each. */
	readonly columns: readonly string[];
	readonly rows: ReadonlyArray<Readonly<Record<string, string>>>;
};

/** The overlay's sections, in order. */
export type HelpVm = {readonly sections: readonly HelpSectionVm[]};

const keysSection: HelpSectionVm = {
	title: 'Keys',
	columns: ['group', 'key', 'what it does'],
	rows: keySections.flatMap(section => keyTable
		.filter(binding => binding.section === section)
		.map((binding, index) => ({group: index === 0 ? section : '', key: binding.label, 'what it does': binding.help}))),
};

const markersSection: HelpSectionVm = {
	title: 'Instance table',
	columns: ['mark', 'meaning'],
	rows: [
		{mark: '+', meaning: 'new: launched in the last minute'},
		{mark: '-', meaning: 'leaving: Terminating, shutting down or stopped'},
		{mark: '!', meaning: 'unhealthy: failing EC2 or ELB health checks'},
		{mark: 'THROTTLED', meaning: 'a t2 out of CPU credits, held at its baseline'},
		{mark: 'ASG', meaning: 'Auto Scaling lifecycle: Pending, InService, Terminating…'},
		{mark: 'EC2', meaning: 'EC2 state: pending, running, shutting-down, stopped…'},
		{mark: 'HEALTH', meaning: 'health as the group sees it (EC2 or ELB checks)'},
		{mark: 'REQ/S INFL', meaning: 'requests routed per second; requests in flight'},
		{mark: 'LAT UP', meaning: 'mean latency this second; time since launch'},
		{mark: 'TIER', meaning: 'web, or database: EC2 is its RDS status, HEALTH its role'},
	],
};

const loadBalancerSection: HelpSectionVm = {
	title: 'ELB panel',
	columns: ['column', 'meaning'],
	rows: [
		{column: 'n/m healthy', meaning: 'healthy targets of those registered'},
		{column: 'state', meaning: 'classic LB: InService, OutOfService'},
		{column: '', meaning: 'application LB: initial, healthy, unhealthy, draining'},
		{column: 'n/s', meaning: 'requests routed to the target per second'},
		{column: 'total', meaning: 'requests routed to it since it registered'},
		{column: 'nu', meaning: 'users whose sticky session or data it holds'},
		{column: 'sticky 1d', meaning: 'sticky sessions on, the cookie\'s duration'},
		{column: 'surge', meaning: 'requests waiting in the classic surge queue'},
	],
};

const tiersSection: HelpSectionVm = {
	title: 'Tiers panel',
	columns: ['column', 'meaning'],
	rows: [
		{column: 'bottleneck', meaning: 'the busiest tier now (the database: its busiest node)'},
		{column: '▶', meaning: 'marks the bottleneck tier'},
		{column: 'n  %  bar', meaning: 'nodes; busy share of its vCPUs (last ~10 s)'},
		{column: 'ms', meaning: 'its own time per request (wider panels)'},
		{column: 'lat %', meaning: 'its share of the end-to-end latency'},
	],
};

/** The overlay's view-model (the same every time: it is built from the key table). */
export const helpVm: HelpVm = {sections: [keysSection, markersSection, loadBalancerSection, tiersSection]};

/** Rows the overlay scrolls through (every section's rows). */
export function helpRowCount(vm: HelpVm): number {
	return vm.sections.reduce((sum, s) => sum + s.rows.length, 0);
}
