/** Where the CLI writes and what it knows of its surroundings; injectable for tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the user asks a long-running command (serve) to stop. */
  readonly signal?: AbortSignal;
}

/** Colour only on a terminal, and never when NO_COLOR is set (stdout unless told otherwise). */
export function useColour(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  return (
    io[stream].isTTY === true && (io.env['NO_COLOR'] ?? '') === '' && io.env['TERM'] !== 'dumb'
  );
}
