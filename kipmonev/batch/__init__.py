"""Batch scoring for Komisi Informasi: many workbooks in parallel, the recap, year-over-year, compare."""
