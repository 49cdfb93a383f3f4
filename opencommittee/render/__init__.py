"""Layer 4, rendering: page blocks as HTML, through autoescaped Jinja templates.

`renderer.Renderer` is what a template sees as `r` (one page, one language); the
`blocks` package has one module of block functions per page, registered in
`blocks.MACROS`; `templates/` holds the Jinja templates; `fmt` formats dates and numbers.
No MkDocs here: tests call the blocks on a fixture dataset.
"""
