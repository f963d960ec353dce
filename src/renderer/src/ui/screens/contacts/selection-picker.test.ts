import { describe, expect, it } from 'vitest';
import type { ContactSources } from '../../../protocol/contacts';
import { toggleRole } from '../../components/export/RolePicker';
import { parseAsnList, selectionOf, type PickerState } from './SelectionPicker';

const sources: ContactSources = { myNetworks: [{ netId: 1, asn: 64500, name: 'Mine' }], ixps: [] };
const picker = (over: Partial<PickerState>): PickerState => ({ mode: 'asns', asnText: '', ixA: null, ixB: null, ...over });

describe('parseAsnList', () => {
  it('reads ASNs as people type them and names what is not one', () => {
    expect(parseAsnList('64500, AS64501 as64502;64500')).toEqual({ asns: [64500, 64501, 64502], invalid: [] });
    expect(parseAsnList('64500 x12 0 4294967296').invalid).toEqual(['x12', '0', '4294967296']);
  });
});

describe('selectionOf', () => {
  it('turns each choice into a selection, or says what is missing', () => {
    expect(selectionOf(picker({ asnText: '64501' }), null, sources)).toEqual({
      selection: { kind: 'networks', asns: [64501] },
    });
    expect(selectionOf(picker({ asnText: 'abc' }), null, sources)).toEqual({ problem: 'Not an ASN: abc' });
    expect(selectionOf(picker({ mode: 'mine' }), null, sources)).toEqual({
      selection: { kind: 'networks', asns: [64500], label: 'My networks' },
    });
    expect(selectionOf(picker({ mode: 'shared', ixA: 1, ixB: 1 }), null, sources)).toEqual({
      problem: 'Choose two different IXPs.',
    });
    expect(selectionOf(picker({ mode: 'shared', ixA: 1, ixB: 2 }), null, sources)).toEqual({
      selection: { kind: 'shared-members', ixIds: [1, 2] },
    });
    const handed = { kind: 'ix-members' as const, ixId: 7 };
    expect(selectionOf(picker({ mode: 'handed' }), handed, sources)).toEqual({ selection: handed });
  });
});

describe('toggleRole', () => {
  it('keeps roles in the app’s order', () => {
    expect(toggleRole(['NOC'], 'Policy', true)).toEqual(['Policy', 'NOC']);
    expect(toggleRole(['Policy', 'NOC'], 'Policy', false)).toEqual(['NOC']);
  });
});
