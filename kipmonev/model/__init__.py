"""Data models: the questionnaire (edition, rules), a submission, the canonical result and the recap.

Plain frozen pydantic models; no I/O. Imports only :mod:`kipmonev.core`.
"""
