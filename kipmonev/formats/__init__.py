"""File layouts shared by the readers and the writers: sheet names, headings, columns and cell references.

A layout says where things are; :mod:`kipmonev.sources` reads by it and :mod:`kipmonev.outputs` writes by it.
"""
