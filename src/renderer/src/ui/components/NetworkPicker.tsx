/**
 * Picks a network by ASN ("AS13335", "13335") or by name, with suggestions as you type.
 * Used to add my networks and to choose the networks to compare.
 */
import { useId, useState } from 'react';
import { parseAsn } from '../../../../shared/asn';
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
  const listId = useId();
  const query = text.trim();
  // IXPs and facilities share the ranking; ask for more so enough networks remain.
  const { data } = useStoreQuery('searchEverything', query ? { query, limit: 40 } : null);
  const suggestions = query
    ? (data?.hits ?? [])
        .filter((hit) => hit.kind === 'net' && hit.asn !== undefined && !exclude.includes(hit.asn))
        .slice(0, MAX_SUGGESTIONS)
    : [];
  const typedAsn = parseAsn(query);

  function pick(asn: number) {
    onPick(asn);
    setText('');
  }

  const keys = useListKeys(suggestions.length, (index) => pick(suggestions[index]!.asn!));

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
          aria-activedescendant={suggestions.length ? `${listId}-${keys.active}` : undefined}
          placeholder="AS number or name"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // An ASN typed in full is taken as is, even before the suggestions arrive.
            if (event.key === 'Enter' && typedAsn !== null && !suggestions.some((hit) => hit.asn === typedAsn)) {
              event.preventDefault();
              pick(typedAsn);
              return;
            }
            keys.onKeyDown(event);
          }}
        />
      </label>
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
              onMouseEnter={() => keys.setActive(index)}
            >
              {hit.title} <span className="muted">{hit.subtitle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
