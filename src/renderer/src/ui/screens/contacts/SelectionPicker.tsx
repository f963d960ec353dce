import { useId } from 'react';
import type { ContactSelection, ContactSources } from '../../../protocol/contacts';

export type PickerMode = 'handed' | 'asns' | 'mine' | 'ix' | 'shared';

export interface PickerState {
  mode: PickerMode;
  asnText: string;
  ixA: number | null;
  ixB: number | null;
}

/** ASNs as people type them: "64500, AS64501 as64502". */
export function parseAsnList(text: string): { asns: number[]; invalid: string[] } {
  const asns: number[] = [];
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter((t) => t.length > 0)) {
    const digits = token.replace(/^as/i, '');
    const asn = /^\d{1,10}$/.test(digits) ? Number(digits) : NaN;
    if (Number.isInteger(asn) && asn >= 1 && asn <= 4_294_967_295) asns.push(asn);
    else invalid.push(token);
  }
  return { asns: [...new Set(asns)], invalid };
}

/** The selection the picker describes, or why there is none yet. */
export function selectionOf(
  state: PickerState,
  handed: ContactSelection | null,
  sources: ContactSources | null,
): { selection: ContactSelection } | { problem: string } {
  switch (state.mode) {
    case 'handed':
      return handed ? { selection: handed } : { problem: 'Choose what to list.' };
    case 'asns': {
      const { asns, invalid } = parseAsnList(state.asnText);
      if (invalid.length > 0) return { problem: `Not an ASN: ${invalid.slice(0, 3).join(', ')}` };
      if (asns.length === 0) return { problem: 'Enter one or more ASNs.' };
      return { selection: { kind: 'networks', asns } };
    }
    case 'mine': {
      const asns = sources?.myNetworks.map((n) => n.asn) ?? [];
      if (asns.length === 0) return { problem: 'You have not added your networks yet (My networks screen).' };
      return { selection: { kind: 'networks', asns, label: 'My networks' } };
    }
    case 'ix':
      return state.ixA === null ? { problem: 'Choose an IXP.' } : { selection: { kind: 'ix-members', ixId: state.ixA } };
    case 'shared':
      if (state.ixA === null || state.ixB === null) return { problem: 'Choose two IXPs.' };
      if (state.ixA === state.ixB) return { problem: 'Choose two different IXPs.' };
      return { selection: { kind: 'shared-members', ixIds: [state.ixA, state.ixB] } };
  }
}

function IxSelect({
  label,
  value,
  sources,
  onChange,
}: {
  label: string;
  value: number | null;
  sources: ContactSources | null;
  onChange: (id: number | null) => void;
}): React.JSX.Element {
  const id = useId();
  return (
    <div className="field-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
        <option value="">Choose an IXP…</option>
        {sources?.ixps.map((ix) => (
          <option key={ix.id} value={ix.id}>
            {ix.name} ({[ix.city, ix.country].filter(Boolean).join(', ')}; {ix.memberCount} networks)
          </option>
        ))}
      </select>
    </div>
  );
}

export function SelectionPicker({
  state,
  onChange,
  handedLabel,
  sources,
}: {
  state: PickerState;
  onChange: (state: PickerState) => void;
  handedLabel: string | null;
  sources: ContactSources | null;
}): React.JSX.Element {
  const asnId = useId();
  const modes: [PickerMode, string][] = [
    ...(handedLabel ? [['handed', `From the last screen: ${handedLabel}`] as [PickerMode, string]] : []),
    ['asns', 'Networks by ASN'],
    ['mine', 'My networks'],
    ['ix', 'Members of an IXP'],
    ['shared', 'Members shared by two IXPs'],
  ];
  return (
    <div className="selection-picker">
      <fieldset>
        <legend>List contacts of</legend>
        {modes.map(([mode, text]) => (
          <label key={mode}>
            <input
              type="radio"
              name="contact-selection"
              value={mode}
              checked={state.mode === mode}
              onChange={() => onChange({ ...state, mode })}
            />
            {text}
          </label>
        ))}
      </fieldset>
      {state.mode === 'asns' && (
        <div className="field-row">
          <label htmlFor={asnId}>ASNs</label>
          <input
            id={asnId}
            type="text"
            inputMode="numeric"
            spellCheck={false}
            placeholder="e.g. 64500, AS64501"
            value={state.asnText}
            onChange={(e) => onChange({ ...state, asnText: e.currentTarget.value })}
          />
        </div>
      )}
      {(state.mode === 'ix' || state.mode === 'shared') && (
        <IxSelect
          label={state.mode === 'ix' ? 'IXP' : 'First IXP'}
          value={state.ixA}
          sources={sources}
          onChange={(ixA) => onChange({ ...state, ixA })}
        />
      )}
      {state.mode === 'shared' && (
        <IxSelect label="Second IXP" value={state.ixB} sources={sources} onChange={(ixB) => onChange({ ...state, ixB })} />
      )}
    </div>
  );
}
