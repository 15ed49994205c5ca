import sys
from pathlib import Path

# the helper package lives beside the notebooks, as the notebooks import it
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
