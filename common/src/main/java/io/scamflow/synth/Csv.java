package io.scamflow.synth;

/** CSV field quoting (RFC 4180): quote only when needed. */
final class Csv {
  private Csv() {}

  static String f(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  static String row(String... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(f(fields[i]));
    }
    return sb.append('\n').toString();
  }
}
