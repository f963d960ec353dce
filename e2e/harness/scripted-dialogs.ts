/**
 * Native dialogs, scripted: a test queues the user's answers before the action that opens a
 * dialog. A dialog that opens with no answer queued fails loudly, so a spec can never pass on
 * a dialog it did not expect.
 */
export type DialogKind = 'save' | 'open' | 'confirm';

export interface DialogRequest {
  kind: DialogKind;
  /** What the app asked with (title, default name, filters…), for assertions. */
  details: unknown;
}

/** How a test answers the app's dialogs; the same on both backends. */
export interface DialogAnswers {
  /** The next save dialog picks `path`; null cancels it. */
  answerSave(path: string | null): Promise<void>;
  /** The next open dialog picks `path` (several files where it lets the user pick many); null cancels it. */
  answerOpen(path: string | string[] | null): Promise<void>;
  /** The next confirmation is accepted (true) or declined (false). */
  answerConfirm(confirmed: boolean): Promise<void>;
}

type Answer = string | string[] | null | boolean;

export class ScriptedDialogs implements DialogAnswers {
  readonly asked: DialogRequest[] = [];
  private readonly queues: Record<DialogKind, Answer[]> = { save: [], open: [], confirm: [] };

  async answerSave(path: string | null): Promise<void> {
    this.queues.save.push(path);
  }

  async answerOpen(path: string | string[] | null): Promise<void> {
    this.queues.open.push(path);
  }

  async answerConfirm(confirmed: boolean): Promise<void> {
    this.queues.confirm.push(confirmed);
  }

  savePath(details: unknown): string | null {
    return this.take('save', details) as string | null;
  }

  openPath(details: unknown): string | null {
    const answer = this.take('open', details) as string | string[] | null;
    if (Array.isArray(answer)) throw new Error('The app opened a dialog for one file, but several were queued for it');
    return answer;
  }

  /** A dialog that lets the user pick several files. */
  openPaths(details: unknown): string[] | null {
    const answer = this.take('open', details) as string | string[] | null;
    return answer === null ? null : Array.isArray(answer) ? answer : [answer];
  }

  confirm(details: unknown): boolean {
    return this.take('confirm', details) as boolean;
  }

  private take(kind: DialogKind, details: unknown): Answer {
    this.asked.push({ kind, details });
    const queue = this.queues[kind];
    if (queue.length === 0) {
      throw new Error(`The app opened a ${kind} dialog, but no answer was queued for it`);
    }
    return queue.shift()!;
  }
}
