/** An error the user can act on: printed as it is, without a stack, with its exit code (1 unless said). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}
