"""Bottom layer: errors and the problem catalogue, numbers and dates in Indonesian, files written safely, resources.

Imports nothing else of kipmonev; every other layer may import it.
"""
