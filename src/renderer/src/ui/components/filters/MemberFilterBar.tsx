/**
 * The filter bar of member and peer lists, on one line: a name-or-ASN box, then a button per
 * group of filters that opens its checklist with counts, the chosen values as chips, and
 * Clear all. Choices come from what the copy holds; counts are asked for only while a
 * checklist is open.
 */
import { useState } from 'react';
import type { MemberFacets, MemberFilters, PeersArgs } from '../../../protocol/discovery';
import { formatSpeed } from '../format';
import { useStoreQuery } from '../../store-client/use-store-query';
import { CheckList, ChoiceList, FilterChips, FilterPopover, type ChosenChip, type FilterChoice } from './FilterPopover';

/** "At least" steps of port speed, Mbit/s. */
const SPEED_STEPS = [1_000, 10_000, 100_000, 400_000];

type MenuId = 'policy' | 'type' | 'traffic' | 'where' | 'port' | 'more';

const regionNames = new Intl.DisplayNames(undefined, { type: 'region', fallback: 'code' });

/** "Germany (DE)"; a code the runtime does not know stays as it is. */
export function countryLabel(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code || 'Not given';
  const name = regionNames.of(code);
  return name && name !== code ? `${name} (${code})` : code;
}

function choicesOf(values: readonly string[], counts: Record<string, number> | undefined, label = (v: string) => v): FilterChoice[] {
  return values.map((value) => ({ value, label: label(value), count: counts ? (counts[value] ?? 0) : undefined }));
}

/** Values present in the counts (or already chosen), most frequent first. */
function presentChoices(counts: Record<string, number> | undefined, chosen: readonly string[], label: (v: string) => string): FilterChoice[] {
  if (!counts) return chosen.map((value) => ({ value, label: label(value) }));
  const values = new Set([...Object.keys(counts).filter((value) => value !== ''), ...chosen]);
  return [...values]
    .map((value) => ({ value, label: label(value), count: counts[value] ?? 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function atLeast(histogram: Record<number, number> | undefined, speed: number): number | undefined {
  if (!histogram) return undefined;
  return Object.entries(histogram).reduce((sum, [best, count]) => (Number(best) >= speed ? sum + count : sum), 0);
}

export function MemberFilterBar({
  value,
  onChange,
  question,
}: {
  value: MemberFilters;
  onChange: (next: MemberFilters) => void;
  /** The list's own question (place, marked, mine): counts are of that list. */
  question: Omit<PeersArgs, 'filters'>;
}): React.JSX.Element {
  const [openMenu, setOpenMenu] = useState<MenuId | null>(null);
  const { data: options } = useStoreQuery('memberFilterOptions', {});
  const { data: facets } = useStoreQuery('memberFacets', openMenu ? { ...question, filters: value } : null);
  const counts: Partial<MemberFacets> = facets ?? {};
  const placeKind = question.place.kind;
  const atIxps = placeKind !== 'fac';

  const set = <K extends keyof MemberFilters>(key: K, next: MemberFilters[K]) => {
    const copy = { ...value, [key]: next };
    if (next === undefined || next === '' || next === false || (Array.isArray(next) && next.length === 0)) delete copy[key];
    onChange(copy);
  };
  const menu = (id: MenuId) => ({
    open: openMenu === id,
    onOpenChange: (open: boolean) => setOpenMenu(open ? id : null),
  });

  const chips: ChosenChip[] = [
    ...(value.policies ?? []).map((policy) => ({
      key: `policy:${policy}`,
      label: `Policy: ${policy}`,
      remove: () => set('policies', value.policies?.filter((p) => p !== policy)),
    })),
    ...(value.infoTypes ?? []).map((type) => ({
      key: `type:${type}`,
      label: `Type: ${type}`,
      remove: () => set('infoTypes', value.infoTypes?.filter((t) => t !== type)),
    })),
    ...(value.trafficMin ? [{ key: 'traffic', label: `Traffic ≥ ${value.trafficMin}`, remove: () => set('trafficMin', undefined) }] : []),
    ...(value.region ? [{ key: 'region', label: `IXP in ${value.region}`, remove: () => set('region', undefined) }] : []),
    ...(value.country ? [{ key: 'country', label: `IXP in ${countryLabel(value.country)}`, remove: () => set('country', undefined) }] : []),
    ...(value.rsPeer
      ? [{ key: 'rs', label: value.rsPeer === 'yes' ? 'RS peer' : 'Not an RS peer', remove: () => set('rsPeer', undefined) }]
      : []),
    ...(value.minSpeed ? [{ key: 'speed', label: `Port ≥ ${formatSpeed(value.minSpeed)}`, remove: () => set('minSpeed', undefined) }] : []),
    ...(value.ipv4 ? [{ key: 'v4', label: 'Has IPv4', remove: () => set('ipv4', undefined) }] : []),
    ...(value.ipv6 ? [{ key: 'v6', label: 'Has IPv6', remove: () => set('ipv6', undefined) }] : []),
    ...(value.scopes ?? []).map((scope) => ({
      key: `scope:${scope}`,
      label: `Scope: ${scope}`,
      remove: () => set('scopes', value.scopes?.filter((s) => s !== scope)),
    })),
    ...(value.ratios ?? []).map((ratio) => ({
      key: `ratio:${ratio}`,
      label: `Ratio: ${ratio}`,
      remove: () => set('ratios', value.ratios?.filter((r) => r !== ratio)),
    })),
  ];
  const portChosen = (value.rsPeer ? 1 : 0) + (value.minSpeed ? 1 : 0) + (value.ipv4 ? 1 : 0) + (value.ipv6 ? 1 : 0);

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <input
        type="search"
        className="filter-text"
        aria-label="Name or ASN"
        placeholder="Name or ASN"
        value={value.text ?? ''}
        onChange={(event) => set('text', event.target.value)}
      />
      <FilterPopover label="Policy" chosenCount={value.policies?.length ?? 0} {...menu('policy')}>
        <CheckList
          legend="Peering policy"
          choices={choicesOf(options?.policies ?? [], counts.policies)}
          chosen={value.policies ?? []}
          onChange={(next) => set('policies', next as MemberFilters['policies'])}
        />
      </FilterPopover>
      <FilterPopover label="Type" chosenCount={value.infoTypes?.length ?? 0} {...menu('type')}>
        <CheckList
          legend="Network type"
          choices={choicesOf(options?.infoTypes ?? [], counts.infoTypes)}
          chosen={value.infoTypes ?? []}
          onChange={(next) => set('infoTypes', next as MemberFilters['infoTypes'])}
        />
      </FilterPopover>
      <FilterPopover label="Traffic" chosenCount={value.trafficMin ? 1 : 0} {...menu('traffic')}>
        <ChoiceList
          legend="Traffic at least"
          choices={choicesOf(options?.trafficLevels ?? [], counts.trafficMin)}
          value={value.trafficMin}
          onChange={(next) => set('trafficMin', next)}
        />
      </FilterPopover>
      {placeKind === 'my-ixs' && (
        <FilterPopover label="Region" chosenCount={(value.region ? 1 : 0) + (value.country ? 1 : 0)} {...menu('where')}>
          <div className="choice-columns">
            <ChoiceList
              legend="IXP region"
              choices={presentChoices(counts.regions, value.region ? [value.region] : [], (v) => v)}
              value={value.region}
              onChange={(next) => set('region', next)}
            />
            <ChoiceList
              legend="IXP country"
              choices={presentChoices(counts.countries, value.country ? [value.country] : [], countryLabel)}
              value={value.country}
              onChange={(next) => set('country', next)}
            />
          </div>
        </FilterPopover>
      )}
      {atIxps && (
        <FilterPopover label="Port" chosenCount={portChosen} {...menu('port')}>
          <div className="choice-columns">
            <ChoiceList
              legend="Route server"
              choices={[
                { value: 'yes', label: 'RS peer', count: counts.rsPeer?.yes },
                { value: 'no', label: 'Not an RS peer', count: counts.rsPeer?.no },
              ]}
              value={value.rsPeer}
              onChange={(next) => set('rsPeer', next as MemberFilters['rsPeer'])}
            />
            <ChoiceList
              legend="Port speed at least"
              choices={SPEED_STEPS.map((speed) => ({
                value: String(speed),
                label: formatSpeed(speed),
                count: atLeast(counts.bestSpeeds, speed),
              }))}
              value={value.minSpeed ? String(value.minSpeed) : undefined}
              onChange={(next) => set('minSpeed', next ? Number(next) : undefined)}
            />
            <CheckList
              legend="Addresses"
              choices={[
                { value: 'ipv4', label: 'Has IPv4', count: counts.ipv4 },
                { value: 'ipv6', label: 'Has IPv6', count: counts.ipv6 },
              ]}
              chosen={[...(value.ipv4 ? ['ipv4'] : []), ...(value.ipv6 ? ['ipv6'] : [])]}
              onChange={(next) => onChange(withAddresses(value, next.includes('ipv4'), next.includes('ipv6')))}
            />
          </div>
        </FilterPopover>
      )}
      <FilterPopover label="More" chosenCount={(value.scopes?.length ?? 0) + (value.ratios?.length ?? 0)} {...menu('more')}>
        <div className="choice-columns">
          <CheckList
            legend="Scope"
            choices={choicesOf(options?.scopes ?? [], counts.scopes)}
            chosen={value.scopes ?? []}
            onChange={(next) => set('scopes', next)}
          />
          <CheckList
            legend="Traffic ratio"
            choices={choicesOf(options?.ratios ?? [], counts.ratios)}
            chosen={value.ratios ?? []}
            onChange={(next) => set('ratios', next)}
          />
        </div>
      </FilterPopover>
      <FilterChips chips={chips} />
      {(chips.length > 0 || value.text) && (
        <button type="button" className="link clear-filters" onClick={() => onChange({})}>
          Clear all
        </button>
      )}
    </div>
  );
}

function withAddresses(value: MemberFilters, ipv4: boolean, ipv6: boolean): MemberFilters {
  const next = { ...value };
  if (ipv4) next.ipv4 = true;
  else delete next.ipv4;
  if (ipv6) next.ipv6 = true;
  else delete next.ipv6;
  return next;
}
