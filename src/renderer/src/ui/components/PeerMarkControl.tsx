/**
 * Marking a network (requested, peered, rejected, hidden until a date, a note), from a row's
 * menu or a network's page. Every change says what it did in a toast with Undo, which puts the
 * previous mark back, dates and note included.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import type { PeerStateKind } from '../../../../shared/user-data';
import { localIsoDate } from '../../../../shared/peer-marks';
import type { PeerMarkArgs } from '../../protocol/operations';
import { ipcErrorMessage } from '../bridge/window-api';
import { useAppState } from '../state/app-state';
import { setPeerMark } from '../store-client/user-tables';
import { PEER_STATE_LABELS } from './format';

const STATES: PeerStateKind[] = ['requested', 'peered', 'rejected', 'hidden'];
const HIDE_DAYS = 90;

function inDays(days: number): string {
  return localIsoDate(new Date(Date.now() + days * 86_400_000));
}

function describeMark(name: string, mark: PeerMarkArgs, noteOnly: boolean): string {
  if (noteOnly) return `Note saved for ${name}.`;
  switch (mark.state) {
    case null:
      return `Mark removed from ${name}.`;
    case 'hidden':
      return `${name} is hidden until ${mark.hiddenUntil ?? 'later'}.`;
    default:
      return `${name} marked as ${PEER_STATE_LABELS[mark.state].toLowerCase()}.`;
  }
}

/** Writes a mark and offers to undo it; a failure is said in the same place. */
export async function markPeer(name: string, mark: PeerMarkArgs, noteOnly = false): Promise<void> {
  const { showNotice } = useAppState.getState();
  try {
    const undo = await setPeerMark(mark);
    showNotice('success', describeMark(name, mark, noteOnly), {
      label: 'Undo',
      run: async () => {
        try {
          await undo();
          showNotice('info', `${name}: mark restored.`);
        } catch (error) {
          showNotice('error', `The mark of ${name} could not be restored: ${ipcErrorMessage(error)}`);
        }
      },
    });
  } catch (error) {
    showNotice('error', `${name} could not be marked: ${ipcErrorMessage(error)}`);
  }
}

function markFor(asn: number, state: PeerStateKind | null, note: string, hiddenUntil?: string): PeerMarkArgs {
  return {
    asn,
    state,
    note,
    hiddenUntil: state === 'hidden' ? (hiddenUntil ?? inDays(HIDE_DAYS)) : null,
    requestedAt: state === 'requested' ? localIsoDate() : null,
  };
}

/**
 * A row's Mark button and menu. Space on the row opens it (the table passes `open`), so a
 * keyboard user marks without leaving the list.
 */
export function PeerMarkMenu({
  asn,
  name,
  state,
  note,
  open,
  onOpenChange,
}: {
  asn: number;
  name: string;
  state: PeerStateKind | null;
  note: string;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}): React.JSX.Element {
  return (
    // Not modal: a modal menu locks scrolling with an injected style element the CSP refuses.
    <DropdownMenu.Root modal={false} open={open} onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="mark-button" aria-label={`Mark ${name}`} data-row-action>
          {state ? PEER_STATE_LABELS[state] : 'Mark'}
          <span aria-hidden="true"> ▾</span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8} aria-label={`Mark ${name}`}>
          <DropdownMenu.RadioGroup
            value={state ?? ''}
            onValueChange={(next) => void markPeer(name, markFor(asn, (next || null) as PeerStateKind | null, note))}
          >
            {STATES.map((kind) => (
              <DropdownMenu.RadioItem key={kind} value={kind} className="menu-item">
                {kind === 'hidden' ? `Hide for ${HIDE_DAYS} days` : PEER_STATE_LABELS[kind]}
                <DropdownMenu.ItemIndicator aria-hidden="true">✓</DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item
            className="menu-item"
            disabled={state === null}
            onSelect={() => void markPeer(name, markFor(asn, null, note))}
          >
            Remove mark
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** The full editor on a network's page: state, hidden-until date and note. */
export function PeerMarkEditor({
  asn,
  name,
  state,
  note,
  hiddenUntil,
}: {
  asn: number;
  name: string;
  state: PeerStateKind | null;
  note: string;
  hiddenUntil: string | null;
}): React.JSX.Element {
  const [draftNote, setDraftNote] = useState(note);
  const [until, setUntil] = useState(hiddenUntil ?? inDays(HIDE_DAYS));

  return (
    <div className="peer-mark">
      <label>
        Mark{' '}
        <select
          aria-label={`Mark ${name}`}
          value={state ?? ''}
          onChange={(event) => void markPeer(name, markFor(asn, (event.target.value || null) as PeerStateKind | null, note, until))}
        >
          <option value="">Not marked</option>
          {STATES.map((kind) => (
            <option key={kind} value={kind}>
              {PEER_STATE_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      {state === 'hidden' && (
        <label>
          until{' '}
          <input
            type="date"
            aria-label={`Hide ${name} until`}
            value={until}
            onChange={(event) => {
              setUntil(event.target.value);
              if (event.target.value) void markPeer(name, markFor(asn, 'hidden', note, event.target.value));
            }}
          />
        </label>
      )}
      <input
        type="text"
        aria-label={`Note on ${name}`}
        placeholder="Note"
        value={draftNote}
        maxLength={10_000}
        onChange={(event) => setDraftNote(event.target.value)}
      />
      <button
        type="button"
        disabled={draftNote === note}
        onClick={() => void markPeer(name, { asn, state, note: draftNote }, true)}
      >
        Save note
      </button>
    </div>
  );
}
