import {describe, expect, test} from 'vitest';
import {effectiveSelection, initialUiState, scrollToShow, steppedSpeed, uiReducer, type UiAction, type UiState} from '../../source/ui/ui-state.js';
import {formatSpeed} from '../../source/ui/view-models/format.js';
import {sampleInstances, sampleZones} from '../../source/ui/sample-views.js';
import {toInstanceTableVm} from '../../source/ui/view-models/to-instance-rows.js';

const ids = ['i-0001', 'i-0002', 'i-0003', 'i-0004', 'i-0005'];
const list = {ids, viewportRows: 3};
const fold = (ui: UiState, ...actions: UiAction[]) => actions.reduce(uiReducer, ui);

describe('ui state', () => {
	test('starts running at 1×, sorted by id, nothing selected, focus on the instances', () => {
		expect(initialUiState()).toMatchObject({speed: 1, isPaused: false, sortColumn: 'id', isSortDescending: false, selectedId: undefined, isHelpVisible: false, focus: 'instances', filter: '', terminated: 'recent', detail: undefined, logTop: undefined});
	});

	test('the starting speed is --speed as given; [ and ] then move to the neighbouring steps and say so', () => {
		const ui = initialUiState({speed: 3});
		expect(formatSpeed(ui.speed)).toBe('×3');
		expect(uiReducer(ui, {type: 'speed/changed', delta: 1})).toMatchObject({speed: 5, flash: 'speed ×5'});
		expect(uiReducer(ui, {type: 'speed/changed', delta: -1}).speed).toBe(2);
		expect(steppedSpeed(0.3, -1)).toBe(0.25);
		expect(steppedSpeed(500, 1)).toBe(600);
		expect(steppedSpeed(5000, 1)).toBe(5000);
		expect(steppedSpeed(5000, -1)).toBe(1200);
		expect(formatSpeed(1 / 3)).toBe('×0.33');
		expect(formatSpeed(1234.5)).toBe('×1235');
	});

	test('speed steps from 0.25× to 1200× and stops at both ends, saying so', () => {
		let ui = uiReducer(initialUiState({speed: 0.25}), {type: 'speed/changed', delta: -1});
		expect(ui).toMatchObject({speed: 0.25, flash: 'speed ×0.25 (the slowest)'});
		for (let i = 0; i < 20; i++) ui = uiReducer(ui, {type: 'speed/changed', delta: 1});
		expect(ui).toMatchObject({speed: 1200, flash: 'speed ×1200 (the fastest)'});
	});

	test('selection moves by id and stops at the ends; the table scrolls to show it', () => {
		let ui = uiReducer(initialUiState(), {type: 'selection/moved', delta: 1, list});
		expect(ui.selectedId).toBe('i-0002');
		ui = uiReducer(ui, {type: 'selection/moved', delta: -5, list});
		expect(ui.selectedId).toBe('i-0001');
		ui = uiReducer(ui, {type: 'selection/jumped', to: 'last', list});
		expect(ui).toMatchObject({selectedId: 'i-0005', scrollOffset: 2});
	});

	test('each focused panel keeps its own selection', () => {
		const alarms = {ids: ['HighCPU', 'LowCPU'], viewportRows: 2};
		const ui = fold(initialUiState(), {type: 'focus/moved', delta: 1}, {type: 'selection/moved', delta: 1, list: alarms});
		expect(ui).toMatchObject({focus: 'alarms', selectedAlarm: 'LowCPU', selectedId: undefined});
		expect(ui.flash).toBe('focus: alarms (↑↓ move, Enter details)');
		expect(fold(ui, {type: 'focus/moved', delta: 1}, {type: 'focus/moved', delta: 1}, {type: 'focus/moved', delta: 1}).focus).toBe('instances');
		expect(uiReducer(initialUiState(), {type: 'focus/moved', delta: -1}).focus).toBe('activity');
	});

	test('the selection stays on the same instance when the table re-sorts', () => {
		let ui: UiState = {...initialUiState(), selectedId: 'i-0004'};
		for (let i = 0; i < 6; i++) ui = uiReducer(ui, {type: 'sort/column-moved', delta: 1});
		expect(ui).toMatchObject({sortColumn: 'cpu', isSortDescending: true, selectedId: 'i-0004', flash: 'sort by CPU%'});
		const sorted = toInstanceTableVm(sampleInstances(5), sampleZones, {...ui, nowSeconds: 0}).ids;
		expect(effectiveSelection(ui.selectedId, sorted)).toBe('i-0004');
		// Moving down goes to the next row of the new order, not of the old one.
		const next = uiReducer(ui, {type: 'selection/moved', delta: 1, list: {ids: sorted, viewportRows: 10}});
		expect(next.selectedId).toBe(sorted[sorted.indexOf('i-0004') + 1]);
	});

	test('sorting wraps around the columns; r reverses', () => {
		let ui = uiReducer(initialUiState(), {type: 'sort/column-moved', delta: -1});
		expect(ui).toMatchObject({sortColumn: 'uptime', isSortDescending: true});
		ui = uiReducer(ui, {type: 'sort/reversed'});
		expect(ui).toMatchObject({isSortDescending: false, flash: 'sort by UP ascending'});
	});

	test('a vanished selection falls back to the first row', () => {
		expect(effectiveSelection('i-0099', ids)).toBe('i-0001');
		expect(effectiveSelection(undefined, [])).toBeUndefined();
	});

	test('scrolling moves as little as possible to show a row', () => {
		expect(scrollToShow(0, 7, 5, 40)).toBe(3);
		expect(scrollToShow(3, 5, 5, 40)).toBe(3);
		expect(scrollToShow(3, 1, 5, 40)).toBe(1);
		expect(scrollToShow(30, 39, 5, 40)).toBe(35);
		expect(scrollToShow(10, 2, 5, 4)).toBe(0);
	});

	test('the filter: typed, erased (a whole character), kept, cleared — each says what it did', () => {
		let ui = fold(initialUiState(), {type: 'filter/started'}, {type: 'filter/typed', text: '1'}, {type: 'filter/typed', text: '中'}, {type: 'filter/erased'}, {type: 'filter/typed', text: 'a'});
		expect(ui).toMatchObject({filter: '1a', isFilterEditing: true});
		ui = uiReducer(ui, {type: 'filter/finished'});
		expect(ui).toMatchObject({filter: '1a', isFilterEditing: false, flash: 'filter "1a" (Esc clears)'});
		expect(uiReducer(ui, {type: 'filter/cleared'})).toMatchObject({filter: '', flash: 'filter cleared'});
	});

	test('terminated instances cycle: listed 5 min, hidden, all', () => {
		const once = uiReducer(initialUiState(), {type: 'terminated/cycled'});
		expect(once).toMatchObject({terminated: 'hidden', flash: 'terminated instances hidden'});
		expect(uiReducer(once, {type: 'terminated/cycled'}).terminated).toBe('all');
		expect(fold(once, {type: 'terminated/cycled'}, {type: 'terminated/cycled'}).terminated).toBe('recent');
	});

	test('the detail pane opens at its top, scrolls within its rows, and closes', () => {
		let ui = uiReducer(initialUiState(), {type: 'detail/opened', detail: {kind: 'alarm', id: 'HighCPU'}});
		ui = uiReducer(ui, {type: 'detail/scrolled', delta: 50, rows: 25, viewportRows: 8});
		expect(ui).toMatchObject({detail: {kind: 'alarm', id: 'HighCPU'}, detailScroll: 17});
		expect(uiReducer(ui, {type: 'detail/scrolled', delta: -99, rows: 25, viewportRows: 8}).detailScroll).toBe(0);
		expect(uiReducer(ui, {type: 'detail/closed'})).toMatchObject({detail: undefined, detailScroll: 0});
	});

	test('the log scrolls by event number, stays put as events arrive, and follows the newest again at the top', () => {
		let ui = uiReducer(initialUiState(), {type: 'log/scrolled', delta: 5, newest: 29, oldest: 0});
		expect(ui.logTop).toBe(24);
		ui = uiReducer(ui, {type: 'log/scrolled', delta: 100, newest: 35, oldest: 6});
		expect(ui.logTop).toBe(6);
		expect(uiReducer(ui, {type: 'log/scrolled', delta: -100, newest: 35, oldest: 6}).logTop).toBeUndefined();
		expect(uiReducer(ui, {type: 'log/followed'}).logTop).toBeUndefined();
	});

	test('pause toggles; a preset pause request pauses and says so', () => {
		const ui = uiReducer(initialUiState(), {type: 'pause/toggled'});
		expect(ui).toMatchObject({isPaused: true, flash: 'paused (space resumes, . steps one tick)'});
		expect(uiReducer(ui, {type: 'pause/toggled'})).toMatchObject({isPaused: false, flash: 'resumed'});
		expect(uiReducer(initialUiState(), {type: 'pause/requested'})).toMatchObject({isPaused: true, flash: 'paused by the preset (space resumes)'});
	});

	test('help opens at its top and scrolls within its rows', () => {
		const ui = fold(initialUiState(), {type: 'help/toggled'}, {type: 'help/scrolled', delta: 100, rows: 40, viewportRows: 10});
		expect(ui).toMatchObject({isHelpVisible: true, helpScroll: 30});
		expect(uiReducer(ui, {type: 'help/closed'})).toMatchObject({isHelpVisible: false, helpScroll: 0});
	});
});
