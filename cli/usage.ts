/** The help text: every command and option with its default. */
export const USAGE = `import-harness — simulator, scenario replay and contract harness for the
Tuum data import API

Usage:
  import-harness replay [FILES|DIRS…] [options]   replay scenario files (default: the bundled
                                                  library)
  import-harness serve [options]                  start the simulator and keep it running
  import-harness contracts [--pact-dir DIR]       regenerate the consumer pact file (default:
                                                  pacts/)
  import-harness verify [options]                 verify a provider against pact files or a broker
  import-harness publish [options]                publish pact files to the Pact Broker (env)
  import-harness explore [options]                run generated cases; shrink and save the first
                                                  failure
  import-harness validate FILE… [options]         check import files offline as the simulator
                                                  would
  import-harness help                             show this text (also: <command> --help)
  import-harness --version                        show the version

replay options:
  --target URL          run against a provider at URL (default: an embedded simulator)
  --control-api         the target is an import-harness simulator: use its control API,
                        resetting it before each scenario, so every scenario can run
  --token T             x-auth-token to send (default: import-harness)
  --report FORMAT:FILE  also write a report; FORMAT is json or junit (one test case per
                        scenario); may be repeated

serve options:
  --host HOST                   interface to listen on (default: 127.0.0.1)
  --port N                      port (default: 4010; 0 picks a free port)
  --pace P                      instant, step, or milliseconds per transition (default: 250)
  --reference-data FILE         JSON file with code catalogues replacing the defaults
  --discard-from-failed MODE    keep-created (default) or rollback
  --same-file-references        count references to entities in the same file as existing
  --no-unique-source-ref        allow the same sourceName + sourceRef twice per tenant
  --max-body-bytes N            largest request body (default: 1073741824)
  --memory-upload-bytes N       larger uploads are spooled to disk (default: 1048576)
  --spool-dir DIR               where spooled uploads wait to be read (default: system temp)
  --no-control-api              do not mount the control API under /__simulator
  --control-api                 mount it even when --host is not a loopback address
                                (default: mounted on loopback only)
  --users FILE                  JSON users file; tokens from H-7 then expire and each user
                                sees only its tenants
  --limit NAME=N                change a limit, e.g. maxProcesses=50000; may be repeated
  --log-level LEVEL             debug, info (default), warn, error or silent; one line per request
  --log-format FORMAT           json or pretty (default: pretty on a terminal, json otherwise)

verify options:
  --provider-base-url URL   provider to verify (default: an embedded simulator, pace instant)
  --pact-url FILE_OR_URL    a pact file or URL; may be repeated
  --pact-dir DIR            every .json pact in DIR; may be repeated (default without
                            --pact-url and --broker-url: the bundled pacts/)
  --token T                 x-auth-token for state set-ups and for requests that send one
  --tenant T                tenant of provider states that name none (default: harness)
  --broker-url URL          fetch pacts from a Pact Broker (PACT_BROKER_TOKEN, or
                            PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, from the env)
  --provider-version V      provider version the results are recorded for (with --publish)
  --branch B                provider branch; also selects consumer pacts of the same branch
  --publish                 publish the verification results to the broker
  --report FORMAT:FILE      also write a report; FORMAT is json or junit (one test case per
                            interaction); may be repeated

publish options (broker from PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN or
PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD):
  --pact-dir DIR            the pact files to publish (default: pacts/)
  --consumer-version V      version of the consumer (default: PACT_CONSUMER_VERSION)
  --branch B                consumer branch (default: PACT_CONSUMER_BRANCH)
  --tag T                   a tag for the version; may be repeated

explore options:
  --runs N              cases to generate (default: 100)
  --seed S              seed of the generator; the same seed generates the same cases
                        (default: random)
  --target URL          run against a provider at URL, only cases that need no control API
                        (default: an embedded simulator)
  --token T             x-auth-token to send (default: import-harness)
  --out DIR             where the shrunk failing case is written (default: reports/explore)
  --max-steps K         most client steps per case (default: 8)
  --disputed            also generate cases in the territory of known findings (see README)
  --report FORMAT:FILE  also write a report; FORMAT is json or junit (one test case per
                        generated case); may be repeated

validate options (each FILE gets the status its import would reach: ERROR, REJECTED or ready
to send, with every problem; files are judged in the order given, as if imported one after
another and created in full, so the entities of a file that is ready to send count as
existing in the tenant for the files after it):
  --tenant-state FILE       entities already in the tenant: the answer of
                            GET /__simulator/tenants/{tenant}/entities, or
                            {"persons": [KEYS], "accounts": […], "transactions": […],
                            "contracts": […]} (default: an empty tenant)
  --format FORMAT           text (default) or json
  --same-file-references    count references to entities in the same file as existing
  --reference-data FILE     JSON file with code catalogues replacing the defaults
  --limit NAME=N            change a limit on reading a file: maxEntitiesPerFile,
                            maxNestingDepth, maxValuesPerEntity or
                            maxValidationReportBytes; may be repeated
  validate exits 0 when every file is ready to send, 1 when one would be REJECTED or end
  in ERROR, 2 for a usage error or a file that cannot be read.

Exit codes: 0 everything passed, 1 something failed, 2 usage or file error.
`;
