"""``python -m kipmonev``."""

from kipmonev.cli import cli

if __name__ == "__main__":
    cli()
