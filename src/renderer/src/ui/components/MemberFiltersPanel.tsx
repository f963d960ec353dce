/** The filters of member and peer lists; choices come from what the copy holds. */
import type { MemberFilters, MemberPlace } from '../../protocol/discovery';
import { formatSpeed } from './format';
import { useStoreQuery } from '../store-client/use-store-query';

const SPEEDS = [1_000, 10_000, 100_000, 400_000];

function selectedValues(select: HTMLSelectElement): string[] {
  return Array.from(select.selectedOptions, (option) => option.value);
}

export function MemberFiltersPanel({
  value,
  onChange,
  placeKind,
}: {
  value: MemberFilters;
  onChange: (next: MemberFilters) => void;
  placeKind: MemberPlace['kind'];
}): React.JSX.Element {
  const { data: options } = useStoreQuery('memberFilterOptions', {});
  const set = <K extends keyof MemberFilters>(key: K, next: MemberFilters[K]) => {
    const copy = { ...value, [key]: next };
    if (next === undefined || next === '' || (Array.isArray(next) && next.length === 0)) delete copy[key];
    onChange(copy);
  };
  const atIxps = placeKind !== 'fac';

  return (
    <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        Name or ASN
        <input type="search" value={value.text ?? ''} onChange={(event) => set('text', event.target.value)} />
      </label>
      <label>
        Policy
        <select
          multiple
          value={value.policies ?? []}
          onChange={(event) => set('policies', selectedValues(event.target) as MemberFilters['policies'])}
        >
          {(options?.policies ?? []).map((policy) => (
            <option key={policy}>{policy}</option>
          ))}
        </select>
      </label>
      <label>
        Network type
        <select
          multiple
          value={value.infoTypes ?? []}
          onChange={(event) => set('infoTypes', selectedValues(event.target) as MemberFilters['infoTypes'])}
        >
          {(options?.infoTypes ?? []).map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
      </label>
      <label>
        Scope
        <select multiple value={value.scopes ?? []} onChange={(event) => set('scopes', selectedValues(event.target))}>
          {(options?.scopes ?? []).map((scope) => (
            <option key={scope}>{scope}</option>
          ))}
        </select>
      </label>
      <label>
        Ratio
        <select multiple value={value.ratios ?? []} onChange={(event) => set('ratios', selectedValues(event.target))}>
          {(options?.ratios ?? []).map((ratio) => (
            <option key={ratio}>{ratio}</option>
          ))}
        </select>
      </label>
      <label>
        Traffic at least
        <select value={value.trafficMin ?? ''} onChange={(event) => set('trafficMin', event.target.value)}>
          <option value="">Any</option>
          {(options?.trafficLevels ?? []).map((level) => (
            <option key={level}>{level}</option>
          ))}
        </select>
      </label>
      {placeKind === 'my-ixs' && (
        <>
          <label>
            IXP region
            <select value={value.region ?? ''} onChange={(event) => set('region', event.target.value)}>
              <option value="">Any</option>
              {(options?.regions ?? []).map((region) => (
                <option key={region}>{region}</option>
              ))}
            </select>
          </label>
          <label>
            IXP country
            <select value={value.country ?? ''} onChange={(event) => set('country', event.target.value)}>
              <option value="">Any</option>
              {(options?.countries ?? []).map((country) => (
                <option key={country}>{country}</option>
              ))}
            </select>
          </label>
        </>
      )}
      {atIxps && (
        <>
          <label>
            Route server
            <select
              value={value.rsPeer ?? ''}
              onChange={(event) => set('rsPeer', (event.target.value || undefined) as MemberFilters['rsPeer'])}
            >
              <option value="">Any</option>
              <option value="yes">RS peer</option>
              <option value="no">Not an RS peer</option>
            </select>
          </label>
          <label>
            Port speed at least
            <select
              value={value.minSpeed ?? ''}
              onChange={(event) => set('minSpeed', event.target.value ? Number(event.target.value) : undefined)}
            >
              <option value="">Any</option>
              {SPEEDS.map((speed) => (
                <option key={speed} value={speed}>
                  {formatSpeed(speed)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Addresses</legend>
            <label>
              <span>
                <input
                  type="checkbox"
                  checked={value.ipv4 === true}
                  onChange={(event) => set('ipv4', event.target.checked || undefined)}
                />{' '}
                Has IPv4
              </span>
            </label>
            <label>
              <span>
                <input
                  type="checkbox"
                  checked={value.ipv6 === true}
                  onChange={(event) => set('ipv6', event.target.checked || undefined)}
                />{' '}
                Has IPv6
              </span>
            </label>
          </fieldset>
        </>
      )}
      <button type="button" disabled={Object.keys(value).length === 0} onClick={() => onChange({})}>
        Clear filters
      </button>
    </form>
  );
}
