package io.scamflow.errors;

/**
 * The one exception a scamflow user sees. Its message says what went wrong, why, and how to fix it,
 * on one line, so the CLI can print it as is. Build it through {@link Errors}.
 */
public final class ScamflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorClass;

  ScamflowException(String errorClass, String message, Throwable cause) {
    super(message, cause);
    this.errorClass = errorClass;
  }

  /**
   * A stable name for the kind of error, e.g. {@code CONFIG_UNKNOWN_KEY}, for scripts and tests.
   */
  public String errorClass() {
    return errorClass;
  }
}
