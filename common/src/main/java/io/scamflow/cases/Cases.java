package io.scamflow.cases;

import io.scamflow.table.TableContract;
import io.scamflow.transfers.SilverTransfers;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * gold.cases: one row per case per run date. A case is a network of the suspicious subgraph
 * (gold.networks) with its alerts, money, exposure, score and reasons; it keeps its id while its
 * network persists and is re-alerted only on new material risk (see docs/cases.md).
 */
public final class Cases {
  private Cases() {}

  static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType);

  /** One exposure path of a case: members' funds reaching a designated node. */
  static final StructType PATH =
      new StructType()
          .add("node", DataTypes.StringType)
          .add("direction", DataTypes.StringType)
          .add("path", STRINGS)
          .add("transfers", STRINGS)
          .add("designated_node", DataTypes.StringType)
          .add("list_id", DataTypes.StringType)
          .add("list_version", DataTypes.StringType)
          .add("hops", DataTypes.IntegerType)
          .add("exposure_usd", SilverTransfers.USD);

  /** One additive part of the score. */
  static final StructType REASON =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("detail", DataTypes.StringType)
          .add("contribution", DataTypes.DoubleType);

  public static final TableContract TABLE =
      TableContract.builder("gold.cases")
          .comment(
              "One row per case per run date: a network of suspicious accounts, addresses and"
                  + " entities with its alerts, traced money, list exposure, score and reasons; the"
                  + " case id persists across runs and realert says whether an analyst must look"
                  + " again")
          .column("run_date", DataTypes.DateType, false, "Run date this row describes")
          .column(
              "case_id",
              DataTypes.StringType,
              false,
              "Stable case id: kept while the network persists, the older one kept on a merge")
          .column(
              "status",
              DataTypes.StringType,
              false,
              "NEW (first seen today), UPDATED (changed since the previous run), UNCHANGED, or"
                  + " CLOSED (its network is gone, or it was merged into merged_into)")
          .column(
              "network_id",
              DataTypes.StringType,
              "gold.networks network_id of the case on run_date (null when CLOSED)")
          .column("first_seen", DataTypes.DateType, false, "Run date the case was opened")
          .column("last_changed", DataTypes.DateType, false, "Last run date its content changed")
          .column("last_alerted", DataTypes.DateType, false, "Last run date it was (re-)alerted")
          .column(
              "realert",
              DataTypes.BooleanType,
              false,
              "True when the case needs an analyst today: new, or new material risk")
          .column(
              "realert_reasons",
              STRINGS,
              "Why it was (re-)alerted: new case, new members, new designated nodes, new"
                  + " exposure, more money, new typologies, merge")
          .column("merged_case_ids", STRINGS, "Case ids merged into this one on run_date")
          .column("merged_into", DataTypes.StringType, "For a CLOSED merged case: the survivor")
          .column(
              "split_from", DataTypes.StringType, "Case this one split off from, if it did today")
          .column("members", STRINGS, "Every node of the network (accounts, addresses, entities)")
          .column("member_count", DataTypes.IntegerType, false, "Number of members")
          .column("designated_nodes", STRINGS, "Members designated by a sanctions list hit")
          .column("victims", STRINGS, "Members in the VICTIM role")
          .column("alert_ids", STRINGS, "gold.alerts ids of run_date touching a member")
          .column("typologies", STRINGS, "Distinct typologies of those alerts")
          .column(
              "traced_usd",
              SilverTransfers.USD,
              "Victims' money traced into the network (gold.flows FORWARD, first hops)")
          .column(
              "designated_usd",
              SilverTransfers.USD,
              "Money traced into the case's designated wallets (gold.flows BACKWARD)")
          .column(
              "alerted_usd",
              SilverTransfers.USD,
              "traced_usd when the case was last alerted: the baseline for 'more money'")
          .column(
              "exposed_designated",
              STRINGS,
              "Designated nodes the members' funds reach or come from (gold.exposure)")
          .column(
              "top_paths",
              DataTypes.createArrayType(PATH),
              "Strongest exposure paths: members' funds to or from designated nodes, most USD"
                  + " first")
          .column(
              "strongest_list_exposure",
              PATH,
              "The exposure with fewest hops (then most USD): list, list version, hops, path")
          .column("score", DataTypes.DoubleType, false, "Sum of the reasons' contributions")
          .column(
              "reasons",
              DataTypes.createArrayType(REASON),
              "What the score is made of, largest contribution first")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("case_id")
          .build();
}
