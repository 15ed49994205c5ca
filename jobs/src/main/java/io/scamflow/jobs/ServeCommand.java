package io.scamflow.jobs;

import io.scamflow.ScamflowTables;
import io.scamflow.config.Settings;
import io.scamflow.errors.Errors;
import io.scamflow.table.Lakehouse;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import scala.Option;

/**
 * {@code scamflow serve}: a Spark Connect server over the lakehouse catalog, so notebooks and
 * analysts' tools query {@code gold.alerts} and the other tables by name from a thin client ({@code
 * sc://127.0.0.1:15002}). Runs until interrupted (Ctrl-C or SIGTERM), then stops the server.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the lakehouse tables over Spark Connect (sc://HOST:PORT, from scamflow.serve.*)"
            + " until stopped.")
final class ServeCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Server server = Server.start(root.global.lakehouse(), root.global.settings());
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "scamflow-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    var out = spec.commandLine().getOut();
    out.println(
        "scamflow: serving " + server.url() + " over " + root.global.settings().lakehouse());
    out.println("scamflow: stop with Ctrl-C (or kill " + ProcessHandle.current().pid() + ")");
    out.flush();
    stopped.await();
    return 0;
  }

  /** A running Spark Connect server over one lakehouse; closing it stops the server. */
  static final class Server implements AutoCloseable {
    private final String host;
    private final int port;
    private boolean closed;

    private Server(String host, int port) {
      this.host = host;
      this.port = port;
    }

    /**
     * Starts the server in this JVM over the lakehouse's session: every client session is a new
     * session of it, sharing its catalog, so every registered table is there by name.
     */
    static Server start(Lakehouse lakehouse, Settings settings) {
      lakehouse.ensureAll(ScamflowTables.all());
      String host = settings.string("scamflow.serve.host");
      int port = settings.integer("scamflow.serve.port");
      // The service reads its address from the running context's conf, which may have been
      // built before this command (a shared session), so it is set there and not at build time.
      SparkEnv.get().conf().set("spark.connect.grpc.binding.address", host);
      SparkEnv.get().conf().set("spark.connect.grpc.binding.port", String.valueOf(port));
      SparkEnv.get().conf().set("spark.connect.grpc.port.maxRetries", "0");
      var service = SparkConnectService$.MODULE$;
      try {
        service.start(lakehouse.spark().sparkContext());
      } catch (RuntimeException e) {
        throw Errors.invalidArgument(
            "scamflow.serve.port " + port,
            "the Spark Connect server could not listen on " + host + ":" + port + " (" + e + ")",
            "Stop what uses that port or pick another with -c serve.port=N");
      }
      return new Server(host, service.localPort());
    }

    String url() {
      return "sc://" + host + ":" + port;
    }

    int port() {
      return port;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        SparkConnectService$.MODULE$.stop(Option.apply(10L), Option.apply(TimeUnit.SECONDS));
      }
    }
  }
}
