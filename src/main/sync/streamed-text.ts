/**
 * An answer's text as it arrives, for a reader that may start before the download ends or
 * after it: what came meanwhile waits here, and the reader takes it all at its next read. A
 * download retried after failing half way starts the text again, and the reader hears so
 * before the new attempt's text.
 */

/** What a read gives: text that follows the last, or word that the text starts again. */
export type StreamPiece = { text: string } | { restart: true };

export class StreamedText {
  /** Text not yet read, and whether a restart comes before it. */
  private waiting: string[] = [];
  private restarted = false;
  private ended = false;
  private failure: { error: unknown } | null = null;
  /** Whether any text came (a restart says some did). */
  private anyText = false;
  private wakers: (() => void)[] = [];

  push(text: string): void {
    this.anyText = true;
    this.waiting.push(text);
    this.notify();
  }

  /** The download begins again: text not yet read is void, and so is what was read. */
  restart(): void {
    this.waiting = [];
    this.restarted = true;
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.notify();
  }

  /** Everything that came since the last read, once something did; null at the end. Throws the download's failure. */
  async read(): Promise<StreamPiece | null> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (this.restarted) {
        this.restarted = false;
        return { restart: true };
      }
      if (this.waiting.length > 0) {
        const text = this.waiting.length === 1 ? this.waiting[0]! : this.waiting.join('');
        this.waiting = [];
        return { text };
      }
      if (this.ended) return null;
      await this.change();
    }
  }

  /** Resolves once text came (true), or the download ended or failed without any (false). */
  async begun(): Promise<boolean> {
    while (!this.anyText && !this.ended && !this.failure) await this.change();
    return this.anyText;
  }

  /** Pieces until the end, for `for await`. */
  async *pieces(): AsyncGenerator<StreamPiece> {
    for (let piece = await this.read(); piece !== null; piece = await this.read()) yield piece;
  }

  /** A text that has all come already, as pieces. */
  static of(text: string): StreamedText {
    const stream = new StreamedText();
    stream.push(text);
    stream.end();
    return stream;
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  private notify(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }
}
