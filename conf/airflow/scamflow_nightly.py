"""scamflow's nightly run as an Airflow DAG: one spark-submit task per stage, in order.

The run date of every task is the DAG run's logical date ({{ ds }}): the run for D starts
once D is over and processes the landing files of D. A backfill is an Airflow backfill
(`airflow dags backfill -s D1 -e D2 scamflow_nightly`), one DAG run per date, in date order
(max_active_runs=1: a date's detection reads the days before it). Rerunning one date: clear
its DAG run (or one task and its downstream) in the UI or with `airflow tasks clear`; every
stage is idempotent for its date, so a rerun never duplicates.

Each task runs `io.scamflow.jobs.stage.StageJob --stage NAME` from the cluster job jar
(`mvn -Pcluster package` -> jobs/target/scamflow-jobs-<version>-cluster.jar) and is
recorded in ops.runs under NAME. STAGES is the order `scamflow stages` prints; a test
(TestSchedules) fails when it drifts from the stage registry.

Deployment settings come from Airflow Variables (no secrets here: S3 credentials come from
the workers' AWS provider chain or the Spark connection's environment).
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.models.baseoperator import chain
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JOB_JAR = Variable.get(
    "scamflow_job_jar", default_var="/opt/scamflow/scamflow-jobs-cluster.jar"
)
CONF_FILE = Variable.get("scamflow_conf_file", default_var="/opt/scamflow/conf/cluster.conf")
LANDING = Variable.get("scamflow_landing", default_var="s3a://scamflow/landing")
STAGE_JOB = "io.scamflow.jobs.stage.StageJob"

# The nightly run's stages in order, as `scamflow stages` lists them.
# BEGIN STAGES
STAGES = [
    "ingest.bank.iso20022-pacs008",
    "ingest.bank.swift-mt103",
    "ingest.bank.ibm-aml-csv",
    "ingest.bank.amlsim-csv",
    "ingest.bank.iso20022-camt053",
    "ingest.bank.iso20022-camt054",
    "ingest.bank.iso20022-pain001",
    "ingest.bank.goaml-xml",
    "ingest.reference.fx-rates-csv",
    "ingest.chain.trc20-json",
    "ingest.chain.erc20-csv",
    "ingest.chain.address-tags-csv",
    "ingest.chain.btc-json",
    "ingest.kyc.vasp-kyc-csv",
    "ingest.sanctions.ofac-sdn-csv",
    "ingest.sanctions.ofac-cons-csv",
    "ingest.sanctions.ofac-sdn-xml",
    "ingest.sanctions.un-sc-xml",
    "ingest.sanctions.ofac-sdn-advanced-xml",
    "ingest.sanctions.uk-fcdo",
    "ingest.sanctions.eu-fsf-xml",
    "ingest.sanctions.opensanctions-ftm",
    "ingest.sanctions.address-watchlist-csv",
    "silver.fx_rates",
    "silver.fiat",
    "silver.vasp_links",
    "silver.chain",
    "silver.sanctions",
    "silver.transfer_edges",
    "dq.checks",
    "silver.entities",
    "gold.screening_hits",
    "gold.exposure",
    "silver.account_baselines",
    "silver.entity_baselines",
    "gold.alerts",
    "gold.flows",
    "gold.networks",
    "gold.entity_risk",
    "gold.cases",
]
# END STAGES

default_args = {
    "owner": "scamflow",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=3),
}

with DAG(
    dag_id="scamflow_nightly",
    description="scamflow nightly run: ingest, silver, resolution, screening, detection",
    schedule="30 1 * * *",  # 01:30 UTC: after the day's landing files have arrived
    start_date=datetime(2026, 1, 1),
    catchup=False,  # backfills are explicit: airflow dags backfill
    max_active_runs=1,
    default_args=default_args,
    tags=["scamflow"],
) as dag:
    tasks = [
        SparkSubmitOperator(
            task_id=stage.replace(".", "__").replace("-", "_"),
            conn_id="spark_default",
            application=JOB_JAR,
            java_class=STAGE_JOB,
            name="scamflow-" + stage,
            application_args=[
                "--conf-file",
                CONF_FILE,
                "--stage",
                stage,
                "--run-date",
                "{{ ds }}",
                "--landing",
                LANDING,
            ],
        )
        for stage in STAGES
    ]
    chain(*tasks)
