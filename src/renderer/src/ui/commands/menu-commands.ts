import type { MenuCommand } from '../../../../shared/ipc';
import type { ViewId } from '../state/views';
import { cancelSync, flushCopy, importDump, importHistory, startSync, type ActionDeps } from './actions';

/** The command that opens each screen, as the menu and the shortcuts name it. */
export const SCREEN_COMMANDS = {
  sync: 'navigate-sync',
  networks: 'navigate-networks',
  compare: 'navigate-compare',
  peers: 'navigate-peers',
  search: 'navigate-search',
  contacts: 'navigate-contacts',
  requests: 'navigate-requests',
  sessions: 'navigate-sessions',
  changes: 'navigate-changes',
  statistics: 'navigate-statistics',
  settings: 'settings',
} as const satisfies Record<ViewId, MenuCommand>;

type NavigationCommand = (typeof SCREEN_COMMANDS)[ViewId] | 'export-contacts';

/** Each command that moves to a screen: those above, and Export contacts, which opens Contacts. */
const NAVIGATION = {
  ...(Object.fromEntries(Object.entries(SCREEN_COMMANDS).map(([view, command]) => [command, view])) as Record<
    (typeof SCREEN_COMMANDS)[ViewId],
    ViewId
  >),
  'export-contacts': 'contacts',
} satisfies Record<NavigationCommand, ViewId>;

function isNavigation(command: MenuCommand): command is NavigationCommand {
  return Object.hasOwn(NAVIGATION, command);
}

/** Runs one command of the native menu (or of a shortcut that mirrors it). */
export async function runMenuCommand(command: MenuCommand, deps: ActionDeps): Promise<void> {
  if (isNavigation(command)) {
    deps.store.getState().navigate(NAVIGATION[command]);
    return;
  }
  switch (command) {
    case 'sync-now':
      return startSync(deps, 'menu');
    case 'cancel-sync':
      return cancelSync(deps);
    case 'import-dump':
      return importDump(deps);
    case 'import-history':
      return importHistory(deps);
    case 'flush':
      await flushCopy(deps);
      return;
    case 'focus-search': {
      const state = deps.store.getState();
      state.navigate('search');
      state.requestFocus('search');
      return;
    }
    default:
      // Every command either navigates (above) or is handled here; the compiler checks it.
      assertNever(command);
  }
}

function assertNever(command: never): never {
  throw new Error(`Unknown menu command: ${String(command)}`);
}
