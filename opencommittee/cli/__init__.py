"""Layer 7 (with `quality` and `devtools`): the command line for editors and CI."""
