import { describe, expect, it } from 'vitest';
import { useColour, type CliIo } from './cli-io.js';

function io(env: Record<string, string>, stdoutTty: boolean, stderrTty = false): CliIo {
  return {
    stdout: { write: () => true, isTTY: stdoutTty },
    stderr: { write: () => true, isTTY: stderrTty },
    env,
  };
}

describe('useColour', () => {
  it('colours a terminal', () => {
    expect(useColour(io({}, true))).toBe(true);
  });

  it('does not colour a pipe or a file', () => {
    expect(useColour(io({}, false))).toBe(false);
  });

  it('does not colour when NO_COLOR is set to any non-empty value', () => {
    expect(useColour(io({ NO_COLOR: '1' }, true))).toBe(false);
    expect(useColour(io({ NO_COLOR: 'false' }, true))).toBe(false);
  });

  it('ignores an empty NO_COLOR, as no-color.org says', () => {
    expect(useColour(io({ NO_COLOR: '' }, true))).toBe(true);
  });

  it('does not colour a dumb terminal', () => {
    expect(useColour(io({ TERM: 'dumb' }, true))).toBe(false);
  });

  it('judges stderr by stderr when asked', () => {
    expect(useColour(io({}, true, false), 'stderr')).toBe(false);
    expect(useColour(io({}, false, true), 'stderr')).toBe(true);
  });
});
