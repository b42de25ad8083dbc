import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const SCHEMA = {
  fileName: 'junit-report.xsd',
  contents: readFileSync(
    new URL('../../scenarios/report/junit-report.xsd', import.meta.url),
    'utf8',
  ),
};

/**
 * The verdict of scenarios/report/junit-report.xsd on a JUnit document: the problems libxml2
 * names, none when it is valid.
 */
export async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: SCHEMA,
  });
  return result.errors.map((error) => error.message);
}
