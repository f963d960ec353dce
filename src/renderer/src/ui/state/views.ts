/** The screens of the app, in navigation order. */
export const VIEWS = ['sync', 'networks', 'compare', 'peers', 'search', 'contacts', 'changes', 'statistics', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewId, string> = {
  sync: 'Sync',
  networks: 'My networks',
  compare: 'Compare',
  peers: 'Peers',
  search: 'Search',
  contacts: 'Contacts',
  changes: 'Changes',
  statistics: 'Statistics',
  settings: 'Settings',
};

