package io.scamflow.synth;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Every knob of the synthetic world in one place (documented in docs/world-model.md). Build one
 * with {@link #of(Scale, LocalDate, int, long)} and adjust with the {@code with...} methods.
 *
 * @param honestPerDay honest transfers on an average weekday (weekends are scaled down)
 * @param shardsPerDay Spark tasks (and file sets) per day; each derives its randomness from (seed,
 *     day, shard) and writes its own files
 * @param persons honest persons (each has 1-3 bank accounts, some at a second bank or country)
 * @param businesses honest businesses (merchants, employers, suppliers, utilities)
 * @param populationChunk persons per population task (truth and KYC files for honest parties)
 * @param operations scam operations (compounds), each with its own victims, mules and wallets
 * @param victimsPerOperation pig-butchering victims per operation
 * @param minLaunderingShare lowest share of laundering transfers the scale is configured for
 * @param maxLaunderingShare highest share (the issue demands at least 97% honest)
 * @param personSkew exponent of the heavy-tailed draw of active persons (1 = uniform)
 * @param merchantSkew exponent of the heavy-tailed draw of merchants (larger = heavier tail)
 * @param minTopMerchantShare lowest configured share of retail payments won by the top 1% of
 *     merchants
 * @param maxTopMerchantShare highest such share
 * @param weekendFactor bank volume on Saturday and Sunday relative to a weekday
 * @param secondListDay day index of the second sanctions publication (clamped to the last day)
 */
public record WorldParameters(
    Scale scale,
    long seed,
    LocalDate start,
    int days,
    long honestPerDay,
    int shardsPerDay,
    long persons,
    long businesses,
    long populationChunk,
    int operations,
    int victimsPerOperation,
    double minLaunderingShare,
    double maxLaunderingShare,
    double personSkew,
    double merchantSkew,
    double minTopMerchantShare,
    double maxTopMerchantShare,
    double weekendFactor,
    int secondListDay)
    implements Serializable {

  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 3, 2);

  public static WorldParameters of(Scale scale, LocalDate start, int days, long seed) {
    // per-day volumes assume the default 7 days, so a week gives the advertised total
    return switch (scale) {
      case TINY ->
          new WorldParameters(
              scale, seed, start, days, 1_700, 1, 3_000, 400, 100_000, 2, 5, 0.003, 0.03, 1.6, 3.0,
              0.08, 0.6, 0.6, 3);
      case SMALL ->
          new WorldParameters(
              scale, seed, start, days, 155_000, 4, 100_000, 8_000, 100_000, 30, 25, 0.002, 0.03,
              1.6, 3.0, 0.08, 0.6, 0.6, 3);
      case MEDIUM ->
          new WorldParameters(
              scale, seed, start, days, 1_550_000, 16, 1_000_000, 60_000, 200_000, 80, 60, 0.0005,
              0.03, 1.6, 3.0, 0.08, 0.6, 0.6, 3);
      case LARGE ->
          new WorldParameters(
              scale,
              seed,
              start,
              days,
              15_500_000,
              128,
              5_000_000,
              300_000,
              250_000,
              200,
              100,
              0.0002,
              0.03,
              1.6,
              3.0,
              0.08,
              0.6,
              0.6,
              3);
    };
  }

  public WorldParameters withOperations(int n) {
    return new WorldParameters(
        scale,
        seed,
        start,
        days,
        honestPerDay,
        shardsPerDay,
        persons,
        businesses,
        populationChunk,
        n,
        victimsPerOperation,
        minLaunderingShare,
        maxLaunderingShare,
        personSkew,
        merchantSkew,
        minTopMerchantShare,
        maxTopMerchantShare,
        weekendFactor,
        secondListDay);
  }

  /** Honest transfers of one shard on day {@code day} (weekends scaled by weekendFactor). */
  long honestPerShard(int day) {
    java.time.DayOfWeek dow = start.plusDays(day).getDayOfWeek();
    boolean weekend = dow == java.time.DayOfWeek.SATURDAY || dow == java.time.DayOfWeek.SUNDAY;
    return Math.round(honestPerDay * (weekend ? weekendFactor : 1.0) / shardsPerDay);
  }

  int populationTasks() {
    return (int) ((persons + populationChunk - 1) / populationChunk);
  }

  /** Day index (0-based) of the second sanctions publication, or -1 when there is only one day. */
  int laterListDay() {
    return days < 2 ? -1 : Math.min(secondListDay, days - 1);
  }

  LocalDate date(int day) {
    return start.plusDays(day);
  }

  long dayStartMilli(int day) {
    return date(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
