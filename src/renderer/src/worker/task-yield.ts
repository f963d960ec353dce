/**
 * Ending the current task and going on in a later one, so that work on both sides of the
 * pause never adds up to one long task that keeps queries and messages waiting. A message to
 * oneself, not a timer: browsers clamp timers set from timers to 4 ms each.
 */
export function yieldToNextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
