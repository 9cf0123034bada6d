"""Writing a ``Report`` out: canonical text in any layout, JSON-ready dicts, cell exports."""
