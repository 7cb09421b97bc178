/**
 * Problems with training data, reported as `file:line: message` without a stack trace
 * (cli.md: exit code 1, the input is wrong). Data code throws `DataError`; the commands
 * catch it and print it.
 */
export class DataError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "DataError";
  }

  /** `file:line: message`, or just the message when there is no location. */
  format(): string {
    const where =
      this.file === undefined
        ? ""
        : this.line === undefined
          ? `${this.file}: `
          : `${this.file}:${this.line}: `;
    return `${where}${this.message}`;
  }
}
