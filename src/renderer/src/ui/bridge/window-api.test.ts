import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_PORT_MESSAGE } from '../../../../shared/ipc';
import { ipcErrorMessage, listenForSyncPorts, syncPortFromMessage } from './window-api';

const ownWindow = { name: 'own' };
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function newPort(): MessagePort {
  const channel = new MessageChannel();
  channels.push(channel);
  return channel.port1;
}

describe('sync port hand-off filter', () => {
  it('accepts the preload message posted to its own window', () => {
    const port = newPort();
    const handoff = syncPortFromMessage(
      { source: ownWindow, data: { kind: SYNC_PORT_MESSAGE, jobId: 'job-7' }, ports: [port] },
      ownWindow,
    );
    expect(handoff).toEqual({ port, jobId: 'job-7' });
  });

  it.each([
    ['another frame', { source: { name: 'other' }, data: { kind: SYNC_PORT_MESSAGE, jobId: 'j' } }],
    ['no source', { source: null, data: { kind: SYNC_PORT_MESSAGE, jobId: 'j' } }],
    ['another kind', { source: ownWindow, data: { kind: 'something-else', jobId: 'j' } }],
    ['no job id', { source: ownWindow, data: { kind: SYNC_PORT_MESSAGE } }],
    ['an empty job id', { source: ownWindow, data: { kind: SYNC_PORT_MESSAGE, jobId: '' } }],
    ['text data', { source: ownWindow, data: SYNC_PORT_MESSAGE }],
    ['null data', { source: ownWindow, data: null }],
  ])('ignores a message from %s', (_case, message) => {
    expect(syncPortFromMessage({ ...message, ports: [newPort()] }, ownWindow)).toBeNull();
  });

  it('ignores the right message when it carries no port', () => {
    expect(syncPortFromMessage({ source: ownWindow, data: { kind: SYNC_PORT_MESSAGE, jobId: 'j' }, ports: [] }, ownWindow)).toBeNull();
  });

  it('passes ports from window messages to the store and stops when unsubscribed', () => {
    const target = new EventTarget() as unknown as Window;
    const attached: string[] = [];
    const stop = listenForSyncPorts(target, ownWindow, (_port, jobId) => attached.push(jobId));
    const post = (jobId: string, source: unknown) =>
      target.dispatchEvent(
        Object.assign(new Event('message'), { source, data: { kind: SYNC_PORT_MESSAGE, jobId }, ports: [newPort()] }),
      );
    post('job-1', ownWindow);
    post('job-x', { name: 'intruder' });
    stop();
    post('job-2', ownWindow);
    expect(attached).toEqual(['job-1']);
  });
});

describe('ipcErrorMessage', () => {
  it("drops Electron's remote-method prefix", () => {
    const error = new Error("Error invoking remote method 'settings:set': Error: The PeeringDB URL must be an http(s) address");
    expect(ipcErrorMessage(error)).toBe('The PeeringDB URL must be an http(s) address');
  });

  it('takes the first issue of a schema failure', () => {
    const issues = JSON.stringify([{ code: 'custom', path: ['baseUrl'], message: 'The PeeringDB URL must be an http(s) address' }]);
    const error = new Error(`Error invoking remote method 'settings:set': ZodError: ${issues}`);
    expect(ipcErrorMessage(error)).toBe('The PeeringDB URL must be an http(s) address');
  });

  it('keeps a plain message and copes with non-errors', () => {
    expect(ipcErrorMessage(new Error('disk full'))).toBe('disk full');
    expect(ipcErrorMessage('boom')).toBe('boom');
    expect(ipcErrorMessage(new Error(''))).toBe('Unknown error');
  });
});
