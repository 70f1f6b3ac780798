"""Pure computation: scoring, stage combining, recap building, matching bodies, comparing results and editions.

No I/O and no clock: every function takes models and returns models.
"""
