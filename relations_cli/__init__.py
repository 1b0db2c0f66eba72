"""relations: a command-line tracker of bilateral relations between countries."""

__version__ = "0.1.0"
