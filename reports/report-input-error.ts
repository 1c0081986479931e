/** The report cannot be built from what was asked (unknown run, missing database): a usage mistake. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}
