import { describe, expect, test } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('csvCell', () => {
  test('cells a spreadsheet would read as a formula start with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
  });

  test('ordinary values pass unchanged; a formula character later in the text is harmless', () => {
    expect(csvCell('GetObject')).toBe('GetObject');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('user@example.com')).toBe('user@example.com');
    expect(csvCell(64500)).toBe('64500');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  test('commas, quotes, line breaks and edge spaces are quoted (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  test('objects are written as JSON, and neutralised like any other text', () => {
    expect(csvCell({ bucketName: 'x' })).toBe('"{""bucketName"":""x""}"');
    expect(csvCell(new Date('2026-10-01T12:00:00Z'))).toBe('2026-10-01T12:00:00.000Z');
  });
});

test('csvLine joins cells and ends the record with CRLF', () => {
  expect(csvLine(['a', '=1', null, 'x,y'])).toBe('a,\'=1,,"x,y"\r\n');
});
