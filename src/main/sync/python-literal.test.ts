import { describe, expect, it } from 'vitest';
import { parsePythonLiteral, PythonLiteralError } from './python-literal';

describe('parsePythonLiteral', () => {
  it('reads what repr() prints for parsed JSON', () => {
    const text = `{'org': {'data': [{'id': 1, 'name': 'Org One', 'latitude': None, 'ok': True, 'bad': False, 'lat': -33.5, 'big': 1e3}], 'meta': {}}}`;
    expect(parsePythonLiteral(text)).toEqual({
      org: { data: [{ id: 1, name: 'Org One', latitude: null, ok: true, bad: false, lat: -33.5, big: 1000 }], meta: {} },
    });
  });

  it('reads both quote styles, as repr picks double quotes for text with an apostrophe', () => {
    expect(parsePythonLiteral(`["O'Brien", 'say "hi"', 'it\\'s']`)).toEqual(["O'Brien", 'say "hi"', "it's"]);
  });

  it('decodes escapes', () => {
    expect(parsePythonLiteral(String.raw`'a\nb\tc\\d\x41\u00e9\U0001F600\0'`)).toBe('a\nb\tc\\dAé😀\0');
  });

  it('keeps unknown escapes and non-ASCII text as Python does', () => {
    expect(parsePythonLiteral(String.raw`'C:\path'`)).toBe('C:\\path');
    expect(parsePythonLiteral(`'Zürich – 東京'`)).toBe('Zürich – 東京');
  });

  it('reads u and r prefixes, tuples and trailing commas', () => {
    expect(parsePythonLiteral(String.raw`(u'x', r'\d', [1, 2,], {'k': 1,},)`)).toEqual(['x', '\\d', [1, 2], { k: 1 }]);
  });

  it('keeps hostile strings as plain text', () => {
    const value = parsePythonLiteral(`{'name': '<script>alert(1)</script>', 'notes': '=HYPERLINK("x")', '__proto__': 'p'}`) as Record<string, unknown>;
    expect(value.name).toBe('<script>alert(1)</script>');
    expect(value.notes).toBe('=HYPERLINK("x")');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toContain('__proto__');
  });

  it('refuses anything that is not a literal', () => {
    expect(() => parsePythonLiteral(`{'a': datetime.datetime(2020, 1, 1)}`)).toThrow(/"datetime" is not a plain value/);
    expect(() => parsePythonLiteral(`__import__('os').system('x')`)).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral(`{'a': inf}`)).toThrow(PythonLiteralError);
  });

  it('says where a cut-off text ends', () => {
    expect(() => parsePythonLiteral(`{'org': {'data': [{'id': 1, 'name': 'Or`)).toThrow(/not closed at line 1/);
    expect(() => parsePythonLiteral(`{'org': {'data': [{'id': 1}`)).toThrow(/is the file complete/);
  });

  it('refuses text after the value', () => {
    expect(() => parsePythonLiteral(`{} {}`)).toThrow(/after the end/);
  });
});
