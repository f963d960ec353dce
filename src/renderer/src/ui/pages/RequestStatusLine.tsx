import { useState } from 'react';
import { daysBetween } from '../../../../shared/follow-ups';
import { useStoreQuery } from '../store-client/use-store-query';

function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-CA');
}

/** On a requested peer's page: how long ago it was asked and when the follow-up is due. */
export function RequestStatusLine({ asn }: { asn: number }): React.JSX.Element | null {
  const overview = useStoreQuery('requestOverview', {});
  const [now] = useState(() => Date.now());
  const peer = overview.data?.peers.find((p) => p.asn === asn);
  if (!peer) return null;
  const asked =
    peer.lastRequestAt === null
      ? 'Requested (no date recorded)'
      : `Requested ${formatDate(peer.lastRequestAt)} (${Math.max(0, daysBetween(peer.lastRequestAt, now))} days ago${
          peer.requestCount > 1 ? `, ${peer.requestCount} requests` : ''
        })`;
  const due =
    peer.dueAt === null
      ? 'follow-up due now'
      : peer.due
        ? `follow-up due since ${formatDate(peer.dueAt)}`
        : `follow-up due ${formatDate(peer.dueAt)}`;
  return (
    <p className={peer.due ? 'note' : 'muted'}>
      {asked}; {due}.
    </p>
  );
}
