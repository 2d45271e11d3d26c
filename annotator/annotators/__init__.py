"""Built-in annotator plugins, one module per annotation type."""
