"""Where the project's data files live.

>>> (DATA_DIR / "sites.csv").exists()
True
"""

from pathlib import Path

#: ``data/`` at the top of the project: gazetteer tables, borders, the sample articles.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
