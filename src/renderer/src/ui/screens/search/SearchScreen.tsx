/**
 * Search: one box for networks, IXPs, facilities and organisations by name, ASN, IRR as-set,
 * IX peering IP and prefix. Results follow each keystroke; arrows move, Enter opens.
 */
import { useEffect, useId, useRef } from 'react';
import { FOCUS_SEARCH_EVENT } from '../../commands/focus';
import { openRecordPage } from '../../components/links';
import { NoCopyYet, useCopyState } from '../../components/NoCopyYet';
import { hitText } from '../../components/search-hit-text';
import { useListKeys } from '../../components/use-list-keys';
import { useStoreQuery } from '../../store-client/use-store-query';
import { useAppState } from '../../state/app-state';
import type { SearchHit, SearchKind } from '../../../protocol/discovery';

const KIND_LABELS: Record<SearchKind, string> = {
  net: 'Network',
  ix: 'IXP',
  fac: 'Facility',
  org: 'Organisation',
};

const MATCH_LABELS: Record<SearchHit['match'], string> = {
  asn: 'ASN',
  name: 'name',
  'other-name': 'also known as',
  irr: 'IRR as-set',
  ip: 'peering IP',
  prefix: 'IX prefix',
};

export function SearchScreen(): React.JSX.Element {
  const copy = useCopyState();
  const query = useAppState((s) => s.searchQuery);
  const setQuery = useAppState((s) => s.setSearchQuery);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const trimmed = query.trim();
  const { data, error, pending } = useStoreQuery(
    'searchEverything',
    trimmed && copy === 'ready' ? { query: trimmed, limit: 100 } : null,
  );
  const hits = trimmed && copy === 'ready' ? (data?.hits ?? []) : [];
  const open = (hit: SearchHit) => openRecordPage({ kind: hit.kind, id: hit.id });
  const keys = useListKeys(hits.length, (index) => open(hits[index]!));

  useEffect(() => {
    const claimFocus = (event: Event) => {
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener(FOCUS_SEARCH_EVENT, claimFocus);
    return () => window.removeEventListener(FOCUS_SEARCH_EVENT, claimFocus);
  }, []);

  useEffect(() => {
    document.getElementById(`${listId}-${keys.active}`)?.scrollIntoView({ block: 'nearest' });
  }, [keys.active, listId]);

  return (
    <section className="view" aria-labelledby="search-title">
      <div className="view-header">
        <h1 id="search-title">Search</h1>
      </div>
      <input
        ref={inputRef}
        type="search"
        className="search-box"
        role="combobox"
        aria-label="Search networks, IXPs, facilities and organisations"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={hits.length ? `${listId}-${keys.active}` : undefined}
        placeholder="Name, AS13335, AS-SET, 80.249.208.1, 2001:7f8::/64"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          keys.setActive(0);
        }}
        onKeyDown={keys.onKeyDown}
      />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <p className="muted" aria-live="polite" data-testid="search-count">
        {copy === 'ready' && trimmed && data ? `${data.total} found${data.total > hits.length ? `, best ${hits.length} shown` : ''}${pending ? '…' : ''}` : ''}
      </p>
      {hits.length > 0 && (
        <ul className="search-results" role="listbox" id={listId} aria-label="Search results">
          {hits.map((hit, index) => (
            <li
              key={hit.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === keys.active}
              onClick={() => open(hit)}
              onMouseEnter={() => keys.setActive(index)}
            >
              <span className="badge">{KIND_LABELS[hit.kind]}</span> <strong>{hitText(hit).title}</strong>
              <span className="muted">{hitText(hit).subtitle}</span>
              {/* Why it matched, when the title does not show it ("also known as" alone says nothing). */}
              {hit.match !== 'name' && (hit.detail || hit.match !== 'other-name') && (
                <span className="muted">
                  {MATCH_LABELS[hit.match]}
                  {hit.detail ? `: ${hit.detail}` : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {copy === 'empty' && <NoCopyYet what="Search results" />}
      {copy === 'ready' && trimmed && data && !pending && hits.length === 0 && <p>Nothing matches “{trimmed}”.</p>}
      {copy === 'ready' && !trimmed && (
        <p className="muted">Search networks, IXPs, facilities and organisations by name, ASN, IRR as-set, IP or prefix.</p>
      )}
    </section>
  );
}
