/** The BI rows as docs/bad-input.md documents them, to check the tests against. */
import { readFileSync } from 'node:fs';

export interface DocumentedRow {
  readonly id: string;
  readonly status: number;
  readonly codes: readonly string[];
  readonly outcome: string | null;
}

/** The BI rows of docs/bad-input.md: id, the status of the answer, and the codes or outcome. */
export function documentedRows(): DocumentedRow[] {
  const text = readFileSync(new URL('../../../docs/bad-input.md', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| BI-\d\d /.test(line))
    .map((line) => {
      const [, id = '', , answer = '', codes = ''] = line.split('|').map((cell) => cell.trim());
      return {
        id,
        status: Number(/\d{3}/.exec(answer)?.[0]),
        codes: [...codes.matchAll(/`(err\.\w+)`/g)].map((match) => match[1] ?? ''),
        outcome: /then (\w+)/.exec(answer)?.[1] ?? null,
      };
    });
}
