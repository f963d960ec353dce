/**
 * The layering of the tree, enforced as VS Code enforces its own: each folder runs in one
 * runtime, and what it may import follows from that. A local rule rather than a plugin, because
 * the rules are about this tree's folders, and resolving relative paths is all it needs.
 *
 * Only import and export statements are checked. The page starts its store worker from a URL
 * (`new URL('…/store.worker.ts', import.meta.url)`), which is how a worker is meant to be
 * started, not an import of the worker's code.
 */
import { dirname, relative, resolve, sep } from 'node:path';

const RENDERER = 'src/renderer/src';

/**
 * Who may import what, first match wins. `may` lists folders (relative to the repository)
 * whose files the layer may import; `packages` lists bare imports it must not use.
 */
const LAYERS = [
  {
    dir: `${RENDERER}/protocol`,
    may: ['src/shared', `${RENDERER}/protocol`],
    typesOnly: true,
    why: 'protocol/ holds the types the page and the store worker agree on, and nothing else',
  },
  {
    dir: `${RENDERER}/worker`,
    may: ['src/shared', `${RENDERER}/protocol`, `${RENDERER}/worker`],
    packages: [/^electron$/, /^node:/, /^react(-dom)?($|\/)/, /^zustand($|\/)/],
    why: 'the store worker imports only protocol/, src/shared and its own code',
  },
  {
    dir: `${RENDERER}/ui`,
    may: ['src/shared', `${RENDERER}/protocol`, `${RENDERER}/ui`],
    packages: [/^electron$/, /^node:/, /^dexie($|\/)/],
    why: 'the page imports only protocol/, src/shared and its own code; it reads data through the store worker',
  },
  {
    dir: 'src/preload',
    may: ['src/shared', 'src/preload'],
    packages: [/^node:/],
    why: 'the sandboxed preload imports only src/shared and its own code',
  },
  {
    dir: 'src/shared',
    may: ['src/shared'],
    packages: [/^electron$/, /^node:/, /^react/, /^dexie/, /^zustand/],
    why: 'src/shared is runtime-free: it imports nothing of the app but itself',
  },
  {
    dir: 'src/main',
    may: ['src/main', 'src/shared', 'resources'],
    why: 'main imports only src/shared and its own code',
  },
  {
    dir: 'tools',
    may: ['tools', 'src/shared'],
    why: 'the tools stand beside the app: they import only src/shared',
  },
];

/** Test files may also use the tools (fake PeeringDB, datasets) and, in main, the store worker it drives. */
const TEST_FILE = /\.test(-support)?\.tsx?$/;
const TEST_MAY = ['tools', `${RENDERER}/worker`, `${RENDERER}/protocol`];

const SCREENS = `${RENDERER}/ui/screens/`;

const toPosix = (path) => path.split(sep).join('/');
const inside = (path, dir) => path === dir || path.startsWith(`${dir}/`);

export const importLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its runtime and layer allow' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = toPosix(relative(root, context.filename));
    const layer = LAYERS.find((candidate) => inside(file, candidate.dir));
    if (!layer) return {};
    const isTest = TEST_FILE.test(file);
    const screen = file.startsWith(SCREENS) ? file.slice(SCREENS.length).split('/')[0] : null;

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('.')) {
        const banned = layer.packages?.find((pattern) => pattern.test(spec));
        if (banned) context.report({ node: source, message: `"${spec}" is not for ${layer.dir}: ${layer.why}.` });
        return;
      }
      const target = toPosix(relative(root, resolve(dirname(context.filename), spec)));
      if (inside(target, 'e2e')) {
        context.report({ node: source, message: `Nothing outside e2e/ imports the end-to-end suite ("${spec}").` });
        return;
      }
      if (!isTest && (/\.test(-support)?$/.test(target) || TEST_FILE.test(target))) {
        context.report({ node: source, message: `Shipped code never imports test support ("${spec}").` });
        return;
      }
      const allowed = layer.may.some((dir) => inside(target, dir)) || (isTest && TEST_MAY.some((dir) => inside(target, dir)));
      if (!allowed) {
        context.report({ node: source, message: `${file} may not import "${spec}": ${layer.why}.` });
        return;
      }
      if (screen && target.startsWith(SCREENS) && target.slice(SCREENS.length).split('/')[0] !== screen) {
        context.report({
          node: source,
          message: `A screen never imports another screen ("${spec}"): move what both need to ui/components or ui/state.`,
        });
      }
    }

    const visitors = {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
    if (layer.typesOnly) {
      const typeOnly = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration']);
      visitors.Program = (program) => {
        for (const statement of program.body) {
          const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
          if (statement.type === 'ImportDeclaration') {
            if (statement.importKind !== 'type') context.report({ node: statement, message: `${layer.why}: import types only (import type).` });
            continue;
          }
          if (statement.type === 'ExportNamedDeclaration' && !declaration && statement.exportKind === 'type') continue;
          if (declaration && typeOnly.has(declaration.type)) continue;
          context.report({ node: statement, message: `${layer.why}: no values here.` });
        }
      };
    }
    return visitors;
  },
};

export default { rules: { imports: importLayers } };
