"""Every notebook executes headless, top to bottom, against a real lakehouse.

Needs SCAMFLOW_LAKEHOUSE (a lakehouse the nightly run built) and SCAMFLOW_WORLD (the generated
world with its truth/). The JUnit class io.scamflow.notebooks.TestNotebooks builds both and runs
this file from `mvn verify`; by hand:

    SCAMFLOW_LAKEHOUSE=lakehouse SCAMFLOW_WORLD=demo-world python3 -m pytest notebooks/tests

A cell that raises (the notebooks assert what they show) fails the test with that cell's source
and traceback.
"""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = Path(__file__).resolve().parents[1]
ALL = sorted(p.name for p in NOTEBOOKS.glob("[0-9]_*.ipynb"))


def test_the_five_notebooks_are_there():
    assert [n.split("_", 1)[0] for n in ALL] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("name", ALL)
def test_notebook_runs_headless(name):
    if not os.environ.get("SCAMFLOW_LAKEHOUSE"):
        message = "SCAMFLOW_LAKEHOUSE is not set: no lakehouse to run the notebooks against"
        if os.environ.get("SCAMFLOW_NOTEBOOKS_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        nb,
        timeout=int(os.environ.get("SCAMFLOW_NOTEBOOK_CELL_TIMEOUT", "600")),
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    try:
        client.execute()
    except CellExecutionError as e:
        pytest.fail(f"{name}: a cell failed\n{e}", pytrace=False)
    finally:
        out = os.environ.get("SCAMFLOW_NOTEBOOK_OUT")
        if out:
            Path(out).mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, Path(out) / name)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
