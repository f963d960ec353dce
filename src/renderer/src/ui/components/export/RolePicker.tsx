import { useId } from 'react';
import { POC_ROLES, type PocRole } from '../../../../../shared/peeringdb';

export const DEFAULT_ROLES: PocRole[] = ['Policy', 'NOC'];

/** Keeps the chosen roles in the app's role order, so lists and files read the same way. */
export function toggleRole(roles: readonly PocRole[], role: PocRole, on: boolean): PocRole[] {
  const chosen = new Set(roles);
  if (on) chosen.add(role);
  else chosen.delete(role);
  return POC_ROLES.filter((r) => chosen.has(r));
}

export function RolePicker({
  roles,
  onChange,
}: {
  roles: readonly PocRole[];
  onChange: (roles: PocRole[]) => void;
}): React.JSX.Element {
  const legendId = useId();
  return (
    <fieldset className="role-picker" aria-labelledby={legendId}>
      <legend id={legendId}>Roles</legend>
      {POC_ROLES.map((role) => (
        <label key={role}>
          <input
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(event) => onChange(toggleRole(roles, role, event.currentTarget.checked))}
          />
          {role}
        </label>
      ))}
    </fieldset>
  );
}
