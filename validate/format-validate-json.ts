import type { ValidateFormatter, ValidateOutput } from './validate-formatter.js';

/**
 * The report for a program: one JSON document written as the run goes, a file at a time and
 * a problem per line, never built whole in memory.
 *
 * ```
 * {"files":[
 * {"file":"…","status":"REJECTED","reason":null,…,"types":[…],"problems":[
 * {"type":"PERSON.PERSON","key":"P-1","rule":"V-6","fieldName":…,"errorCode":…,…}
 * ]}
 * ],"totals":{…}}
 * ```
 */
export function formatValidateJson(out: ValidateOutput): ValidateFormatter {
  let written = 0;
  return {
    begin() {
      out.write('{"files":[');
    },

    file(report) {
      // Step 1: what is known of the file before its problems, which may be millions.
      const { verdict, summary } = report;
      const head = JSON.stringify({
        file: report.file,
        status: verdict.status,
        reason: verdict.status === 'ERROR' ? verdict.reason : null,
        bytes: verdict.bytes,
        addedToTenant: report.addedToTenant,
        entities: summary?.entities ?? null,
        valid: summary?.valid ?? null,
        invalid: summary?.invalid ?? null,
        problemCount: summary?.problems ?? null,
        types: summary?.types ?? null,
      });
      out.write(`${written === 0 ? '' : ','}\n${head.slice(0, -1)},"problems":[`);
      written += 1;

      // Step 2: the problems, one per line, in the order of the entities in the file.
      let first = true;
      if (verdict.status !== 'ERROR') {
        verdict.problems.forEach((problems, at) => {
          const entity = verdict.entities[at];
          if (entity === undefined) return;
          for (const problem of problems) {
            const item = JSON.stringify({
              type: entity.type,
              key: entity.key,
              rule: problem.rule,
              fieldName: problem.fieldName,
              errorCode: problem.errorCode,
              errorValue: problem.errorValue ?? null,
              errorMessage: problem.errorMessage,
            });
            out.write(`${first ? '' : ','}\n${item}`);
            first = false;
          }
        });
      }
      out.write(first ? ']}' : '\n]}');
    },

    end(totals) {
      const seconds = totals.durationMs / 1000;
      const summary = JSON.stringify({
        ...totals,
        durationMs: Math.round(totals.durationMs),
        entitiesPerSecond: Math.round(totals.entities / Math.max(seconds, 0.001)),
      });
      out.write(`${written === 0 ? '' : '\n'}],"totals":${summary}}\n`);
    },
  };
}
