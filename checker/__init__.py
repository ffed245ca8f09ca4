"""numlint: a claim consistency checker for prose."""

__version__ = "0.1.0"
