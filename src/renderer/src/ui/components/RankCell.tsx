/**
 * A potential peer's rank as a number; its reasons (what is shared, the policy, each with its
 * points) open on demand in a popover, so rows stay one line high.
 */
import * as Popover from '@radix-ui/react-popover';
import { rankPeer } from '../../../../shared/ranking';
import type { PolicyGeneral } from '../../../../shared/peeringdb';

export function RankCell({
  name,
  score,
  policy,
  sharedIxNames,
  sharedFacCount,
}: {
  name: string;
  score: number;
  policy: PolicyGeneral;
  sharedIxNames: readonly string[];
  sharedFacCount: number;
}): React.JSX.Element {
  const { reasons } = rankPeer(policy, sharedIxNames.length, sharedFacCount);
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="rank-button" aria-label={`Rank ${score}: show why`}>
          {score}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover rank-reasons"
          side="left"
          align="start"
          sideOffset={4}
          collisionPadding={8}
          hideWhenDetached
          aria-label={`Why ${name} ranks ${score}`}
        >
          <p className="rank-title">
            <strong>{score}</strong> points for {name}
          </p>
          {reasons.length === 0 ? (
            <p className="muted">Nothing shared with your networks, and no peering policy given.</p>
          ) : (
            <ul className="reasons">
              {reasons.map((reason) => (
                <li key={reason.label}>
                  <span>{reason.label}</span>
                  <span className="num">
                    {reason.points > 0 ? '+' : ''}
                    {reason.points}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {sharedIxNames.length > 0 && <p className="muted rank-places">Shared IXPs: {placeList(sharedIxNames)}</p>}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

const SHOWN_PLACES = 8;

/** The first few shared IXPs by name, and how many more: a long list would hide the reasons. */
function placeList(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  const shown = sorted.slice(0, SHOWN_PLACES).join(', ');
  const rest = sorted.length - SHOWN_PLACES;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}
