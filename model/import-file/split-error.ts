/** A syntax error outside the elements: what was found and where. */
export class SplitError extends Error {
  constructor(
    readonly offset: number,
    detail: string,
  ) {
    super(detail);
  }
}
