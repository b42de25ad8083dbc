/** Lines written within one turn of the event loop, and how to pass them on. */
export interface LineBatcher {
  write(line: string): void;
  /** Passes on what is held now, e.g. before the process stops. */
  flush(): void;
}

/**
 * Joins the lines written in one turn of the event loop into one write, so a busy simulator
 * makes one system call per turn rather than one per request. Lines keep their order; each
 * reaches `write` before the next turn's.
 */
export function lineBatcher(write: (text: string) => unknown): LineBatcher {
  let lines: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (lines.length === 0) return;
    const text = lines.join('');
    lines = [];
    write(text);
  };
  return {
    write: (line) => {
      lines.push(line);
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    },
    flush,
  };
}
