"""Layer 7: developer tools: synthetic data (`synthetic`) and the benchmark (`bench`)."""
