/**
 * Excel on the web refuses a request or a response above 5 MB and a range
 * operation above 5 million cells; we stay well under both.
 */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/** The size Excel on the web refuses beyond: a refused read weighs at least that much. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** The budget of a second attempt, when Excel refused a write batch all the same. */
export const RETRY_BUDGET_BYTES = 1_000_000;
/** The write budgets tried in turn. */
export const WRITE_BUDGETS: readonly number[] = [PAYLOAD_BUDGET_BYTES, RETRY_BUDGET_BYTES];
export const CELL_LIMIT = 5_000_000;
/** First guess of a read cell's cost: value + value type + number format, as JSON. */
export const READ_BYTES_PER_CELL_GUESS = 60;
/** A measured cost is raised by this margin before sizing the next reads. */
export const READ_MARGIN = 1.25;
/** Rough JSON cost of one small write (format, table, chart call). */
export const SMALL_OP_BYTES = 200;
