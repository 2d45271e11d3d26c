"""Stored annotation sets: read back every form the tool writes, check them, report on them."""
