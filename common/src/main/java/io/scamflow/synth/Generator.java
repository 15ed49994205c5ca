package io.scamflow.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The synthetic scam economy generator: {@code generate(params, out, spark)} writes {@code
 * out/landing/<date>/<source>/<format>/...} in the real formats and {@code out/truth/}.
 *
 * <p>The scam world (operations, mules, victims, designations) is small and built on the driver;
 * the honest economy is procedural and written by independent tasks, one per (day, shard) plus one
 * per population chunk, each seeded by (seed, task) only: the same seed gives byte-identical files
 * whether the tasks run on the driver ({@link Scale#TINY}) or as Spark tasks.
 */
public final class Generator {
  private Generator() {}

  /** What a run wrote. */
  public record Result(long transfers, long launderingTransfers, int tasks, boolean usedSpark) {
    public double launderingShare() {
      return transfers == 0 ? 0 : (double) launderingTransfers / transfers;
    }
  }

  /**
   * Generates the world. {@code spark} is asked for a session only when the scale is above tiny (or
   * {@code forceSpark}); tiny runs every task on the driver.
   */
  public static Result generate(
      WorldParameters params, Path out, Supplier<SparkSession> spark, boolean forceSpark) {
    Path dir = out.toAbsolutePath();
    Population pop = new Population(params.seed(), params.persons(), params.businesses());
    ScamWorld world = ScamWorld.build(params, pop);
    Context ctx =
        new Context(
            params,
            dir.toString(),
            byShard(params, world.transfers),
            world.victims,
            kycByChunk(params, world));
    try {
      WorldFiles.write(params, dir, pop, world);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int tasks = params.days() * params.shardsPerDay() + params.populationTasks();
    List<ShardWriter.Counts> counts = new ArrayList<>();
    boolean useSpark = forceSpark || params.scale() != Scale.TINY;
    if (useSpark) {
      SparkSession session = spark.get();
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
      // Java-serialized once: Spark's Kryo cannot build serializers for records
      Broadcast<byte[]> shared = jsc.broadcast(serialize(ctx));
      List<Integer> ids = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        ids.add(t);
      }
      List<long[]> results =
          jsc.parallelize(ids, tasks)
              .map(
                  t -> {
                    ShardWriter.Counts c = runTask(context(shared.value()), t);
                    return new long[] {c.transfers(), c.laundering()};
                  })
              .collect();
      for (long[] c : results) {
        counts.add(new ShardWriter.Counts(c[0], c[1]));
      }
      shared.destroy();
    } else {
      for (int t = 0; t < tasks; t++) {
        counts.add(runTask(ctx, t));
      }
    }
    long transfers = 0;
    long laundering = 0;
    for (ShardWriter.Counts c : counts) {
      transfers += c.transfers();
      laundering += c.laundering();
    }
    Result result = new Result(transfers, laundering, tasks, useSpark);
    try {
      WorldFiles.summary(params, dir, result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** Everything a task needs, shipped once per executor as a broadcast. */
  record Context(
      WorldParameters params,
      String out,
      Map<String, List<Transfer>> scamByShard,
      TreeMap<Long, String> victims,
      Map<Integer, List<ScamWorld.KycLink>> kycByChunk)
      implements java.io.Serializable {}

  static String shardKey(int day, int shard) {
    return day + "/" + shard;
  }

  private static Map<String, List<Transfer>> byShard(WorldParameters p, List<Transfer> all) {
    Map<String, List<Transfer>> out = new TreeMap<>();
    for (Transfer t : all) {
      int day = (int) ((t.epochMilli() - p.dayStartMilli(0)) / 86_400_000L);
      int shard = (int) Math.floorMod(Rng.key(p.seed(), "assign:" + t.key()), p.shardsPerDay());
      out.computeIfAbsent(shardKey(day, shard), k -> new ArrayList<>()).add(t);
    }
    return out;
  }

  private static Map<Integer, List<ScamWorld.KycLink>> kycByChunk(WorldParameters p, ScamWorld w) {
    Map<Integer, List<ScamWorld.KycLink>> out = new TreeMap<>();
    for (ScamWorld.KycLink k : w.kyc) {
      int chunk =
          (int) Math.floorMod(Rng.key(p.seed(), "kyc:" + k.customerId()), p.populationTasks());
      out.computeIfAbsent(chunk, c -> new ArrayList<>()).add(k);
    }
    return out;
  }

  static ShardWriter.Counts runTask(Context ctx, int task) {
    WorldParameters p = ctx.params();
    Population pop = new Population(p.seed(), p.persons(), p.businesses());
    pop.victims = ctx.victims();
    Path out = Path.of(ctx.out());
    int transferTasks = p.days() * p.shardsPerDay();
    if (task < transferTasks) {
      int day = task / p.shardsPerDay();
      int shard = task % p.shardsPerDay();
      List<Transfer> transfers = new HonestEconomy(p, pop).shard(day, shard);
      List<Transfer> scam = ctx.scamByShard().get(shardKey(day, shard));
      if (scam != null) {
        transfers.addAll(scam);
        transfers.sort(Transfer::compareTo);
      }
      return new ShardWriter(p, out).write(day, shard, transfers);
    }
    int chunk = task - transferTasks;
    try {
      PopulationFiles.write(
          p, out, pop, chunk, ctx.victims(), ctx.kycByChunk().getOrDefault(chunk, List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ShardWriter.Counts(0, 0);
  }

  private static byte[] serialize(Context ctx) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(ctx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] cachedBytes;
  private static Context cachedContext;

  /** The context of a broadcast, deserialized once per executor JVM. */
  private static synchronized Context context(byte[] bytes) {
    if (cachedBytes != bytes) {
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
        cachedContext = (Context) in.readObject();
        cachedBytes = bytes;
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("cannot read the generator context", e);
      }
    }
    return cachedContext;
  }
}
