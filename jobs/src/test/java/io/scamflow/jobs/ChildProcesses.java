package io.scamflow.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The processes a test starts (servers, a cluster, client JVMs), each stopped by its PID together
 * with whatever it started itself (a Spark worker's executors): on close, and from a shutdown hook
 * if the test JVM is ended first.
 */
final class ChildProcesses implements AutoCloseable {
  private final List<Process> started = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "stop-test-children");

  ChildProcesses() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts {@code command} with extra environment, its output (both streams) to {@code log}. */
  synchronized Process start(List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      started.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** The java of this JVM, for child JVMs. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until something listens on 127.0.0.1:{@code port}, or fails after {@code timeout}. */
  static void awaitPort(int port, Duration timeout, Process owner) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!owner.isAlive()) {
        throw new IllegalStateException("process " + owner.pid() + " exited before listening");
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("nothing listens on 127.0.0.1:" + port + " after " + timeout);
  }

  private synchronized void stopAll() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Process p = started.get(i);
      List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
      tree.add(p.toHandle());
      for (ProcessHandle h : tree) {
        h.destroy();
      }
      for (ProcessHandle h : tree) {
        try {
          h.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
        }
      }
    }
    started.clear();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing left to do
    }
  }
}
