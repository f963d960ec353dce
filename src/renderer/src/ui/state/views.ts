/** The screens of the app, in navigation order. */
export const VIEWS = [
  'sync',
  'networks',
  'compare',
  'peers',
  'search',
  'contacts',
  'requests',
  'sessions',
  'changes',
  'statistics',
  'settings',
] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewId, string> = {
  sync: 'Sync',
  networks: 'My networks',
  compare: 'Compare',
  peers: 'Peers',
  search: 'Search',
  contacts: 'Contacts',
  requests: 'Requests',
  sessions: 'Sessions',
  changes: 'Changes',
  statistics: 'Statistics',
  settings: 'Settings',
};

