import { describe, expect, it } from 'vitest';
import { renderTemplate } from './jinja';

function errorOf(source: string, variables: Record<string, unknown> = {}) {
  const result = renderTemplate(source, variables);
  if (result.ok) throw new Error(`rendered: ${result.text}`);
  return result.error;
}

describe('renderTemplate', () => {
  it('renders Jinja2 loops, conditions and filters, with Jinja2’s default whitespace control', () => {
    const result = renderTemplate('Peers:\n{%- for p in peers %}\n  - {{ p.name | upper }}{{ " (v6)" if p.v6 else "" }}\n{%- endfor %}\nend\n', {
      peers: [{ name: 'alpha', v6: true }, { name: 'beta', v6: false }],
    });
    expect(result).toEqual({ ok: true, text: 'Peers:\n  - ALPHA (v6)\n  - BETA\nend' });
    // Without `-`, a tag's line break stays, as in Jinja2 (and so in Peering Manager's templates).
    expect(renderTemplate('a\n{% if x %}\nb\n{% endif %}\nc', { x: true })).toEqual({ ok: true, text: 'a\n\nb\n\nc' });
  });

  it('inserts values as data: a value holding template syntax is not expanded', () => {
    expect(renderTemplate('{{ name }}', { name: '{{ secret }}{% raw %}' })).toEqual({ ok: true, text: '{{ secret }}{% raw %}' });
  });

  it('gives the line and message of a syntax error', () => {
    expect(errorOf('line one\n{% for x in xs %}\n{{ x }\n{% endfor %}')).toEqual({
      line: 3,
      message: expect.stringMatching(/closing expression/i),
    });
  });

  it('gives the line of an unclosed block', () => {
    expect(errorOf('a\nb\n{% if x %}\nc')).toEqual({ line: 4, message: expect.stringMatching(/endif/) });
  });

  it('gives the line of a lexing error', () => {
    expect(errorOf('a\nb\n{{ "unterminated }}\nd')).toMatchObject({ line: 3 });
  });

  it('gives the line of an error that only shows while rendering, inside loops and elif branches', () => {
    const source = ['first', '{% for i in xs %}', '{{ i }}', '{% endfor %}', '{% if a %}', 'x', '{% elif b %}', '{{ y | no_such_filter }}', '{% endif %}'].join('\n');
    expect(errorOf(source, { xs: [1], b: true })).toEqual({ line: 8, message: expect.stringContaining("'no_such_filter'") });
    expect(errorOf('ok\n\nbad {{ 1 | nope }}')).toEqual({ line: 3, message: expect.stringContaining("'nope'") });
  });

  it('counts lines as the user wrote them, with Windows line ends', () => {
    expect(errorOf('a\r\n{% if x %}\r\nb\r\n{{ 1 | nope }}\r\n{% endif %}', { x: true }).line).toBe(4);
  });

  it('calls the filters it is given, with positional and keyword arguments', () => {
    const filters = { wrap: (value: unknown, args: unknown[], kwargs: Record<string, unknown>) => `${String(args[0])}${String(value)}${String(kwargs.end ?? '')}` };
    expect(renderTemplate('{{ x | wrap("<", end=">") }}', { x: 'a' }, filters)).toEqual({ ok: true, text: '<a>' });
  });
});
