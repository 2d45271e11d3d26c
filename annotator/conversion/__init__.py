"""Money conversion: `rates` (rate sources: the bundled ECB table, CSV files; the plugin
that registers them), `convert` (conversion arithmetic and restatement checks),
`currencies` (ISO 4217 minor units).
"""
