"""`python -m relations_cli`."""

from .cli import main

main()
