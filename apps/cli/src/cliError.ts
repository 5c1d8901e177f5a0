/** An error the user can act on: printed as it is, without a stack, with exit code 1. */
export class CliError extends Error {}
