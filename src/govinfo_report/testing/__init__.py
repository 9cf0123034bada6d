"""Hypothesis strategies for reports (``govinfo_report.testing.strategies``); needs the
optional extra ``hypothesis``."""
