/**
 * The pieces of a one-line filter bar: a button per filter that opens a checklist (Radix
 * Popover, non-modal: it needs no scroll lock, whose injected style the app's CSP refuses),
 * checklists and choice lists that show how many rows each value leaves, and chips for what
 * is chosen. Screens compose them; MemberFilterBar is the member lists' bar.
 */
import * as Popover from '@radix-ui/react-popover';
import { useId } from 'react';
import { formatCount } from '../format';

export interface FilterChoice {
  value: string;
  label: string;
  /** Rows this value would leave; undefined while counting. */
  count?: number;
}

export function FilterPopover({
  label,
  chosenCount,
  open,
  onOpenChange,
  children,
}: {
  label: string;
  chosenCount: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={chosenCount > 0 ? 'filter-button filter-button-active' : 'filter-button'}
          aria-label={`Filter by ${label.toLowerCase()}${chosenCount > 0 ? ` (${chosenCount} chosen)` : ''}`}
        >
          {label}
          {chosenCount > 0 && <span className="filter-count"> · {chosenCount}</span>}
          <span aria-hidden="true"> ▾</span>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover filter-popover" align="start" sideOffset={4} collisionPadding={8} aria-label={label}>
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function CountText({ count }: { count: number | undefined }) {
  return <span className="choice-count">{count === undefined ? '' : formatCount(count)}</span>;
}

/** Any number of values at once (policy, network type). */
export function CheckList({
  legend,
  choices,
  chosen,
  onChange,
}: {
  legend: string;
  choices: readonly FilterChoice[];
  chosen: readonly string[];
  onChange: (next: string[]) => void;
}): React.JSX.Element {
  return (
    <fieldset className="choice-list">
      <legend>{legend}</legend>
      {choices.length === 0 && <p className="muted">Nothing to choose in this list.</p>}
      {choices.map((choice) => (
        <label key={choice.value} className={choice.count === 0 ? 'choice choice-empty' : 'choice'}>
          <input
            type="checkbox"
            checked={chosen.includes(choice.value)}
            onChange={(event) =>
              onChange(
                event.currentTarget.checked
                  ? [...chosen, choice.value]
                  : chosen.filter((value) => value !== choice.value),
              )
            }
          />
          <span className="choice-label">{choice.label}</span>
          <CountText count={choice.count} />
        </label>
      ))}
    </fieldset>
  );
}

/** One value or none (traffic at least, country). */
export function ChoiceList({
  legend,
  choices,
  value,
  anyLabel = 'Any',
  anyCount,
  onChange,
}: {
  legend: string;
  choices: readonly FilterChoice[];
  value: string | undefined;
  anyLabel?: string;
  anyCount?: number;
  onChange: (next: string | undefined) => void;
}): React.JSX.Element {
  const name = useId();
  const options: FilterChoice[] = [{ value: '', label: anyLabel, count: anyCount }, ...choices];
  return (
    <fieldset className="choice-list">
      <legend>{legend}</legend>
      {options.map((choice) => (
        <label key={choice.value || '(any)'} className={choice.count === 0 ? 'choice choice-empty' : 'choice'}>
          <input
            type="radio"
            name={name}
            checked={(value ?? '') === choice.value}
            onChange={() => onChange(choice.value || undefined)}
          />
          <span className="choice-label">{choice.label}</span>
          <CountText count={choice.count} />
        </label>
      ))}
    </fieldset>
  );
}

export interface ChosenChip {
  key: string;
  label: string;
  remove: () => void;
}

/** What is chosen, each removable on its own. */
export function FilterChips({ chips }: { chips: readonly ChosenChip[] }): React.JSX.Element | null {
  if (chips.length === 0) return null;
  return (
    <ul className="chips filter-chips" aria-label="Chosen filters">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span>{chip.label}</span>
          <button type="button" className="chip-remove" aria-label={`Remove filter ${chip.label}`} onClick={chip.remove}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
