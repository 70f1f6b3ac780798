"""Use cases: check one workbook, score a batch, render reports for a batch, read report inputs, generate docs.

Each one calls sources, engine and outputs and returns data; the CLI prints it.
"""
