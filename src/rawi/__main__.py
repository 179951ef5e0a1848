"""`python -m rawi` runs the command line."""

from rawi.cli import app

app(prog_name="rawi")
