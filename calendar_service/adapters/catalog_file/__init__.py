"""The activity catalog file (`data/activities.toml`): its shape (`spec.py`) and its loading,
with every problem named by its dotted key (`load.py`)."""

from calendar_service.adapters.catalog_file.load import load_catalog, parse_catalog

__all__ = ["load_catalog", "parse_catalog"]
