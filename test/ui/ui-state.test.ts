import {describe, expect, test} from 'vitest';
import {currentSpeed, effectiveSelection, initialUiState, scrollToShow, steppedSpeed, uiReducer, type UiState} from '../../source/ui/ui-state.js';
import {formatSpeed} from '../../source/ui/view-models/format.js';
import {sampleInstances} from '../../source/ui/sample-views.js';
import {toInstanceRows} from '../../source/ui/view-models/to-instance-rows.js';

const ids = ['i-0001', 'i-0002', 'i-0003', 'i-0004', 'i-0005'];

describe('ui state', () => {
	test('starts running at 1×, sorted by id, nothing selected', () => {
		const ui = initialUiState();
		expect(currentSpeed(ui)).toBe(1);
		expect(ui).toMatchObject({isPaused: false, sortColumn: 'id', isSortDescending: false, selectedId: undefined, isHelpVisible: false});
	});

	test('the starting speed is --speed as given; [ and ] then move to the neighbouring steps', () => {
		let ui = initialUiState({speed: 3});
		expect(currentSpeed(ui)).toBe(3);
		expect(formatSpeed(currentSpeed(ui))).toBe('×3');
		expect(currentSpeed(uiReducer(ui, {type: 'speed/changed', delta: 1}))).toBe(5);
		ui = uiReducer(ui, {type: 'speed/changed', delta: -1});
		expect(currentSpeed(ui)).toBe(2);
		expect(steppedSpeed(0.3, -1)).toBe(0.25);
		expect(steppedSpeed(500, 1)).toBe(600);
		expect(steppedSpeed(5000, 1)).toBe(5000);
		expect(steppedSpeed(5000, -1)).toBe(1200);
		expect(formatSpeed(1 / 3)).toBe('×0.33');
		expect(formatSpeed(1234.5)).toBe('×1235');
	});

	test('speed steps from 0.25× to 1200× and stops at both ends', () => {
		let ui = initialUiState({speed: 0.25});
		ui = uiReducer(ui, {type: 'speed/changed', delta: -1});
		expect(currentSpeed(ui)).toBe(0.25);
		for (let i = 0; i < 20; i++) ui = uiReducer(ui, {type: 'speed/changed', delta: 1});
		expect(currentSpeed(ui)).toBe(1200);
	});

	test('selection moves by id and stops at the ends', () => {
		let ui = initialUiState();
		ui = uiReducer(ui, {type: 'selection/moved', delta: 1, ids, viewportRows: 3});
		expect(ui.selectedId).toBe('i-0002');
		ui = uiReducer(ui, {type: 'selection/moved', delta: -5, ids, viewportRows: 3});
		expect(ui.selectedId).toBe('i-0001');
		ui = uiReducer(ui, {type: 'selection/jumped', to: 'last', ids, viewportRows: 3});
		expect(ui).toMatchObject({selectedId: 'i-0005', scrollOffset: 2});
	});

	test('the selection stays on the same instance when the table re-sorts', () => {
		let ui: UiState = {...initialUiState(), selectedId: 'i-0004'};
		ui = uiReducer(ui, {type: 'sort/column-moved', delta: 1});
		ui = uiReducer(ui, {type: 'sort/column-moved', delta: 1});
		ui = uiReducer(ui, {type: 'sort/column-moved', delta: 1});
		ui = uiReducer(ui, {type: 'sort/column-moved', delta: 1});
		ui = uiReducer(ui, {type: 'sort/column-moved', delta: 1});
		expect(ui).toMatchObject({sortColumn: 'cpu', isSortDescending: true, selectedId: 'i-0004'});
		const sorted = toInstanceRows(sampleInstances(5), ui.sortColumn, ui.isSortDescending).map((r) => r.id);
		expect(effectiveSelection(ui, sorted)).toBe('i-0004');
		// Moving down goes to the next row of the new order, not of the old one.
		const next = uiReducer(ui, {type: 'selection/moved', delta: 1, ids: sorted, viewportRows: 10});
		expect(next.selectedId).toBe(sorted[sorted.indexOf('i-0004') + 1]);
	});

	test('sorting wraps around the columns; r reverses', () => {
		let ui = uiReducer(initialUiState(), {type: 'sort/column-moved', delta: -1});
		expect(ui).toMatchObject({sortColumn: 'uptime', isSortDescending: true});
		ui = uiReducer(ui, {type: 'sort/reversed'});
		expect(ui.isSortDescending).toBe(false);
	});

	test('a vanished selection falls back to the first row', () => {
		expect(effectiveSelection({...initialUiState(), selectedId: 'i-0099'}, ids)).toBe('i-0001');
		expect(effectiveSelection(initialUiState(), [])).toBeUndefined();
	});

	test('scrolling moves as little as possible to show a row', () => {
		expect(scrollToShow(0, 7, 5, 40)).toBe(3);
		expect(scrollToShow(3, 5, 5, 40)).toBe(3);
		expect(scrollToShow(3, 1, 5, 40)).toBe(1);
		expect(scrollToShow(30, 39, 5, 40)).toBe(35);
		expect(scrollToShow(10, 2, 5, 4)).toBe(0);
	});

	test('pause toggles; a preset pause request pauses and says so', () => {
		const ui = uiReducer(initialUiState(), {type: 'pause/toggled'});
		expect(ui.isPaused).toBe(true);
		expect(uiReducer(ui, {type: 'pause/toggled'}).isPaused).toBe(false);
		expect(uiReducer(initialUiState(), {type: 'pause/requested'})).toMatchObject({isPaused: true, flash: 'paused by the preset (space resumes)'});
	});
});
