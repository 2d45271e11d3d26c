"""Built-in exporter plugins, one module per format."""
