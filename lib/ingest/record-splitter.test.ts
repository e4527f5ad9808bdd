import { expect, test } from 'vitest';
import { RecordSplitter, type SplitItem } from './record-splitter';

function split(input: string | Buffer, chunkSize = 7, maxRecordBytes = 1024) {
  const buffer = typeof input === 'string' ? Buffer.from(input) : input;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunkSize) chunks.push(buffer.subarray(i, i + chunkSize));
  const splitter = new RecordSplitter(maxRecordBytes);
  const items: SplitItem[] = [];
  const emit = (item: SplitItem) => items.push(item);
  let error: Error | null = null;
  try {
    for (const chunk of chunks) splitter.write(chunk, emit);
    splitter.end(emit);
  } catch (caught) {
    error = caught as Error;
  }
  const texts = items.map((item) =>
    item.type === 'oversized' ? `oversized:${item.size}` : item.bytes.toString(),
  );
  return { items, texts, error, splitter };
}

test('streams the elements of a Records envelope across chunk boundaries', () => {
  const input = '{"Records":[{"eventID":"a","x":"}\\"]"},{"eventID":"b","n":[1,{"y":2}]}]}';
  for (const size of [1, 3, 7, 64]) {
    const { texts, error, splitter } = split(input, size);
    expect(error).toBeNull();
    expect(texts).toEqual(['{"eventID":"a","x":"}\\"]"}', '{"eventID":"b","n":[1,{"y":2}]}']);
    expect(splitter.envelopeKind).toBe('Records');
  }
});

test('finds the envelope after other keys and in lookup-events output', () => {
  const { texts, splitter } = split('{"NextToken": "abc", "Events": [ {"EventId":"1"} , {"EventId":"2"} ]}');
  expect(texts).toEqual(['{"EventId":"1"}', '{"EventId":"2"}']);
  expect(splitter.envelopeKind).toBe('Events');
});

test('a key named Records inside a record does not start an envelope', () => {
  const { texts } = split('[{"eventID":"a","requestParameters":{"Records":[1,2]}}]');
  expect(texts).toEqual(['{"eventID":"a","requestParameters":{"Records":[1,2]}}']);
});

test('splits a top-level array, including scalar elements', () => {
  const { items, texts, splitter } = split('[ {"eventID":"a"}, 42, "str", {"eventID":"b"} ]');
  expect(texts).toEqual(['{"eventID":"a"}', '42', '"str"', '{"eventID":"b"}']);
  expect(items.every((item) => item.type === 'element')).toBe(true);
  expect(splitter.envelopeKind).toBe('array');
});

test('emits whole documents for JSON Lines and single objects', () => {
  const { items, texts } = split(
    '{"eventID":"a"}\n{"eventID":"b"}\r\n\n{"digestStartTime":"x","logFiles":[]}\n',
  );
  expect(texts).toEqual(['{"eventID":"a"}', '{"eventID":"b"}', '{"digestStartTime":"x","logFiles":[]}']);
  expect(items.map((item) => item.type)).toEqual(['document', 'document', 'document']);
});

test('an empty Records array is a valid empty trail', () => {
  const { items, error, splitter } = split('{"Records":[]}');
  expect(error).toBeNull();
  expect(items).toEqual([]);
  expect(splitter.envelopeKind).toBe('Records');
});

test('reports truncation but keeps the complete records before it', () => {
  const { texts, error } = split('{"Records":[{"eventID":"a"},{"eventID":"b","x":"unterminated');
  expect(texts).toEqual(['{"eventID":"a"}']);
  expect(error?.message).toMatch(/truncated JSON: the data ends inside a string/);
});

test('rejects content that is not JSON, and empty content', () => {
  expect(split('hello world').error?.message).toMatch(/not JSON: the content starts with "h"/);
  expect(split('').error?.message).toMatch(/empty/);
});

test('skips a UTF-8 byte order mark', () => {
  const { texts, error } = split(
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"eventID":"a"}]')]),
  );
  expect(error).toBeNull();
  expect(texts).toEqual(['{"eventID":"a"}']);
});

test('replaces an oversized record by its size without buffering it', () => {
  const big = `{"eventID":"big","pad":"${'x'.repeat(5000)}"}`;
  const { texts } = split(`{"Records":[{"eventID":"a"},${big},{"eventID":"c"}]}`, 100, 1024);
  expect(texts).toEqual(['{"eventID":"a"}', `oversized:${big.length}`, '{"eventID":"c"}']);
});
