/** Marks a network from any list or page: requested, peered, rejected, hidden until a date, a note. */
import { useState } from 'react';
import type { PeerStateKind } from '../../../../shared/user-data';
import { localIsoDate } from '../../../../shared/peer-marks';
import { PEER_STATE_LABELS } from './format';
import { setPeerMark } from '../store-client/user-tables';

const STATES: PeerStateKind[] = ['requested', 'peered', 'rejected', 'hidden'];

function inDays(days: number): string {
  return localIsoDate(new Date(Date.now() + days * 86_400_000));
}

export function PeerMarkControl({
  asn,
  name,
  state,
  note,
  hiddenUntil,
  withNote = false,
}: {
  asn: number;
  name: string;
  state: PeerStateKind | null;
  note: string;
  hiddenUntil?: string | null;
  withNote?: boolean;
}): React.JSX.Element {
  const [error, setError] = useState<string | null>(null);
  const [draftNote, setDraftNote] = useState(note);
  const [until, setUntil] = useState(hiddenUntil ?? inDays(90));

  function save(next: { state: PeerStateKind | null; note?: string; hiddenUntil?: string }) {
    setError(null);
    setPeerMark({
      asn,
      state: next.state,
      note: next.note ?? note,
      hiddenUntil: next.state === 'hidden' ? (next.hiddenUntil ?? until) : null,
    }).catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }

  return (
    <div className="peer-mark">
      <select
        aria-label={`Mark ${name}`}
        value={state ?? ''}
        onChange={(event) => save({ state: (event.target.value || null) as PeerStateKind | null })}
      >
        <option value="">Not marked</option>
        {STATES.map((kind) => (
          <option key={kind} value={kind}>
            {PEER_STATE_LABELS[kind]}
          </option>
        ))}
      </select>
      {state === 'hidden' && (
        <input
          type="date"
          aria-label={`Hide ${name} until`}
          value={until}
          onChange={(event) => {
            setUntil(event.target.value);
            if (event.target.value) save({ state: 'hidden', hiddenUntil: event.target.value });
          }}
        />
      )}
      {withNote && (
        <>
          <input
            type="text"
            aria-label={`Note on ${name}`}
            placeholder="Note"
            value={draftNote}
            maxLength={10_000}
            onChange={(event) => setDraftNote(event.target.value)}
          />
          <button type="button" disabled={draftNote === note} onClick={() => save({ state, note: draftNote })}>
            Save note
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
