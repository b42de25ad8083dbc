/** The help text: every command and option with its default. */
export const USAGE = `import-harness — simulator, scenario replay and contract harness for the Tuum data import API

Usage:
  import-harness replay [FILES|DIRS…] [options]   replay scenario files (default: the bundled library)
  import-harness serve [options]                  start the simulator and keep it running
  import-harness help                             show this text

replay options:
  --target URL          run against a provider at URL (default: an embedded simulator)
  --token T             x-auth-token to send (default: import-harness)
  --report FORMAT:FILE  also write a report; FORMAT is json or junit; may be repeated

serve options:
  --host HOST                   interface to listen on (default: 127.0.0.1)
  --port N                      port (default: 4010; 0 picks a free port)
  --pace P                      instant, step, or milliseconds per transition (default: 250)
  --reference-data FILE         JSON file with code catalogues replacing the defaults
  --discard-from-failed MODE    keep-created (default) or rollback
  --same-file-references        count references to entities in the same file as existing
  --no-unique-source-ref        allow the same sourceName + sourceRef twice per tenant
  --max-body-bytes N            largest request body (default: 67108864)
  --no-control-api              do not mount the control API under /__simulator

Exit codes: 0 everything passed, 1 something failed, 2 usage or file error.
`;
