import { expect, test } from 'vitest';
import { clearedHref, explorerHref } from '../../components/events/explorer-url';

const current = {
  event: 'GetObject',
  page: '3',
  sort: 'principal',
  cols: 'time,event',
  ev: '111122223333:e1',
};

test('a filter change goes back to page 1 and keeps the rest', () => {
  expect(explorerHref(current, { region: 'eu-west-1' })).toBe(
    '/events?event=GetObject&sort=principal&cols=time%2Cevent&ev=111122223333%3Ae1&region=eu-west-1',
  );
});

test('paging, the drawer and the columns keep the page; null removes a parameter', () => {
  expect(explorerHref(current, { ev: null })).toBe(
    '/events?event=GetObject&page=3&sort=principal&cols=time%2Cevent',
  );
  expect(explorerHref(current, { page: 4 })).toContain('page=4');
  expect(explorerHref(current, { cols: null })).toContain('page=3');
});

test('clearing keeps only how the table is shown', () => {
  expect(clearedHref(current)).toBe('/events?sort=principal&cols=time%2Cevent');
});
