"""The lakehouse helper's plumbing that needs no JVM: classpath and world discovery."""

import os
from pathlib import Path

import pytest

import scamflow_nb
from scamflow_nb import project_classpath, truth_files, world_dir


def test_classpath_from_env_drops_jars_pyspark_already_ships(monkeypatch, tmp_path):
    shipped = sorted(scamflow_nb._pyspark_jar_names())
    assert shipped, "pyspark ships its jars"
    ours = str(tmp_path / "scamflow-common-0.1.0-SNAPSHOT.jar")
    delta = str(tmp_path / "delta-spark_4.2_2.13-4.4.0.jar")
    duplicate = str(tmp_path / shipped[0])
    monkeypatch.setenv("SCAMFLOW_CLASSPATH", os.pathsep.join([ours, duplicate, delta]))
    assert project_classpath() == [ours, delta]


def test_classpath_without_a_build_says_how_to_build(monkeypatch, tmp_path):
    monkeypatch.delenv("SCAMFLOW_CLASSPATH", raising=False)
    monkeypatch.setenv("SCAMFLOW_HOME", str(tmp_path))
    with pytest.raises(RuntimeError, match="mvn -B -q -DskipTests install"):
        project_classpath()


def test_truth_files_list_a_world_folder_and_a_single_file(monkeypatch, tmp_path):
    (tmp_path / "truth" / "transfers").mkdir(parents=True)
    (tmp_path / "truth" / "transfers" / "transfers-2027-01-05-s000.csv").write_text("a\n")
    (tmp_path / "truth" / "transfers" / "transfers-2027-01-04-s000.csv").write_text("a\n")
    (tmp_path / "truth" / "screening.csv").write_text("a\n")
    monkeypatch.setenv("SCAMFLOW_WORLD", str(tmp_path))
    assert world_dir() == Path(tmp_path)
    assert [Path(f).name for f in truth_files("transfers")] == [
        "transfers-2027-01-04-s000.csv",
        "transfers-2027-01-05-s000.csv",
    ]
    assert [Path(f).name for f in truth_files("screening")] == ["screening.csv"]
    assert truth_files("entities") == []
