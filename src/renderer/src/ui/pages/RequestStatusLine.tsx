import { useState } from 'react';
import { formatDayDistance, plural } from '../components/format';
import { HumanDate } from '../components/HumanDate';
import { useStoreQuery } from '../store-client/use-store-query';

/** On a requested peer's page: how long ago it was asked and when the follow-up is due. */
export function RequestStatusLine({ asn }: { asn: number }): React.JSX.Element | null {
  const overview = useStoreQuery('requestOverview', {});
  const [now] = useState(() => Date.now());
  const peer = overview.data?.peers.find((p) => p.asn === asn);
  if (!peer) return null;
  return (
    <p className={peer.due ? 'note' : 'muted'}>
      {peer.lastRequestAt === null ? (
        'Requested (no date recorded)'
      ) : (
        <>
          Requested <HumanDate at={peer.lastRequestAt} label={formatDayDistance(peer.lastRequestAt, now)} />
          {peer.requestCount > 1 ? ` (${plural(peer.requestCount, 'request')})` : ''}
        </>
      )}
      ; follow-up due{' '}
      {peer.dueAt === null ? 'now' : <HumanDate at={peer.dueAt} label={formatDayDistance(peer.dueAt, now)} />}.
    </p>
  );
}
