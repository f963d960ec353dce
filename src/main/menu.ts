/**
 * The native menu. Items only tell the renderer which command was chosen ('menu:command');
 * the renderer acts through the same contract as its own buttons, so both paths behave alike.
 * The template is built by a pure function so it can be tested without Electron.
 */
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';
import { screenShortcutDigit } from '../shared/screen-shortcuts';

export const PEERINGDB_WEBSITE = 'https://www.peeringdb.com/';
export const OPEN_WEBSITE_ITEM_ID = 'open-peeringdb-website';

export interface MenuActions {
  /** Sends the command to the renderer of `window` (or of the app's window when none). */
  command(command: MenuCommand, window: BrowserWindow | undefined): void;
  openWebsite(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Whether the View menu offers the developer tools: never in an installed app. */
  developerTools: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate({ platform, appName, developerTools, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const item = (command: MenuCommand, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: (_item, window) => actions.command(command, window as BrowserWindow | undefined),
  });
  const settingsItem = item('settings', 'Settings…', 'CmdOrCtrl+,');

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settingsItem,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('sync-now', 'Sync now', 'CmdOrCtrl+R'),
      item('cancel-sync', 'Cancel sync', 'CmdOrCtrl+.'),
      { type: 'separator' },
      item('import-dump', 'Import dump file…', 'CmdOrCtrl+O'),
      item('import-history', 'Import dumps for history…'),
      item('export-contacts', 'Export contacts…', 'CmdOrCtrl+E'),
      { type: 'separator' },
      item('flush', 'Flush local copy…'),
      ...(isMac ? [] : [{ type: 'separator' } as const, settingsItem, { type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const screen = (command: MenuCommand, label: string): MenuItemConstructorOptions => {
    const digit = screenShortcutDigit(command);
    return item(command, label, digit ? `CmdOrCtrl+${digit}` : undefined);
  };
  // In the navigation's order, so each digit is the screen's place in the list.
  const goMenu: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: [
      screen('navigate-sync', 'Sync'),
      screen('navigate-networks', 'My networks'),
      screen('navigate-compare', 'Compare'),
      screen('navigate-peers', 'Peers'),
      screen('navigate-search', 'Search'),
      screen('navigate-contacts', 'Contacts'),
      screen('navigate-requests', 'Requests'),
      screen('navigate-sessions', 'Sessions'),
      screen('navigate-changes', 'Changes'),
      screen('navigate-statistics', 'Statistics'),
      { type: 'separator' },
      item('focus-search', 'Find', 'CmdOrCtrl+F'),
    ],
  };

  // No reload role: CmdOrCtrl+R is "Sync now", and reloading would drop the store worker mid-sync.
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(developerTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ id: OPEN_WEBSITE_ITEM_ID, label: 'Open PeeringDB website', click: () => actions.openWebsite() }],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    { role: 'editMenu' },
    viewMenu,
    goMenu,
    { role: 'windowMenu' },
    helpMenu,
  ];
}
