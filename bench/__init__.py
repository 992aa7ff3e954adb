"""Benchmarks and evaluations; each module prints a table (``python -m bench.NAME``)."""
