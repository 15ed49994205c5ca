package io.scamflow.errors;

import java.nio.file.Path;

/** Builds every user-facing error, each saying what went wrong, why, and how to fix it. */
public final class Errors {
  private Errors() {}

  private static ScamflowException error(
      String errorClass, String what, String why, String fix, Throwable cause) {
    String message = what + (why.isEmpty() ? "" : ": " + why) + (fix.isEmpty() ? "" : ". " + fix);
    return new ScamflowException(errorClass, message.replace('\n', ' '), cause);
  }

  public static ScamflowException unknownConfigKey(String key, String closest, String origin) {
    String fix =
        closest == null
            ? "Declared settings are listed in common/src/main/resources/reference.conf"
            : "Did you mean '" + closest + "'?";
    return error(
        "CONFIG_UNKNOWN_KEY",
        "Unknown setting '" + key + "'",
        "no such scamflow setting is declared (set in " + origin + ")",
        fix,
        null);
  }

  public static ScamflowException badConfigValue(String key, String problem, Throwable cause) {
    return error(
        "CONFIG_BAD_VALUE",
        "Setting '" + key + "' is invalid",
        problem,
        "Fix it in the conf file, the environment or the -c option that sets it",
        cause);
  }

  public static ScamflowException badOverride(String text) {
    return error(
        "CONFIG_BAD_OVERRIDE",
        "Cannot read the override '" + text + "'",
        "an override has the form key=value",
        "Write it as -c scamflow.lakehouse=/data/lake or -c spark.executor.memory=4g",
        null);
  }

  public static ScamflowException confFileUnreadable(Path file, Throwable cause) {
    return error(
        "CONFIG_FILE_UNREADABLE",
        "Cannot read the conf file " + file,
        cause.getMessage() == null ? cause.toString() : cause.getMessage(),
        "Check that the file exists and is valid HOCON",
        cause);
  }

  public static ScamflowException unknownTable(String name) {
    return error(
        "TABLE_UNKNOWN",
        "No table named '" + name + "'",
        "it is neither declared by scamflow nor present in the lakehouse",
        "Run 'scamflow tables' to list the tables",
        null);
  }

  public static ScamflowException queryFailed(String query, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    int cut = reason.indexOf('\n');
    return error(
        "QUERY_FAILED",
        "The query failed",
        cut > 0 ? reason.substring(0, cut) : reason,
        "Check table and column names with 'scamflow tables' and 'scamflow describe TABLE'",
        cause);
  }

  public static ScamflowException schemaMismatch(String table, String detail) {
    return error(
        "TABLE_SCHEMA_MISMATCH",
        "Data written to " + table + " does not match its declared schema",
        detail,
        "Change the writer, or evolve the table contract explicitly (TableContract.evolve)",
        null);
  }

  public static ScamflowException reconciliationFailed(
      String stage, long read, long accepted, long quarantined) {
    return error(
        "RECONCILIATION_FAILED",
        "Stage " + stage + " lost records",
        "read "
            + read
            + " but accepted "
            + accepted
            + " + quarantined "
            + quarantined
            + " = "
            + (accepted + quarantined),
        "This is a bug in the stage: every record read must be accepted or quarantined",
        null);
  }

  public static ScamflowException unreadableFile(String file, Throwable cause) {
    return error(
        "FILE_UNREADABLE",
        "Cannot read " + file,
        cause.getMessage() == null ? cause.toString() : cause.getMessage(),
        "Check the file is complete and in the format its folder names; nothing from it was loaded",
        cause);
  }

  public static ScamflowException invalidArgument(String what, String why, String fix) {
    return error("INVALID_ARGUMENT", what, why, fix, null);
  }

  public static ScamflowException dataQualityFailed(String check, String table, String detail) {
    return error(
        "DATA_QUALITY_FAILED",
        "Data-quality check " + check + " failed on " + table,
        detail,
        "The run stopped before building on this data; see ops.dq_results and"
            + " docs/operations.md, fix the input, then rerun the same date (it resumes)",
        null);
  }
}
