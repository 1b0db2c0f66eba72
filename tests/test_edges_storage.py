"""Edges of the storage stack (issue #19): each test fails on a wrong byte, a lost record or a reused id."""
