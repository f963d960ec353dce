import type { MenuItemConstructorOptions } from 'electron';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../shared/ipc';
import { buildMenuTemplate, OPEN_WEBSITE_ITEM_ID } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, { developerTools = false } = {}) {
  const sent: MenuCommand[] = [];
  let websiteOpened = 0;
  const template = buildMenuTemplate({
    platform,
    appName: 'Peering Assistant',
    developerTools,
    actions: {
      command: (command) => sent.push(command),
      openWebsite: () => (websiteOpened += 1),
    },
  });
  return { items: flatten(template), template, sent, websiteOpened: () => websiteOpened };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  expect(item?.click).toBeTypeOf('function');
  (item!.click as () => void)();
}

const EXPECTED_ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  'sync-now': 'CmdOrCtrl+R',
  'cancel-sync': 'CmdOrCtrl+.',
  'import-dump': 'CmdOrCtrl+O',
  'export-contacts': 'CmdOrCtrl+E',
  settings: 'CmdOrCtrl+,',
  'navigate-sync': 'CmdOrCtrl+1',
  'navigate-networks': 'CmdOrCtrl+2',
  'navigate-compare': 'CmdOrCtrl+3',
  'navigate-peers': 'CmdOrCtrl+4',
  'navigate-search': 'CmdOrCtrl+5',
  'navigate-contacts': 'CmdOrCtrl+6',
  'navigate-requests': 'CmdOrCtrl+7',
  'navigate-sessions': 'CmdOrCtrl+8',
  'navigate-changes': 'CmdOrCtrl+9',
  'focus-search': 'CmdOrCtrl+F',
};

describe.each(['darwin', 'linux', 'win32'] as const)('the menu on %s', (platform) => {
  it.each(MENU_COMMANDS)('has exactly one item with id %s that sends that command', (command) => {
    const { items, sent } = build(platform);
    const matching = items.filter((item) => item.id === command);
    expect(matching).toHaveLength(1);
    click(matching[0]);
    expect(sent).toEqual([command]);
  });

  it('sets the accelerators', () => {
    const { items } = build(platform);
    for (const [command, accelerator] of Object.entries(EXPECTED_ACCELERATORS)) {
      expect(items.find((item) => item.id === command)?.accelerator, command).toBe(accelerator);
    }
  });

  it('leaves Statistics, the tenth screen, without a digit: Ctrl+0 is the zoom reset', () => {
    const { items } = build(platform);
    expect(items.find((item) => item.id === 'navigate-statistics')?.accelerator).toBeUndefined();
    expect(items.some((item) => item.accelerator === 'CmdOrCtrl+0')).toBe(false);
  });

  it('never binds one accelerator twice', () => {
    const accelerators = build(platform).items.flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has no reload role, since CmdOrCtrl+R syncs', () => {
    const roles = build(platform).items.map((item) => item.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
  });

  it('opens the PeeringDB website from the help menu', () => {
    const menu = build(platform);
    click(menu.items.find((item) => item.id === OPEN_WEBSITE_ITEM_ID));
    expect(menu.websiteOpened()).toBe(1);
    expect(menu.sent).toEqual([]);
  });

  it('offers no developer tools in an installed app', () => {
    const items = build(platform, { developerTools: false }).items;
    expect(items.map((item) => item.role?.toLowerCase())).not.toContain('toggledevtools');
    // The standard menus by role would bring them back (Electron's viewMenu holds toggleDevTools).
    expect(items.map((item) => item.role)).not.toContain('viewMenu');
    expect(items.filter((item) => /developer|devtools|inspect/i.test(String(item.label ?? '')))).toEqual([]);
  });

  it('offers the developer tools when run from the sources', () => {
    const roles = build(platform, { developerTools: true }).items.map((item) => item.role);
    expect(roles).toContain('toggleDevTools');
  });

  it('has the standard edit and window menus', () => {
    const roles = build(platform).template.map((item) => item.role);
    expect(roles).toContain('editMenu');
    expect(roles).toContain('windowMenu');
  });
});

it('puts the app menu first on macOS only', () => {
  expect(build('darwin').template[0]?.label).toBe('Peering Assistant');
  expect(build('darwin').template[0]?.submenu).toContainEqual({ role: 'quit' });
  expect(build('linux').template[0]?.label).toBe('File');
});

/** The README's "Keyboard shortcuts" table: keys and what they do, as a user reads them. */
function readmeShortcuts(): { keys: string; action: string }[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Keyboard shortcuts'));
  return [...section.matchAll(/^\| (Ctrl\+[^|]+?) \| ([^|]+?) \|$/gm)].map((match) => ({ keys: match[1]!, action: match[2]! }));
}

it("agrees with the README's table of shortcuts", () => {
  const items = build('linux').items;
  const rows = readmeShortcuts();
  const screens = rows.find((row) => row.keys.includes('…'));
  const numbered = items.filter((item) => /^CmdOrCtrl\+\d$/.test(String(item.accelerator)));
  expect(screens?.keys).toBe(`Ctrl+1 … Ctrl+${numbered.length}`);
  expect(screens?.action.split(', ')).toEqual(numbered.map((item) => item.label));
  const others = rows.filter((row) => row !== screens).map((row) => row.keys);
  const bound = items.filter((item) => item.accelerator && !numbered.includes(item)).map((item) => String(item.accelerator).replace('CmdOrCtrl+', 'Ctrl+'));
  expect(others.sort()).toEqual([...new Set(bound)].sort());
});
