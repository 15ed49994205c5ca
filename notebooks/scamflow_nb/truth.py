"""The generator's ground truth (``<world>/truth/``) joined to what the pipeline built.

A generated world knows, for every transfer, whether it launders money and under which
typology. The pipeline never sees that; these helpers put the two side by side so a notebook
can measure the detectors. Matching a silver transfer to its truth row uses what the source
record carried:

* chain transfers: the transaction hash (and log index, for ERC-20);
* bank transfers with a UETR (pacs.008, MT103): ``natural_ref = 'UETR:' || lower(uetr)``;
* the AMLworld CSV (no id): the file and the physical line the reader recorded in ``sources``.
"""

from __future__ import annotations

from . import truth_files, world_dir

# Detector typology -> the truth typologies it is meant to find.
DETECTOR_TARGETS = {
    "fan_in": ["fan_in"],
    "fan_out": ["fan_out"],
    "rapid_pass_through": ["rapid_pass_through"],
    "structuring": ["structuring"],
}


def read_truth(spark, kind: str):
    """One truth table as a DataFrame of strings (CSV with header), or None without a world."""
    files = truth_files(kind)
    if not files:
        return None
    return spark.read.option("header", "true").csv(files)


def require_world():
    """The world folder; raises with how to get one when neither SCAMFLOW_WORLD nor ./demo-world."""
    world = world_dir()
    if world is None:
        raise RuntimeError(
            "no generated world: set SCAMFLOW_WORLD to a folder written by"
            " `./scamflow generate --out DIR` (or run ./scamflow demo, which writes ./demo-world)"
        )
    return world


def matched_transfers(spark):
    """silver.transfers rows paired with their truth rows.

    Columns: transfer_id, truth_id, rail, run_date, amount_usd, laundering (0/1), typology,
    scheme_id, from_role, to_role. One row per silver transfer that has a truth row.
    """
    truth = read_truth(spark, "transfers")
    if truth is None:
        require_world()
    truth.createOrReplaceTempView("_truth_transfers")
    return spark.sql(
        """
        WITH t AS (
          SELECT transfer_id AS truth_id, format, file, CAST(line AS BIGINT) AS line, record_id,
                 lower(uetr) AS uetr, CAST(log_index AS BIGINT) AS log_index,
                 CAST(laundering AS INT) AS laundering, typology, scheme_id, from_role, to_role
          FROM _truth_transfers
        ),
        s AS (SELECT * FROM silver.transfers),
        chain AS (
          SELECT s.transfer_id, t.* FROM s JOIN t
            ON s.rail = 'CHAIN' AND s.tx_hash = t.record_id
           AND (t.log_index IS NULL OR s.log_index = t.log_index)
        ),
        uetr AS (
          SELECT s.transfer_id, t.* FROM s JOIN t
            ON s.rail = 'FIAT' AND t.uetr IS NOT NULL AND s.natural_ref = concat('UETR:', t.uetr)
        ),
        csv AS (
          SELECT x.transfer_id, t.* FROM
            (SELECT transfer_id, src FROM s LATERAL VIEW explode(sources) e AS src
              WHERE rail = 'FIAT' AND natural_ref NOT LIKE 'UETR:%') x
          JOIN t ON t.uetr IS NULL AND x.src.format = t.format
           AND x.src.position = concat('line ', CAST(t.line AS STRING))
           AND endswith(x.src.file, concat('/', t.file))
        ),
        pairs AS (
          SELECT * FROM chain UNION ALL SELECT * FROM uetr UNION ALL SELECT * FROM csv
        )
        SELECT p.transfer_id, min(p.truth_id) AS truth_id, max(p.laundering) AS laundering,
               max(p.typology) AS typology, max(p.scheme_id) AS scheme_id,
               max(p.from_role) AS from_role, max(p.to_role) AS to_role
        FROM pairs p GROUP BY p.transfer_id
        """
    ).join(
        spark.table("silver.transfers").select("transfer_id", "rail", "run_date", "amount_usd"),
        "transfer_id",
    )


def alert_truth(spark, matched):
    """gold.alerts with what the truth says about their transfers.

    Columns: alert_id, run_date, typology, score, amount_usd, transfers (how many),
    laundering_transfers, laundering_share, truth_typologies (array), correct (the majority of
    the alert's transfers launder money).
    """
    matched.createOrReplaceTempView("_matched")
    return spark.sql(
        """
        SELECT a.alert_id, a.run_date, a.typology, a.score, a.amount_usd,
               count(m.transfer_id) AS transfers,
               coalesce(sum(m.laundering), 0) AS laundering_transfers,
               coalesce(sum(m.laundering), 0) / greatest(count(m.transfer_id), 1)
                 AS laundering_share,
               array_sort(collect_set(CASE WHEN m.laundering = 1 THEN m.typology END))
                 AS truth_typologies,
               coalesce(sum(m.laundering), 0) * 2 > count(m.transfer_id) AS correct
        FROM gold.alerts a
        LATERAL VIEW explode(a.transfer_ids) e AS tid
        LEFT JOIN _matched m ON m.transfer_id = e.tid
        GROUP BY a.alert_id, a.run_date, a.typology, a.score, a.amount_usd
        """
    )
