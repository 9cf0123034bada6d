"""The disk and the command line: report files in any encoding, batches over processes, and
``govinfo-report``."""
