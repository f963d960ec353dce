/**
 * Jinja2-compatible rendering for the user's templates (session configuration, request
 * e-mails), so templates written for Peering Manager carry over.
 *
 * The engine is @huggingface/jinja: an interpreter, so it runs under the renderer's CSP (no
 * eval, no `new Function`) and a template pasted from elsewhere runs with no access to the
 * app. Nunjucks, the other candidate, compiles templates to JavaScript: under the CSP that
 * fails, and in main it would turn a shared template into code running with Node's rights.
 *
 * Whitespace is Jinja2's default (no trim_blocks, no lstrip_blocks), as in Peering Manager,
 * whose templates mark the tags that drop a line with `{%-`; the engine's own Template class
 * would turn both on and change what such a template prints.
 *
 * The engine reports no positions, so this module finds them: lexing errors by the shortest
 * failing prefix, parse errors by the last token the parser read, and render errors by the
 * innermost statement being evaluated. The user always gets a line number with the message.
 */
import { Environment, Interpreter, parse, tokenize } from '@huggingface/jinja';

type Program = ReturnType<typeof parse>;
type Token = ReturnType<typeof tokenize>[number];

export interface TemplateError {
  /** 1-based line in the template as the user wrote it. */
  line: number;
  message: string;
}

export type RenderResult = { ok: true; text: string } | { ok: false; error: TemplateError };

/** A filter the templates may use besides Jinja's own: gets the operand and the arguments as plain values. */
export type TemplateFilter = (operand: unknown, args: unknown[], kwargs: Record<string, unknown>) => unknown;

/** Statement-level nodes that can be located; the engine's node classes are not exported. */
interface AstNode {
  type: string;
  body?: AstNode[];
  alternate?: AstNode[];
  defaultBlock?: AstNode[];
}

interface Marker {
  kind: 'text' | 'expression' | 'comment' | 'statement';
  /** For statements: the keyword after `{%` (for, if, elif, else, endfor…). */
  keyword: string;
  offset: number;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Where each token starts in the text (-1 where it cannot be found, e.g. an escaped string). */
function tokenOffsets(text: string, tokens: readonly Token[]): number[] {
  let cursor = 0;
  return tokens.map((token) => {
    const at = token.value.length > 0 ? text.indexOf(token.value, cursor) : -1;
    if (at < 0) return -1;
    cursor = at + token.value.length;
    return at;
  });
}

function markersOf(tokens: readonly Token[], offsets: readonly number[]): Marker[] {
  const markers: Marker[] = [];
  tokens.forEach((token, i) => {
    const offset = offsets[i] ?? -1;
    if (token.type === 'Text') markers.push({ kind: 'text', keyword: '', offset });
    else if (token.type === 'Comment') markers.push({ kind: 'comment', keyword: '', offset });
    else if (token.type === 'OpenExpression') markers.push({ kind: 'expression', keyword: '', offset });
    else if (token.type === 'OpenStatement') {
      const keyword = tokens[i + 1]?.type === 'Identifier' ? tokens[i + 1]!.value : '';
      markers.push({ kind: 'statement', keyword, offset });
    }
  });
  return markers;
}

const BLOCK_ENDS: Record<string, string> = {
  For: 'endfor',
  If: 'endif',
  Set: 'endset',
  Macro: 'endmacro',
  CallStatement: 'endcall',
  FilterStatement: 'endfilter',
};

/**
 * Pairs each statement of the tree with the tag or text it came from: the parser keeps
 * statements in source order, so a walk of the tree meets them in the order of the markers.
 */
function locateStatements(program: Program, markers: readonly Marker[]): WeakMap<object, number> {
  const offsets = new WeakMap<object, number>();
  let next = 0;
  const skip = (keyword: string) => {
    if (markers[next]?.kind === 'statement' && markers[next]?.keyword === keyword) next++;
  };
  const visitList = (nodes: readonly AstNode[] | undefined) => {
    for (const node of nodes ?? []) visit(node, false);
  };
  const visit = (node: AstNode, isElif: boolean) => {
    const marker = markers[next++];
    if (marker && marker.offset >= 0) offsets.set(node, marker.offset);
    visitList(node.body);
    if (node.type === 'If' && node.alternate?.length) {
      const following = markers[next];
      if (following?.kind === 'statement' && following.keyword === 'elif') visit(node.alternate[0]!, true);
      else {
        skip('else');
        visitList(node.alternate);
      }
    }
    if (node.type === 'For' && node.defaultBlock?.length) {
      skip('else');
      visitList(node.defaultBlock);
    }
    const end = BLOCK_ENDS[node.type];
    if (end && !isElif && (node.type !== 'Set' || node.body?.length)) skip(end);
  };
  visitList((program as unknown as AstNode).body);
  return offsets;
}

/** Lexing errors carry no position: the first line at which the same error appears is the one. */
function lexErrorLine(text: string, message: string): number {
  const lines = text.split('\n');
  for (let count = 1; count <= lines.length; count++) {
    try {
      tokenize(lines.slice(0, count).join('\n'));
    } catch (error) {
      if (error instanceof Error && error.message === message) {
        const offset = lines.slice(0, count - 1).join('\n').length;
        return lineAt(text, offset + (count > 1 ? 1 : 0));
      }
    }
  }
  return lineAt(text, text.length);
}

const VALUE_KINDS: Record<string, string> = {
  Numeric: 'a number',
  String: 'text',
  Array: 'a list',
  Object: 'a mapping',
  Boolean: 'true/false',
};

/** The engine's messages, in the words of the template's author where they name its internals. */
function messageOf(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^Parser Error: /, '');
  const unknownFilter = /^Unknown (\w+)Value filter: (\w+)$/.exec(text);
  if (unknownFilter) {
    return `The filter '${unknownFilter[2]}' does not exist or does not apply to ${VALUE_KINDS[unknownFilter[1]!] ?? 'this value'}`;
  }
  if (/^Cannot apply filter "(\w+)" to type: UndefinedValue$/.test(text)) {
    return `${text.replace(/^Cannot apply filter "(\w+)".*$/, "The filter '$1' was given an undefined value")}`;
  }
  if (/Cannot read properties of undefined/.test(text)) {
    return 'The template ends inside a block: an {% endif %}, {% endfor %} or similar is missing';
  }
  return text;
}

/** The engine's runtime values, read back into plain JavaScript for the filters. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const inner = (value as { value?: unknown }).value;
  if (inner instanceof Map) return Object.fromEntries([...inner].map(([k, v]) => [k, plain(v)]));
  if (Array.isArray(inner)) return inner.map(plain);
  return inner ?? null;
}

interface FilterNode {
  type: string;
  value?: string;
  callee?: { type: string; value: string };
  args?: { type: string; key?: { value: string }; value?: unknown }[];
}

type EngineInterpreter = {
  evaluate(node: unknown, environment: Environment): unknown;
  applyFilter(operand: unknown, filter: FilterNode, environment: Environment): unknown;
  run(program: Program): { value: string };
};

const BaseInterpreter = Interpreter as unknown as new (environment: Environment) => EngineInterpreter;

/** Remembers, per thrown error, the innermost located statement it came out of. */
const errorOrigins = new WeakMap<object, number>();

function createInterpreter(
  environment: Environment,
  statementOffsets: WeakMap<object, number>,
  filters: Readonly<Record<string, TemplateFilter>>,
): EngineInterpreter {
  const base = new BaseInterpreter(environment);
  const baseEvaluate = base.evaluate.bind(base);
  const baseApplyFilter = base.applyFilter.bind(base);
  const toRuntime = (value: unknown) => {
    const scratch = new Environment();
    scratch.set('value', value);
    return scratch.lookupVariable('value');
  };
  base.evaluate = (node, env) => {
    try {
      return baseEvaluate(node, env);
    } catch (error) {
      const offset = node && typeof node === 'object' ? statementOffsets.get(node) : undefined;
      if (offset !== undefined && error && typeof error === 'object' && !errorOrigins.has(error)) {
        errorOrigins.set(error, offset);
      }
      throw error;
    }
  };
  base.applyFilter = (operand, filter, env) => {
    const name = filter.type === 'Identifier' ? filter.value : filter.callee?.type === 'Identifier' ? filter.callee.value : undefined;
    const custom = name !== undefined && Object.hasOwn(filters, name) ? filters[name] : undefined;
    if (!custom) return baseApplyFilter(operand, filter, env);
    const args: unknown[] = [];
    const kwargs: Record<string, unknown> = {};
    for (const arg of filter.type === 'CallExpression' ? (filter.args ?? []) : []) {
      if (arg.type === 'KeywordArgumentExpression' && arg.key) kwargs[arg.key.value] = plain(base.evaluate(arg.value, env));
      else args.push(plain(base.evaluate(arg, env)));
    }
    return toRuntime(custom(plain(operand), args, kwargs) ?? null);
  };
  return base;
}

function range(start: number, stop?: number, step = 1): number[] {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  if (step === 0) throw new Error('range() step must not be zero');
  const values: number[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) values.push(i);
  return values;
}

export interface CompiledTemplate {
  render(variables: Record<string, unknown>): RenderResult;
}

/** Checks a template once; the result renders it for any set of variables. */
export function compileTemplate(
  source: string,
  filters: Readonly<Record<string, TemplateFilter>> = {},
): { ok: true; template: CompiledTemplate } | { ok: false; error: TemplateError } {
  const text = source.replace(/\r\n?/g, '\n');
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    const message = messageOf(error);
    return { ok: false, error: { line: lexErrorLine(text, message), message } };
  }
  const offsets = tokenOffsets(text, tokens);
  let furthest = 0;
  // The parser walks the token list by index: the furthest index it read is where it stopped.
  const watched = new Proxy(tokens, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) furthest = Math.max(furthest, Number(key));
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  let program: Program;
  try {
    program = parse(watched);
  } catch (error) {
    const last = Math.min(furthest, tokens.length - 1);
    const index = offsets.slice(0, last + 1).findLastIndex((offset) => offset >= 0);
    // A text token starts with the previous tag's line break: point at its first character instead.
    const lead = index >= 0 && tokens[index]!.type === 'Text' ? /^\s*/.exec(tokens[index]!.value)![0].length : 0;
    const at = index >= 0 ? offsets[index]! + lead : text.length;
    return { ok: false, error: { line: lineAt(text, at), message: messageOf(error) } };
  }
  const statementOffsets = locateStatements(program, markersOf(tokens, offsets));

  return {
    ok: true,
    template: {
      render(variables) {
        const environment = new Environment();
        const globals: Record<string, unknown> = {
          true: true,
          false: false,
          none: null,
          True: true,
          False: false,
          None: null,
          range,
          raise_exception: (message: unknown) => {
            throw new Error(String(message));
          },
        };
        for (const [name, value] of Object.entries({ ...globals, ...variables })) environment.set(name, value);
        try {
          const output = createInterpreter(environment, statementOffsets, filters).run(program);
          return { ok: true, text: output.value };
        } catch (error) {
          const offset = error && typeof error === 'object' ? errorOrigins.get(error) : undefined;
          return {
            ok: false,
            error: { line: lineAt(text, offset ?? 0), message: messageOf(error) },
          };
        }
      },
    },
  };
}

/** Compiles and renders in one go. */
export function renderTemplate(
  source: string,
  variables: Record<string, unknown>,
  filters: Readonly<Record<string, TemplateFilter>> = {},
): RenderResult {
  const compiled = compileTemplate(source, filters);
  return compiled.ok ? compiled.template.render(variables) : compiled;
}
