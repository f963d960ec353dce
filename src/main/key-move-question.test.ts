import { describe, expect, it } from 'vitest';
import { keyMoveQuestion } from './key-move-question';

describe('the question before the API key follows a new address', () => {
  const question = keyMoveQuestion({ keyHost: 'www.peeringdb.com', newHost: 'mirror.example.net' });

  it('names both hosts and says what sending the key means', () => {
    expect(question.message).toBe('Send your PeeringDB API key to mirror.example.net?');
    expect(question.detail).toMatch(/saved for www\.peeringdb\.com/);
    expect(question.detail).toMatch(/could use the key as you/);
  });

  it('keeps the key where it was by default and on Escape; sending it is the other button', () => {
    expect(question.buttons[question.defaultId]).toBe('Keep the key for www.peeringdb.com only');
    expect(question.cancelId).toBe(question.defaultId);
    expect(question.buttons[question.moveButton]).toBe('Send the key to mirror.example.net');
    expect(question.moveButton).not.toBe(question.cancelId);
  });
});
