import type { ValidationProblem } from '../model/validation-problem.js';
import { NO_PAINT, type Paint } from '../scenarios/report/format-human.js';
import type { FileSummary } from './file-summary.js';
import type { FileReport, ValidateTotals } from './validate-files.js';
import type { ValidateFormatter, ValidateOutput } from './validate-formatter.js';

/** The note said before several files; the help says the same. */
const ORDER_NOTE =
  'Files are judged in the order given, as if imported one after another and created in\n' +
  'full: the entities of a file ready to send count as existing for the files after it.';

const TYPE_WIDTH = 'ACCOUNT.ACCOUNT_TRANSACTION'.length;
const COUNT_WIDTH = 9;

/**
 * The report for a person: per file the status its import would reach, one line per
 * problem, the counts by entity type; then one line of totals.
 */
export function formatValidateText(
  out: ValidateOutput,
  paint: Paint = NO_PAINT,
): ValidateFormatter {
  let fileCount = 0;
  let index = 0;
  return {
    begin(files) {
      fileCount = files.length;
      if (fileCount > 1) out.write(`${ORDER_NOTE}\n\n`);
    },

    file(report) {
      index += 1;
      out.write(`${printable(report.file)}: ${header(report, paint, index < fileCount)}\n`);
      const { verdict, summary } = report;
      if (verdict.status === 'ERROR' || summary === null) {
        out.write('\n');
        return;
      }

      verdict.problems.forEach((problems, at) => {
        const entity = verdict.entities[at];
        if (entity === undefined) return;
        for (const problem of problems) {
          out.write(`  ${problemLine(entity.type, entity.key, problem, paint)}\n`);
        }
      });
      out.write(table(summary, paint));
      out.write('\n');
    },

    end(totals) {
      out.write(`${totalsLine(totals)}\n`);
    },
  };
}

function header(report: FileReport, paint: Paint, filesAfter: boolean): string {
  const { verdict, summary } = report;
  if (verdict.status === 'ERROR') return `${paint.fail('ERROR')} — ${printable(verdict.reason)}`;
  const counts = summary ?? { entities: 0, invalid: 0, problems: 0 };
  const entities = plural(counts.entities, 'entity', 'entities');
  if (verdict.status === 'REJECTED') {
    const invalid = count(counts.invalid);
    const problems = plural(counts.problems, 'problem', 'problems');
    return `${paint.fail('REJECTED')} — ${invalid} of ${entities} invalid, ${problems}`;
  }
  const later = filesAfter ? '; they count as existing for the files after it' : '';
  return `${paint.pass('ready to send')} — ${entities}, all valid${later}`;
}

/** `PERSON.PERSON IM-P-1 birthDate err.personBirthDateInvalid: birthDate must be …` */
function problemLine(type: string, key: string, problem: ValidationProblem, paint: Paint): string {
  const field = problem.fieldName === null ? '-' : printable(problem.fieldName);
  return (
    `${type} ${printable(key)} ${field} ${paint.fail(problem.errorCode)}: ` +
    printable(problem.errorMessage)
  );
}

function table(summary: FileSummary, paint: Paint): string {
  const lines = [`${paint.dim(row(['entity type', 'entities', 'valid', 'invalid']))}\n`];
  for (const type of summary.types) {
    lines.push(
      `${row([type.type, count(type.entities), count(type.valid), count(type.invalid)])}\n`,
    );
  }
  return lines.join('');
}

function row(cells: readonly string[]): string {
  const [name = '', ...counts] = cells;
  return `  ${name.padEnd(TYPE_WIDTH)}${counts.map((cell) => cell.padStart(COUNT_WIDTH)).join('')}`;
}

function totalsLine(totals: ValidateTotals): string {
  const seconds = totals.durationMs / 1000;
  const rate = Math.round(totals.entities / Math.max(seconds, 0.001));
  const stopped = totals.stopped ? 'stopped after ' : '';
  return (
    `${stopped}${plural(totals.files, 'file', 'files')}, ` +
    `${plural(totals.entities, 'entity', 'entities')} in ${seconds.toFixed(2)} s ` +
    `(${count(rate)} entities/s): ${count(totals.readyToSend)} ready to send, ` +
    `${count(totals.rejected)} REJECTED, ${count(totals.error)} ERROR`
  );
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function plural(value: number, one: string, many: string): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}

/**
 * Keys, values and paths come from the file: control characters are shown escaped, so that
 * a problem stays one line and cannot move the cursor or change the terminal's colours.
 */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
