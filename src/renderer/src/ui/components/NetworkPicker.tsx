/**
 * Picks a network by ASN ("AS13335", "13335") or by name, with suggestions as you type.
 * Used to add my networks and to choose the networks to compare. It adds only what the user
 * picks: a whole ASN typed, or a suggestion chosen with the arrows or the mouse; Enter on a
 * half-typed name says how to choose instead of taking the first suggestion.
 */
import { useId, useState } from 'react';
import { parseAsn } from '../../../../shared/asn';
import { hitText } from './search-hit-text';
import { useListKeys } from './use-list-keys';
import { useStoreQuery } from '../store-client/use-store-query';

const MAX_SUGGESTIONS = 10;

export function NetworkPicker({
  label,
  onPick,
  exclude = [],
}: {
  label: string;
  onPick: (asn: number) => void;
  exclude?: readonly number[];
}): React.JSX.Element {
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const listId = useId();
  const hintId = useId();
  const query = text.trim();
  // IXPs and facilities share the ranking; ask for more so enough networks remain.
  const { data } = useStoreQuery('searchEverything', query ? { query, limit: 40 } : null);
  const suggestions = query
    ? (data?.hits ?? [])
        .filter((hit) => hit.kind === 'net' && hit.asn !== undefined && !exclude.includes(hit.asn))
        .slice(0, MAX_SUGGESTIONS)
    : [];
  const typedAsn = parseAsn(query);

  const keys = useListKeys(suggestions.length, (index) => pick(suggestions[index]!.asn!), { startUnchosen: true });

  function pick(asn: number) {
    onPick(asn);
    setText('');
    setHint(null);
    keys.reset();
  }

  return (
    <div className="picker">
      <label>
        {label}
        <input
          type="text"
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={keys.active >= 0 ? `${listId}-${keys.active}` : undefined}
          aria-describedby={hint ? hintId : undefined}
          placeholder="AS number or name"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setHint(null);
            keys.reset();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setText('');
              keys.reset();
              return;
            }
            if (event.key !== 'Enter') {
              keys.onKeyDown(event);
              return;
            }
            if (keys.active >= 0) {
              keys.onKeyDown(event);
              return;
            }
            event.preventDefault();
            // An ASN typed in full is taken as is, even before the suggestions arrive.
            if (typedAsn !== null) pick(typedAsn);
            else if (query) setHint(suggestions.length > 0 ? 'Choose a network: ↓ then Enter, or click it.' : 'No network by that name or ASN.');
          }}
        />
      </label>
      {hint && (
        <p id={hintId} className="picker-hint muted" role="status">
          {hint}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul className="suggestions" role="listbox" id={listId} aria-label={`${label}: suggestions`}>
          {suggestions.map((hit, index) => (
            <li
              key={hit.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === keys.active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(hit.asn!);
              }}
              onMouseMove={() => keys.active !== index && keys.setActive(index)}
            >
              {hitText(hit).title} <span className="muted">{hitText(hit).subtitle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
