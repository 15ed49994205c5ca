"""Open the scamflow lakehouse from Python with the same session the jobs build.

``open_lakehouse()`` starts a Spark driver JVM with the project's own jars on its classpath
(scamflow's common and jobs jars, Delta 4.4.0 and everything the ./scamflow launcher runs with),
then asks the project's own Java code for the session and the catalog:

* ``io.scamflow.config.Settings.load`` resolves the configuration exactly as the CLI does
  (``-c``-style overrides, then environment such as ``SCAMFLOW_LAKEHOUSE``, then
  ``conf/local.conf``, then the declared defaults);
* ``io.scamflow.spark.SparkSessions.create`` builds the session (Delta, UTC, Kryo, AQE,
  checkpoint directory) and ``io.scamflow.table.Lakehouse.open`` registers every Delta table
  under ``<lakehouse>/<database>/<table>`` by name (bronze, silver, gold, ops).

So a notebook reads the tables with the jobs' code and versions, not a second Delta from PyPI.
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

__all__ = [
    "home",
    "open_lakehouse",
    "table_exists",
    "missing_tables",
    "world_dir",
    "lakehouse_root",
]

_session = None
_root = None


def home() -> Path:
    """The scamflow checkout: env SCAMFLOW_HOME, else the folder above notebooks/."""
    env = os.environ.get("SCAMFLOW_HOME")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


def _pyspark_jar_names() -> set[str]:
    import pyspark

    jars = Path(pyspark.__file__).parent / "jars"
    return {p.name for p in jars.glob("*.jar")}


def project_classpath() -> list[str]:
    """The jars the jobs run with, in the launcher's order.

    Env SCAMFLOW_CLASSPATH (a path-separated list, as the JUnit test passes its own) wins;
    otherwise the ./scamflow launcher's files: jobs/target/scamflow-jobs.jar and
    jobs/target/classpath.txt (which lists the common jar and every dependency).
    """
    env = os.environ.get("SCAMFLOW_CLASSPATH")
    if env:
        entries = [e for e in env.split(os.pathsep) if e]
    else:
        target = home() / "jobs" / "target"
        cp_file = target / "classpath.txt"
        jobs_jar = target / "scamflow-jobs.jar"
        if not cp_file.is_file() or not jobs_jar.is_file():
            raise RuntimeError(
                f"scamflow is not built: {cp_file} or {jobs_jar} is missing. Build it once with"
                f" `cd {home()} && mvn -B -q -DskipTests install` (or run ./scamflow tables),"
                " then restart the kernel."
            )
        entries = [str(jobs_jar)] + [
            e for e in cp_file.read_text().strip().split(os.pathsep) if e
        ]
    # Jars identical (same file name, so same artifact and version) to pyspark's own are
    # already on the driver's classpath; the rest (Delta, scamflow, Typesafe Config, ICU4J,
    # ...) go in front, so the jobs' versions win wherever they differ.
    shipped = _pyspark_jar_names()
    return [e for e in entries if Path(e).name not in shipped]


def _check_spark_version(jvm_version: str) -> None:
    import pyspark

    if jvm_version != pyspark.__version__:
        raise RuntimeError(
            f"pyspark {pyspark.__version__} but the jobs use Spark {jvm_version}: install"
            f" the pinned requirements (pip install -r {home() / 'notebooks' / 'requirements.txt'})"
        )


def open_lakehouse(root: str | None = None, overrides: dict | None = None):
    """A SparkSession on the lakehouse at ``root`` with every table registered by name.

    ``root`` defaults to what the jobs would use (env SCAMFLOW_LAKEHOUSE, else
    ``scamflow.lakehouse`` in conf/local.conf, relative to the scamflow checkout). Extra
    ``overrides`` are scamflow settings as ``-c key=value`` would give them, e.g.
    ``{"scamflow.spark.shuffle-partitions": "4"}``. One session per kernel: a second call
    returns the same session (and fails if it asks for another root).
    """
    global _session, _root
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway
    from pyspark.sql import SparkSession

    wanted = dict(overrides or {})
    if root is not None:
        root = _resolve(root)
        wanted["scamflow.lakehouse"] = root
    if _session is not None:
        if root is not None and _root != root:
            raise RuntimeError(
                f"this kernel already has the lakehouse {_root} open; restart it for {root}"
            )
        return _session

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    launch = SparkConf(loadDefaults=False)
    launch.set("spark.driver.extraClassPath", os.pathsep.join(project_classpath()))
    launch.set(
        "spark.driver.extraJavaOptions",
        f"-Dscamflow.home={home()} -Dlog4j2.level=WARN",
    )
    launch.set("spark.driver.memory", os.environ.get("SCAMFLOW_NOTEBOOK_MEMORY", "2g"))
    # Settings resolves relative paths against the working directory, as the CLI does from
    # the checkout: run the JVM from there.
    cwd = os.getcwd()
    os.chdir(home())
    try:
        gateway = launch_gateway(conf=launch)
        jvm = gateway.jvm
        jsettings = jvm.io.scamflow.config.Settings.load(
            jvm.java.util.Optional.empty(), _java_map(jvm, wanted)
        )
        jspark = jvm.io.scamflow.spark.SparkSessions.create(jsettings)
        _check_spark_version(jspark.version())
        jsc = jvm.org.apache.spark.api.java.JavaSparkContext(jspark.sparkContext())
        conf = SparkConf(_jvm=jvm, loadDefaults=False)
        conf.set("spark.master", jspark.sparkContext().master())
        conf.set("spark.app.name", jspark.sparkContext().appName())
        sc = SparkContext(gateway=gateway, jsc=jsc, conf=conf)
        spark = SparkSession(sc, jsparkSession=jspark)
        jvm.io.scamflow.table.Lakehouse.open(jspark, jsettings)
    finally:
        os.chdir(cwd)
    _session = spark
    _root = jsettings.lakehouse()
    return spark


def _resolve(root) -> str:
    """A URI as it is; a local path made absolute against the caller's working directory."""
    text = str(root)
    if "://" in text:
        return text.rstrip("/")
    return str(Path(text).resolve())


def _java_map(jvm, values: dict):
    m = jvm.java.util.HashMap()
    for k, v in values.items():
        m.put(str(k), str(v))
    return m


def lakehouse_root() -> str:
    """The root of the lakehouse the open session reads."""
    if _root is None:
        raise RuntimeError("no lakehouse open yet: call open_lakehouse() first")
    return _root


def table_exists(spark, name: str) -> bool:
    """True when ``database.table`` is registered (its Delta folder exists under the root)."""
    return spark.catalog.tableExists(name)


def missing_tables(spark, *names: str) -> list[str]:
    """The names among ``names`` that this lakehouse does not have (yet)."""
    return [n for n in names if not table_exists(spark, n)]


def world_dir() -> Path | None:
    """The generated world (with its truth/ folder) named by env SCAMFLOW_WORLD, if any.

    Falls back to ./demo-world of the checkout, which `./scamflow demo` writes.
    """
    env = os.environ.get("SCAMFLOW_WORLD")
    if env:
        return Path(env)
    demo = home() / "demo-world"
    return demo if (demo / "truth").is_dir() else None


def truth_files(kind: str) -> list[str]:
    """CSV files of one truth kind: transfers, accounts, entities, screening, designations."""
    world = world_dir()
    if world is None:
        return []
    single = world / "truth" / f"{kind}.csv"
    if single.is_file():
        return [str(single)]
    return sorted(glob.glob(str(world / "truth" / kind / "*.csv")))
