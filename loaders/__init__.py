"""Loaders: one module per input format, all yielding ``relwork.core.records.Paper``."""
