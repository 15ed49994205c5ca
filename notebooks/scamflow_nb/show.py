"""Small display helpers for the notebooks: say plainly when a table is not there yet."""

from __future__ import annotations

from . import missing_tables


def _markdown(text: str) -> None:
    try:
        from IPython.display import Markdown, display

        display(Markdown(text))
    except ImportError:  # outside Jupyter
        print(text)


def have(spark, *tables: str, what: str = "this section") -> bool:
    """True when every table exists; otherwise shows which are absent and returns False.

    A notebook cell guards the part that needs a table with ``if have(spark, "gold.cases"):``
    so the notebook still runs (and says so) on a lakehouse built before that table existed.
    """
    missing = missing_tables(spark, *tables)
    if missing:
        names = ", ".join(f"`{m}`" for m in missing)
        _markdown(
            f"> **Absent: {names}.** This lakehouse has no such table yet, so {what} is skipped."
            " Run the nightly pipeline with a scamflow version that builds it, then re-run"
            " this notebook."
        )
        return False
    return True


def usd(x) -> str:
    """A USD amount for a caption: 1,234,567 USD."""
    return f"{float(x):,.0f} USD"
