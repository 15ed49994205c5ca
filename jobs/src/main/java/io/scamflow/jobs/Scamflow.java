package io.scamflow.jobs;

import io.scamflow.errors.ScamflowException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scamflow} command line. Global options live in {@link GlobalOptions}; each command is
 * one class registered in {@link #commandLine()}. Exit codes: 0 success, 1 a scamflow error (one
 * line on stderr saying what, why and how to fix), 2 a usage error, 3 an internal error.
 */
@Command(
    name = "scamflow",
    mixinStandardHelpOptions = true,
    versionProvider = Scamflow.Version.class,
    description = "Fuse bank, chain and sanctions data into Delta tables and surface scam flows.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Scamflow {
  @picocli.CommandLine.Mixin GlobalOptions global;

  public static final int EXIT_ERROR = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_INTERNAL = 3;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI without exiting: what tests call. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          ScamflowException user = userError(e);
          if (user != null) {
            err.println("scamflow: " + user.getMessage());
            return EXIT_ERROR;
          }
          err.println("scamflow: internal error: " + e);
          e.printStackTrace(err);
          return EXIT_INTERNAL;
        });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Scamflow());
    cli.addSubcommand(new SqlCommand());
    cli.addSubcommand(new TablesCommand());
    cli.addSubcommand(new DescribeCommand());
    cli.addSubcommand(new IngestCommand());
    cli.addSubcommand(new NightlyCommand());
    cli.addSubcommand(new GenerateCommand());
    cli.addSubcommand(new DemoCommand());
    cli.addSubcommand(new ScreenCommand());
    cli.addSubcommand(new EvaluateCommand());
    cli.addSubcommand(new ReportCommand());
    cli.addSubcommand(new StageCommand());
    cli.addSubcommand(new StagesCommand());
    cli.addSubcommand(new ServeCommand());
    return cli;
  }

  /** The user-facing error inside {@code e}, however deep Spark wrapped it. */
  static ScamflowException userError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ScamflowException s) {
        return s;
      }
    }
    return null;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Scamflow.class.getPackage().getImplementationVersion();
      return new String[] {"scamflow " + (v == null ? "dev" : v)};
    }
  }
}
