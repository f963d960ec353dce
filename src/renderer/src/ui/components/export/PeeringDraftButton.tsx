import { useAppState } from '../../state/app-state';

/** Opens a peering request draft to this network on the Contacts screen. */
export function PeeringDraftButton({
  peerAsn,
  myAsn,
  label = 'Draft peering request…',
}: {
  peerAsn: number;
  myAsn?: number;
  label?: string;
}): React.JSX.Element {
  return (
    <button type="button" onClick={() => useAppState.getState().openPeeringDraft(peerAsn, myAsn)}>
      {label}
    </button>
  );
}
