"""`python -m relations_cli`."""

from .launch import main

main()
