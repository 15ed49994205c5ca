package io.scamflow.table;

/**
 * What one write did: the table, the Delta version it committed (or -1 when an idempotent append
 * was skipped because the same batch had already been committed), and the rows it wrote.
 */
public record WriteResult(String table, long version, long rowsWritten) {}
