/** Progress on stderr: one updating line on a terminal, sparse plain lines elsewhere (CI, pipes). */
import type { ProgressListener, ProgressStep } from '../domain/model';

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export const STEP_LABELS: Readonly<Record<ProgressStep, string>> = {
  lecture: 'Lecture des classeurs',
  colonnes: 'Reconnaissance des colonnes',
  contrôles: 'Contrôle des lignes',
  calcul: 'Calcul des indicateurs',
  écriture: 'Écriture du classeur',
};

const ONE_WORKBOOK = 'Lecture du classeur';

/** What a step counts, singular and plural (« 1 feuille sur 3 »). */
const STEP_UNITS: Readonly<Record<ProgressStep, readonly [string, string]>> = {
  lecture: ['classeur', 'classeurs'],
  colonnes: ['feuille', 'feuilles'],
  contrôles: ['feuille', 'feuilles'],
  calcul: ['étape', 'étapes'],
  écriture: ['étape', 'étapes'],
};

interface Progress {
  readonly report: ProgressListener;
  /** A free message (file being read…), on its own line; clears the TTY line first. */
  note(text: string): void;
  /** Clears the updating line, if any. */
  end(): void;
}

interface ProgressOptions {
  readonly now?: () => number;
  /** Minimum time between two plain lines of the same step (non-TTY). */
  readonly plainIntervalMs?: number;
  /** Minimum time between two redraws of the TTY line. */
  readonly ttyIntervalMs?: number;
}

export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const interval = tty ? (options.ttyIntervalMs ?? 100) : (options.plainIntervalMs ?? 3000);
  let lastStep: ProgressStep | null = null;
  let lastTime = -Infinity;
  let lineShown = false;

  const count = (step: ProgressStep, n: number): string => `${n} ${STEP_UNITS[step][n > 1 ? 1 : 0]}`;
  // One workbook is « Lecture du classeur… », not « des classeurs ».
  const label = (step: ProgressStep, total: number): string => (step === 'lecture' && total <= 1 ? ONE_WORKBOOK : STEP_LABELS[step]);
  const text = (step: ProgressStep, done: number, total: number): string =>
    total > 1 ? `${STEP_LABELS[step]} : ${count(step, done)} sur ${total}` : `${label(step, total)}…`;
  // A log keeps every line: a step opens with what it will go through, not with a count
  // (« 0 classeur sur 4 », then nothing for a short step, read as if nothing had been read).
  const opening = (step: ProgressStep, total: number): string =>
    total > 1 ? `${STEP_LABELS[step]} (${count(step, total)})…` : `${label(step, total)}…`;

  const clear = (): void => {
    if (tty && lineShown) {
      stream.write('\r\x1b[K');
      lineShown = false;
    }
  };

  return {
    report(step, done, total) {
      const t = now();
      const changed = step !== lastStep;
      if (!changed && t - lastTime < interval && !(tty && done === total)) return;
      lastStep = step;
      lastTime = t;
      if (tty) {
        stream.write(`\r\x1b[K${text(step, done, total)}`);
        lineShown = true;
      } else {
        stream.write(`${changed ? opening(step, total) : text(step, done, total)}\n`);
      }
    },
    note(message) {
      clear();
      stream.write(`${message}\n`);
    },
    end: clear,
  };
}
