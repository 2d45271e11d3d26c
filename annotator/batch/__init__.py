"""Batch machinery: `inputs` (paths, globs, archives → items; safe reading), `outputs`
(atomic writes, failures.jsonl), `pool` (the ordered bounded process pool, Dask),
`deadline` (per-input time limit), `runner` (one batch end to end), `preload` (warm
workers), `reexport` (`annotate export` of stored sets).
"""
